/**
 * The most attempts one go at a step can make under a retry strategy, and
 * the limit on it. The compiler reports a strategy over the limit
 * (`too-many-attempts`) and the runtime refuses one built elsewhere, both
 * with this one count, so the two never disagree. The limit bounds the work
 * and the timeline of every installation: a strategy retrying every
 * millisecond for two days would make 172.8 M attempts.
 *
 * Invariant: this folder imports nothing, so every layer may import it.
 */

/** The most attempts one go at a step may make (docs/language.md, "Exhaustion"). */
export const attemptLimit = 10_000;

/** A tier as both the compiler's model and the compiled policy write it (`null` or `undefined` for absent). */
export interface BoundTier {
  readonly count?: number | null | undefined;
  readonly every: number;
  /** Absent or 1 for a fixed interval. */
  readonly factor?: number | null | undefined;
  readonly cap?: number | null | undefined;
}

export interface BoundStrategy {
  readonly tiers: readonly BoundTier[];
  readonly within?: number | null | undefined;
  readonly attempts?: number | null | undefined;
  readonly jitter: { readonly kind: 'none' } | { readonly kind: 'full' } | { readonly kind: 'range'; readonly low: number };
}

export interface AttemptBound {
  /** The most attempts, the first included; `Infinity` when a tier could retry for ever at one instant. */
  readonly attempts: number;
  /** False when counting stopped past the limit in a tier whose waits still grow: there are at least `attempts`. */
  readonly exact: boolean;
  /** The index of the tier whose retries take the count past `attemptLimit`, or -1 when it stays within. */
  readonly tier: number;
}

/**
 * Counts the attempts of the earliest timeline (every attempt failing at
 * once, every jitter draw at its minimum: `full` waits nothing, a range its
 * low end), which makes the most attempts any run can: a run's attempts
 * start no earlier than their scheduled times. Attempts stop at the `attempts`
 * limit, after the `within` period, when the tiers run out, or when an
 * interval overflows, as the runtime's schedule does.
 *
 * Waits that no longer change (a fixed interval, a grown one at its cap, or
 * full jitter's nothing) are crossed in one step, so a strategy of millions
 * of attempts costs a few operations per tier. Waits that still grow are
 * walked one by one, until the count passes the limit.
 */
export function mostAttempts(strategy: BoundStrategy): AttemptBound {
  const limit = strategy.attempts ?? Infinity;
  const periodEnd = strategy.within ?? Infinity;
  let at = 0;
  let count = 1;
  let passedIn = -1;
  const result = (exact: boolean): AttemptBound => {
    const attempts = Math.min(count, limit);
    return { attempts, exact: exact || attempts === limit, tier: attempts > attemptLimit ? passedIn : -1 };
  };
  for (let index = 0; index < strategy.tiers.length; index++) {
    const tier = strategy.tiers[index]!;
    const retries = tier.count ?? Infinity;
    const fixed = tier.factor === undefined || tier.factor === null || tier.factor === 1;
    for (let done = 0; done < retries; ) {
      if (count >= limit) return result(true);
      const interval = Math.min(fixed ? tier.every : tier.every * Math.pow(tier.factor!, done), tier.cap ?? Infinity);
      // An interval that overflows ends the schedule, as it does in the runtime.
      if (!Number.isFinite(interval)) return result(true);
      const wait = strategy.jitter.kind === 'none' ? interval : strategy.jitter.kind === 'full' ? 0 : interval + strategy.jitter.low;
      // The interval stops changing when it is fixed, at its cap, or 0 (which no factor grows).
      if (fixed || interval === tier.cap || interval === 0) {
        // Every remaining retry of the tier waits `wait`: as many as fit before the period ends.
        const fit = wait === 0 ? Infinity : Math.floor((periodEnd - at) / wait);
        const taken = Math.min(retries - done, fit);
        count += taken;
        if (count > attemptLimit && passedIn < 0) passedIn = index;
        if (taken < retries - done) return result(true);
        if (Number.isFinite(taken)) at += taken * wait;
        break;
      }
      at += wait;
      if (at > periodEnd) return result(true);
      count += 1;
      done += 1;
      if (count > attemptLimit) {
        if (passedIn < 0) passedIn = index;
        // Still growing past the limit: the count is known to be too many, not how many.
        if (count < limit) return result(false);
      }
    }
  }
  return result(true);
}

/** The count for a message: `172,800,001`, `more than 10,000` or `unlimited`. */
export function describeAttempts(bound: AttemptBound): string {
  if (bound.attempts === Infinity) return 'unlimited';
  const count = bound.attempts.toLocaleString('en-GB');
  return bound.exact ? count : `more than ${(bound.attempts - 1).toLocaleString('en-GB')}`;
}
