/**
 * Rule: an `attempts N` limit is one the schedule can reach.
 * Reports: `attempt-limit-unreachable` (warning).
 * Enforces: docs/language.md, "Declarations" › `retry` (`attempts N`) and
 * "What the compiler checks": "an `attempts N` limit that the tiers and the
 * period can never reach".
 *
 * The earliest timeline packs the most attempts into the period, so if even
 * it makes fewer than N attempts, no run makes N. A schedule cut off at the
 * timeline's cap is taken to reach any limit.
 */
import type { RetryModel } from '../model.js';
import { attemptCap, scheduleAttempts } from '../retry-timeline.js';
import type { Check } from './check.js';
import { schedulable } from './syntax-lookup.js';
import { formatDuration } from '../../common/duration.js';

export const checkAttemptLimitReachable: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const limitItem = retry.node.items.find((item) => item.kind === 'RetryAttempts');
    if (retry.attempts === undefined || limitItem === undefined || !schedulable(ctx, retry)) continue;
    const { count, endedByWithin } = attemptsWithoutLimit(retry, retry.attempts);
    if (count >= attemptCap || count >= retry.attempts) continue;
    const file = retry.source.file;
    const withinItem = retry.node.items.find((item) => item.kind === 'RetryWithin');
    const notes =
      endedByWithin && withinItem !== undefined && retry.within !== undefined
        ? [{ message: `the period ends at ${formatDuration(retry.within)}, after attempt ${count}`, file, span: withinItem }]
        : [{ message: `the tiers make ${count - 1} ${count === 2 ? 'retry' : 'retries'} after the first attempt`, file, span: retry.node.name }];
    ctx.report(
      'attempt-limit-unreachable',
      file,
      limitItem,
      { limit: String(retry.attempts), reached: String(count) },
      { notes, help: `lower the limit to \`attempts ${count}\`, or remove it` },
    );
  }
};

/**
 * How many attempts the tiers and the period allow, counting no further
 * than the limit itself, and whether the period is what stops them.
 */
function attemptsWithoutLimit(retry: RetryModel, limit: number): { count: number; endedByWithin: boolean } {
  let count = 0;
  for (const attempt of scheduleAttempts(retry)) {
    if (retry.within !== undefined && attempt.at > retry.within) return { count, endedByWithin: true };
    count = attempt.number;
    if (count >= limit) break;
  }
  return { count, endedByWithin: false };
}
