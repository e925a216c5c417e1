/**
 * The range in which times are exact, and the longest one go at a step can
 * last under a retry strategy. Times are milliseconds in doubles: past
 * 2^53 − 1 (about 285,616 years) a double no longer holds every whole
 * millisecond, so sums, comparisons and percentiles would be silently wrong.
 * The compiler reports a strategy whose own waits and timeouts could pass
 * the limit (`time-too-long`), the runtime refuses such a strategy built
 * elsewhere, and a run whose clock would pass it (durations from handlers or
 * a fault model, added up) stops with a usage error rather than a figure.
 *
 * Invariant: this folder imports nothing, so every layer may import it.
 */
import { attemptLimit, mostAttempts, type BoundStrategy } from './attempt-bound.js';

/** The latest time, in milliseconds, that the toolchain computes with: 2^53 − 1. */
export const timeLimit = Number.MAX_SAFE_INTEGER;

/** The limit in words, for messages. */
export const timeLimitInWords = 'about 285,616 years (2^53 − 1 ms)';

export interface TimedStrategy extends BoundStrategy {
  readonly timeout?: number | null | undefined;
  readonly jitter: { readonly kind: 'none' } | { readonly kind: 'full' } | { readonly kind: 'range'; readonly low: number; readonly high: number };
}

export interface TimeBound {
  /** An upper bound on one go at a step, in milliseconds; past `timeLimit` the walk stopped. */
  readonly time: number;
  /** The index of the tier whose retry takes the bound past `timeLimit`; -1 when it stays within, or the first attempt's timeout alone passes it. */
  readonly tier: number;
}

/**
 * An upper bound on how long one go at a step lasts, when every attempt
 * fails and ends by its timeout: over the attempts the strategy can make
 * (as many as its earliest timeline, `mostAttempts`), each retry waits its
 * interval with the longest jitter draw, or the timeout of the attempt
 * before it when that is longer, and the last attempt runs to its timeout.
 * With `within`, no attempt starts after the period, so the period and one
 * timeout bound it. Without a timeout, attempts take what their handlers say, which the
 * runtime checks as it runs. A strategy over `attemptLimit` is left to
 * `too-many-attempts`: its bound is walked over the limit's attempts only.
 */
export function longestGo(strategy: TimedStrategy): TimeBound {
  const timeout = strategy.timeout ?? 0;
  // No attempt starts after the retry period: the last one ends by its timeout after it.
  const periodEnd = (strategy.within ?? Infinity) + timeout;
  if (periodEnd <= timeLimit) return { time: periodEnd, tier: -1 };
  const attempts = Math.min(mostAttempts(strategy).attempts, attemptLimit);
  let time = timeout;
  if (time > timeLimit) return { time, tier: -1 };
  let made = 1;
  for (let index = 0; index < strategy.tiers.length; index++) {
    const tier = strategy.tiers[index]!;
    const retries = tier.count ?? Infinity;
    const fixed = tier.factor === undefined || tier.factor === null || tier.factor === 1;
    for (let done = 0; done < retries && made < attempts; done++) {
      const interval = Math.min(fixed ? tier.every : tier.every * Math.pow(tier.factor!, done), tier.cap ?? Infinity);
      const wait = strategy.jitter.kind === 'range' ? interval + strategy.jitter.high : interval;
      // A wait that overflows ends the schedule, as it does in the runtime.
      if (!Number.isFinite(wait)) return { time, tier: -1 };
      time += Math.max(wait, timeout);
      made += 1;
      if (time > timeLimit) return { time, tier: index };
    }
  }
  return { time, tier: -1 };
}
