/**
 * Rule: one go at a step makes at most `attemptLimit` (10,000) attempts,
 * counted on the strategy's earliest timeline.
 * Reports: `too-many-attempts`.
 * Enforces: docs/language.md, "Exhaustion": "one go at a step makes at
 * most 10,000 attempts". The runtime refuses such a strategy with the same
 * count (common/attempt-bound.ts), so a policy that checks cleanly runs.
 *
 * Every millisecond for two days is 172.8 M attempts, each a handler call
 * and a few timeline events: hours of work and gigabytes of memory for one
 * installation. A tier that waits nothing repeats for ever at one instant.
 */
import { attemptLimit, describeAttempts, mostAttempts } from '../../common/attempt-bound.js';
import { formatDuration } from '../../common/duration.js';
import type { Check } from './check.js';
import type { RetryModel } from '../model.js';
import { schedulable } from './syntax-lookup.js';

export const checkAttemptsWithinLimit: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    if (!schedulable(ctx, retry)) continue;
    const bound = mostAttempts(retry);
    if (bound.attempts <= attemptLimit) continue;
    const tier = retry.tiers[bound.tier];
    const file = retry.source.file;
    const limit = attemptLimit.toLocaleString('en-GB');
    const notes =
      tier === undefined
        ? []
        : [{ message: `the count passes ${limit} in tier \`${tier.name}\`, which waits ${waitOf(retry, tier.every)} between attempts`, file, span: tier.source.span }];
    const help =
      bound.attempts === Infinity
        ? `give tier \`${tier?.name ?? ''}\` a wait longer than 0, or add \`attempts N\` with N at most ${limit}`
        : `lengthen the interval, shorten \`within\`, or add \`attempts N\` with N at most ${limit}`;
    ctx.report('too-many-attempts', file, retry.node.name, { name: retry.name, count: describeAttempts(bound), limit, tier: tier?.name ?? '' }, { notes, help });
  }
};

function waitOf(retry: RetryModel, every: number): string {
  if (retry.jitter.kind === 'full') return `from nothing up to ${formatDuration(every)}`;
  return retry.jitter.kind === 'range' ? `at least ${formatDuration(every + retry.jitter.low)}` : formatDuration(every);
}
