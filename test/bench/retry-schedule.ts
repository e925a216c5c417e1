/**
 * Durations and retry timelines for the generator, so every generated
 * strategy passes the compiler's schedule checks (docs/language.md,
 * "The schedule"): no counted retry after `within`, an `attempts` limit the
 * schedule reaches, a deadline no earlier than the last attempt.
 *
 * Invariant: the generator's own arithmetic, not the compiler's. Timelines
 * here are the *latest* ones (every jitter draw at its maximum), which make
 * the fewest attempts at the latest times; any strategy that is valid on
 * them is valid on the earliest timeline the compiler computes as well.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Writes milliseconds as a duration literal: `90m` as `1h30m`, whole days of two or more as `2d`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % DAY === 0 && ms >= 2 * DAY) return `${ms / DAY}d`;
  let rest = Math.round(ms);
  let text = '';
  for (const [unit, size] of [['h', HOUR], ['m', MINUTE], ['s', SECOND]] as const) {
    const whole = Math.floor(rest / size);
    if (whole > 0) text += `${whole}${unit}`;
    rest -= whole * size;
  }
  return rest > 0 ? `${text}${rest}ms` : text;
}

/** Rounds up to a duration people write: whole minutes below a day, whole hours above. */
export function roundUp(ms: number): number {
  const step = ms >= DAY ? HOUR : MINUTE;
  return Math.max(step, Math.ceil(ms / step) * step);
}

export interface TierPlan {
  readonly count: number | undefined;
  readonly every: number;
  readonly factor: number | undefined;
  readonly cap: number | undefined;
}

export type JitterPlan = { readonly kind: 'none' } | { readonly kind: 'full' } | { readonly kind: 'range'; readonly high: number };

/** Safety net against a generator bug that makes an unbounded plan. */
const maxAttempts = 100_000;

/**
 * The scheduled time of every attempt on the latest timeline, the first at 0,
 * stopped by `within` and `attempts` as the runtime stops it.
 */
export function latestAttemptTimes(tiers: readonly TierPlan[], jitter: JitterPlan, within?: number, attempts?: number): number[] {
  const times = [0];
  let time = 0;
  for (const tier of tiers) {
    const count = tier.count ?? Number.POSITIVE_INFINITY;
    for (let k = 1; k <= count; k++) {
      let interval = tier.every * (tier.factor ?? 1) ** (k - 1);
      if (tier.cap !== undefined) interval = Math.min(interval, tier.cap);
      time += jitter.kind === 'range' ? interval + jitter.high : interval;
      if (within !== undefined && time > within) return times;
      if (attempts !== undefined && times.length >= attempts) return times;
      times.push(time);
      if (times.length > maxAttempts) throw new Error('generated retry strategy is unbounded');
    }
  }
  return times;
}
