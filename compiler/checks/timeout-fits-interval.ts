/**
 * Rule: a per-attempt timeout leaves room for the schedule: it is no longer
 * than the longest interval between attempts.
 * Reports: `timeout-exceeds-interval` (warning).
 * Enforces: docs/language.md, "Declarations" › `retry` (`timeout D`) and
 * "The schedule": "If an attempt is still running when the next one is due,
 * the next one starts as soon as it ends."
 *
 * A timeout longer than a short tier's interval is a normal design (the
 * reference's own IOC strategy retries every 5m with a 10m timeout): slow
 * attempts delay a few quick retries. A timeout longer than every interval
 * the strategy uses means any slow attempt delays the next one, so the
 * written schedule never holds; that is the warning. Intervals are compared
 * as written, before jitter, and only those of attempts actually made.
 */
import { retryTimeline } from '../retry-timeline.js';
import type { Check } from './check.js';
import { schedulable } from './syntax-lookup.js';
import { formatDuration } from '../../common/duration.js';
import { longestGo, timeLimit } from '../../common/time-bound.js';

export const checkTimeoutFitsInterval: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const timeoutItem = retry.node.items.find((item) => item.kind === 'RetryTimeout');
    if (retry.timeout === undefined || timeoutItem === undefined || !schedulable(ctx, retry)) continue;
    // A timeout that takes the strategy past the range of exact times is that error alone (`time-too-long`).
    if (longestGo(retry).time > timeLimit) continue;
    const retries = retryTimeline(retry).attempts.slice(1);
    const longest = retries.reduce<(typeof retries)[number] | undefined>((best, a) => (best === undefined || a.interval > best.interval ? a : best), undefined);
    if (longest?.tier === undefined || retry.timeout <= longest.interval) continue;
    const interval = formatDuration(longest.interval);
    ctx.report(
      'timeout-exceeds-interval',
      retry.source.file,
      timeoutItem,
      { timeout: formatDuration(retry.timeout), interval },
      {
        notes: [{ message: `the longest interval is tier \`${longest.tier.name}\`'s ${interval}`, file: retry.source.file, span: longest.tier.source.span }],
        help: `make the timeout at most ${interval}, or lengthen the interval`,
      },
    );
  }
};
