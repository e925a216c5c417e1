/**
 * The timelines of a retry strategy (docs/language.md, "The schedule"):
 * when each attempt is scheduled if every attempt fails transiently at
 * once. The earliest timeline has every jitter draw at its minimum, the
 * latest at its maximum; without jitter they are the same. The checks use
 * the earliest to prove that a retry falls outside a period or a deadline;
 * the policy document draws both (`diagrams/retry-diagram.ts`).
 *
 * Invariant: pure; no diagnostics, no clock, no random source.
 */
import { attemptLimit } from '../common/attempt-bound.js';
import type { RetryModel, TierModel } from './model.js';

/**
 * The most attempts a timeline lists; a schedule with more is cut off here.
 * A strategy that makes more in one step is an error (`too-many-attempts`).
 */
export const attemptCap = attemptLimit;

export interface PlannedAttempt {
  /** 1 for the first attempt. */
  readonly number: number;
  /** The earliest scheduled time, in milliseconds after the first attempt. */
  readonly at: number;
  /** The tier this attempt is a retry of; `undefined` for the first attempt. */
  readonly tier: TierModel | undefined;
  /** Which retry of its tier this attempt is, from 1; 0 for the first attempt. */
  readonly retryOfTier: number;
  /** The tier's interval before this attempt, before jitter; 0 for the first attempt. */
  readonly interval: number;
}

/** Which end of every jitter draw a timeline takes. */
export type Draws = 'earliest' | 'latest';

/** Why a timeline ends. `cap` means it was cut off at `attemptCap`. */
export type TimelineEnd = 'tiers' | 'within' | 'attempts' | 'cap';

export interface RetryTimeline {
  /** The attempts made, in order: each within the period and the `attempts` limit. */
  readonly attempts: readonly PlannedAttempt[];
  /** When the step is exhausted: at the end of the period, or else at the last attempt. */
  readonly exhaustedAt: number;
  readonly end: TimelineEnd;
}

/**
 * Every attempt the tiers schedule, in order, ignoring `within` and
 * `attempts`: the first attempt at 0, then one per retry of each tier. Ends
 * when the tiers run out, when an interval overflows, or at `attemptCap`.
 */
export function* scheduleAttempts(retry: RetryModel, draws: Draws = 'earliest'): Generator<PlannedAttempt, void, undefined> {
  yield { number: 1, at: 0, tier: undefined, retryOfTier: 0, interval: 0 };
  let at = 0;
  let number = 1;
  for (const tier of retry.tiers) {
    for (let retryOfTier = 1; tier.count === undefined || retryOfTier <= tier.count; retryOfTier++) {
      if (number >= attemptCap) return;
      const interval = intervalOf(tier, retryOfTier);
      // An interval that overflows ends the schedule, as the runtime does.
      if (!Number.isFinite(interval)) return;
      at += waitAfter(retry, interval, draws);
      number += 1;
      yield { number, at, tier, retryOfTier, interval };
    }
  }
}

/** The attempts a strategy makes, and when it is exhausted, with every jitter draw at one end. */
export function retryTimeline(retry: RetryModel, draws: Draws = 'earliest'): RetryTimeline {
  const attempts: PlannedAttempt[] = [];
  let end: TimelineEnd = 'tiers';
  for (const attempt of scheduleAttempts(retry, draws)) {
    if (retry.within !== undefined && attempt.at > retry.within) {
      end = 'within';
      break;
    }
    if (retry.attempts !== undefined && attempt.number > retry.attempts) {
      end = 'attempts';
      break;
    }
    attempts.push(attempt);
  }
  if (end === 'tiers' && attempts.length >= attemptCap) end = 'cap';
  const last = attempts[attempts.length - 1]?.at ?? 0;
  return { attempts, exhaustedAt: retry.within ?? last, end };
}

/** The first attempt the strategy makes after `time`: within its period and its `attempts` limit. */
export function firstAttemptAfter(retry: RetryModel, time: number): PlannedAttempt | undefined {
  return firstAfter(retry, time, retry.within ?? Infinity);
}

/** The first attempt the tiers schedule after `time` within the `attempts` limit, whatever the period. */
export function firstScheduledAfter(retry: RetryModel, time: number): PlannedAttempt | undefined {
  return firstAfter(retry, time, Infinity);
}

/**
 * What searching `scheduleAttempts` for the first attempt after `time`
 * gives, without walking every attempt: once a tier's waits stop changing
 * (a fixed interval, a grown interval at its cap, or full jitter's zero
 * wait), the rest of the tier is crossed in one step. A schedule of
 * thousands of attempts costs a few operations per tier, and a jump is not
 * cut off at `attemptCap` as the list is.
 */
