/**
 * Retry strategies: the waits between attempts, tier after tier, with
 * exponential growth, caps and jitter (docs/language.md, "The schedule").
 */
import { attemptLimit, describeAttempts, mostAttempts } from '../../common/attempt-bound.js';
import { longestGo, timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import { MigrationUsageError } from '../errors.js';
import type { JitterDefinition, RetryDefinition } from '../policy.js';
import type { RandomSource } from '../random.js';

/**
 * The waits of one run of a strategy. Each call to `nextWait` gives the time
 * from the previous attempt's *scheduled* time to the next one's.
 */
export class Schedule {
  private tierIndex = 0;
  /** Retries already drawn from the current tier. */
  private retriesInTier = 0;

  constructor(
    private readonly strategy: RetryDefinition,
    private readonly random: RandomSource,
  ) {}

  /** The next wait in milliseconds, or -1 when the tiers have no retry left. */
  nextWait(): number {
    const tiers = this.strategy.tiers;
    let tier = tiers[this.tierIndex];
    while (tier !== undefined && tier.count !== null && this.retriesInTier >= tier.count) {
      this.tierIndex += 1;
      this.retriesInTier = 0;
      tier = tiers[this.tierIndex];
    }
    if (tier === undefined) return -1;
    this.retriesInTier += 1;
    let interval = tier.factor === 1 ? tier.every : tier.every * Math.pow(tier.factor, this.retriesInTier - 1);
    if (tier.cap !== null && interval > tier.cap) interval = tier.cap;
    const wait = jittered(interval, this.strategy.jitter, this.random);
    // Invariant: an interval that overflows ends the schedule instead of waiting forever.
    return Number.isFinite(wait) ? wait : -1;
  }
}

/**
 * Applies jitter to an interval. Draws are whole milliseconds, so times stay
 * whole: `full` is uniform over `[0, interval]`, a range `A..B` adds a wait
 * uniform over `[A, B]`. Each call draws at most once.
 */
function jittered(interval: number, jitter: JitterDefinition, random: RandomSource): number {
  switch (jitter.kind) {
    case 'none':
      return interval;
    case 'full':
      return Math.min(interval, Math.floor(random.next() * (interval + 1)));
    case 'range':
      return interval + Math.min(jitter.high, jitter.low + Math.floor(random.next() * (jitter.high - jitter.low + 1)));
  }
}

const checked = new WeakSet<RetryDefinition>();

/**
 * Throws a `MigrationUsageError` for a strategy the compiler would have
 * rejected and the runtime cannot run: negative durations, or a schedule
 * with no end (an uncounted tier without `within` or `attempts`) or with
 * more attempts in one step than `attemptLimit` (one that would retry
 * forever at a single instant has no limit at all). Remembers strategies
 * already checked.
 */
export function checkStrategy(name: string, strategy: RetryDefinition): void {
  if (checked.has(strategy)) return;
  const problem = strategyProblem(strategy);
  if (problem !== null) throw new MigrationUsageError(`retry strategy \`${name}\` ${problem}`);
  checked.add(strategy);
}

function strategyProblem(strategy: RetryDefinition): string | null {
  const { tiers, within, attempts, timeout, jitter } = strategy;
  if (within !== null && !isTime(within)) return 'has a `within` that is not a time from 0 to 2^53 − 1 ms';
  if (attempts !== null && !(Number.isSafeInteger(attempts) && attempts >= 1)) return 'has an `attempts` limit that is not a whole number from 1';
  if (timeout !== null && !(timeout > 0 && isTime(timeout))) return 'has a `timeout` that is not positive';
  if (jitter.kind === 'range' && !(isTime(jitter.low) && isTime(jitter.high) && jitter.high >= jitter.low)) return 'has an invalid jitter range';
  for (const tier of tiers) {
    if (!isTime(tier.every) || !(tier.factor >= 1 && Number.isFinite(tier.factor)) || (tier.cap !== null && !isTime(tier.cap))) {
      return `has an invalid tier \`${tier.name}\``;
    }
    if (tier.count !== null && !(Number.isSafeInteger(tier.count) && tier.count >= 0)) {
      return `has an invalid count in tier \`${tier.name}\``;
    }
    if (tier.count === null && attempts === null && within === null) {
      return `is unbounded: tier \`${tier.name}\` has no count and there is no \`within\` or \`attempts\``;
    }
  }
  // The same count and limit as the compiler's `too-many-attempts`, for policies built elsewhere.
  const bound = mostAttempts(strategy);
  if (bound.attempts > attemptLimit) {
    const tier = tiers[bound.tier]?.name ?? '';
    return `may make ${describeAttempts(bound)} attempts in one step, more than the limit of ${attemptLimit.toLocaleString('en-GB')} (tier \`${tier}\` takes it past the limit)`;
  }
  // The same bound and words as the compiler's `time-too-long`.
  const longest = longestGo(strategy);
  if (longest.time > timeLimit) {
    const tier = tiers[longest.tier]?.name;
    return `may last longer than ${timeLimitInWords} in one step, past which times are not exact${tier === undefined ? '' : ` (tier \`${tier}\` takes it past)`}`;
  }
  return null;
}

/** A duration the runtime computes with exactly: a whole or fractional number of milliseconds from 0 to `timeLimit`. */
function isTime(value: number): boolean {
  return value >= 0 && value <= timeLimit;
}
