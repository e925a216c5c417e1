/**
 * Rule: one go at a step lasts less than 2^53 − 1 ms (about 285,616
 * years), counting its waits with their longest jitter and its attempts cut
 * at their timeout.
 * Reports: `time-too-long`.
 * Enforces: docs/language.md, "The schedule": times are exact milliseconds.
 * The runtime refuses the same strategies with the same words
 * (common/time-bound.ts), and stops a run whose clock would pass the limit.
 *
 * A factor of 99,999 over three retries waits 10^10 hours: a double holds
 * that time only to within a few milliseconds, and every sum, deadline and
 * percentile built on it would be silently wrong.
 */
import { attemptLimit, mostAttempts } from '../../common/attempt-bound.js';
import { longestGo, timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import { isSchedulable } from '../retry-timeline.js';
import type { Check } from './check.js';

export const checkTimesWithinRange: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    // A strategy with too many attempts is reported for that alone: one mistake, one error.
    if (!isSchedulable(retry) || mostAttempts(retry).attempts > attemptLimit) continue;
    const bound = longestGo(retry);
    if (bound.time <= timeLimit) continue;
    const tier = retry.tiers[bound.tier];
    const file = retry.source.file;
    const notes = tier === undefined ? [] : [{ message: `the waits of tier \`${tier.name}\` take one go past the limit`, file, span: tier.source.span }];
    const help = 'lower the factor, add a `cap`, shorten the intervals or the timeout, or stop the strategy sooner with `within` or `attempts`';
    ctx.report('time-too-long', file, retry.node.name, { name: retry.name, limit: timeLimitInWords, tier: tier?.name ?? '' }, { notes, help });
  }
};