function firstAfter(retry: RetryModel, time: number, periodEnd: number): PlannedAttempt | undefined {
  const limit = retry.attempts ?? Infinity;
  const made = (attempt: PlannedAttempt): PlannedAttempt | undefined => (attempt.number <= limit && attempt.at <= periodEnd ? attempt : undefined);
  if (time < 0) return made({ number: 1, at: 0, tier: undefined, retryOfTier: 0, interval: 0 });
  let at = 0;
  let number = 1;
  for (const tier of retry.tiers) {
    for (let done = 0; tier.count === undefined || done < tier.count; ) {
      const left = tier.count === undefined ? Infinity : tier.count - done;
      const interval = intervalOf(tier, done + 1);
      if (!Number.isFinite(interval)) return undefined;
      const wait = waitAfter(retry, interval, 'earliest');
      const steady = tier.factor === undefined || interval === tier.cap || wait === 0;
      if (steady && wait === 0) {
        // The rest of the tier happens at `at`, which is not after `time`.
        if (left === Infinity) return undefined;
        number += left;
        break;
      }
      if (steady) {
        // Invariant: at <= time, so at least one more wait is needed to pass it.
        const needed = Math.floor((time - at) / wait) + 1;
        if (needed <= left) return made({ number: number + needed, at: at + needed * wait, tier, retryOfTier: done + needed, interval });
        at += left * wait;
        number += left;
        break;
      }
      if (number >= attemptCap || number >= limit) return undefined;
      at += wait;
      number += 1;
      done += 1;
      if (at > time) return made({ number, at, tier, retryOfTier: done, interval });
    }
  }
  return undefined;
}

/**
 * The interval before the k-th retry of a tier, before jitter: `every`, or
 * `every × factor^(k−1)` no more than `cap` (docs/language.md, `retry`).
 */
export function intervalOf(tier: TierModel, retryOfTier: number): number {
  if (tier.factor === undefined) return tier.every;
  const grown = tier.every * Math.pow(tier.factor, retryOfTier - 1);
  return tier.cap !== undefined && grown > tier.cap ? tier.cap : grown;
}

/**
 * The wait jitter allows after an interval, at its shortest or its longest:
 * `full` draws from nothing to the interval, a range adds its low or high end.
 */
function waitAfter(retry: RetryModel, interval: number, draws: Draws): number {
  switch (retry.jitter.kind) {
    case 'none':
      return interval;
    case 'full':
      return draws === 'earliest' ? 0 : interval;
    case 'range':
      return interval + (draws === 'earliest' ? retry.jitter.low : retry.jitter.high);
  }
}

/**
 * Whether the strategy is well formed enough for its timeline to mean
 * something: every item complete, tiers with whole positive counts and
 * growing factors, only the last tier uncounted, an end, and a non-empty
 * jitter range. The checks that report each of these problems run first;
 * the timeline checks skip a strategy that has one, so one mistake gives
 * one error.
 */
export function isSchedulable(retry: RetryModel): boolean {
  const last = retry.tiers[retry.tiers.length - 1];
  if (last === undefined || hasGaps(retry)) return false;
  const tiersOk = retry.tiers.every(
    (tier) =>
      isWholePositive(tier.count) &&
      (tier.factor === undefined ? tier.cap === undefined : tier.factor > 1) &&
      (tier.count !== undefined || tier === last),
  );
  const bounded = last.count !== undefined || retry.within !== undefined || retry.attempts !== undefined;
  const jitterOk = retry.jitter.kind !== 'range' || retry.jitter.low <= retry.jitter.high;
  return tiersOk && bounded && jitterOk && isWholePositive(retry.attempts);
}

function isWholePositive(count: number | undefined): boolean {
  return count === undefined || (Number.isInteger(count) && count > 0);
}

/** Whether error recovery left a part of the declaration out of the model. */
function hasGaps(retry: RetryModel): boolean {
  return retry.node.items.some((item) => {
    switch (item.kind) {
      case 'Tier':
        return item.every.kind === 'Missing' || item.count?.kind === 'Missing' || item.factor?.kind === 'Missing' || item.cap?.kind === 'Missing';
      case 'RetryWithin':
        return item.period.kind === 'Missing';
      case 'RetryAttempts':
        return item.count.kind === 'Missing';
      case 'RetryTimeout':
        return item.limit.kind === 'Missing';
      case 'RetryJitter':
        return item.jitter.kind === 'Missing' || (item.jitter.kind === 'JitterRange' && (item.jitter.low.kind === 'Missing' || item.jitter.high.kind === 'Missing'));
    }
  });
}
