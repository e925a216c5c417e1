/**
 * Plans one retry strategy for the generator: tiers, jitter, limits and
 * timeout chosen at random, then fitted so the compiler's schedule checks
 * pass (docs/language.md, "What the compiler checks"): only the last tier
 * may go uncounted, and then `within` or `attempts` bounds it; no counted
 * retry falls after `within`; an `attempts` limit is one the schedule
 * reaches; a timeout is no longer than any interval.
 */
import type { Decl, Tier } from './policy-doc.js';
import type { Random } from './random.js';
import { HOUR, MINUTE, SECOND, formatDuration, latestAttemptTimes, roundUp, type JitterPlan, type TierPlan } from './retry-schedule.js';
import { tierNames } from './vocabulary.js';

type RetryDecl = Extract<Decl, { kind: 'Retry' }>;

export interface PlannedRetry {
  readonly items: Pick<RetryDecl, 'tiers' | 'within' | 'attempts' | 'timeout' | 'jitter'>;
  /** The latest an attempt can be scheduled or the step exhausted: a deadline of a step using it may not be earlier. */
  readonly horizon: number;
}

const ladder = [10 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR];
const jitterRanges = [[0, 30 * SECOND], [0, MINUTE], [5 * SECOND, 2 * MINUTE], [SECOND, 10 * SECOND], [0, 500]] as const;
const timeouts = [5 * SECOND, 10 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE];

export function planRetry(random: Random): PlannedRetry {
  // Tiers from short intervals to longer ones, as real strategies go.
  const tierCount = random.int(1, 3);
  const lastCounted = random.chance(0.55);
  const plans: TierPlan[] = [];
  let rung = random.int(0, 4);
  for (let i = 0; i < tierCount; i++) {
    const every = ladder[Math.min(rung, ladder.length - 1)]!;
    const factor = random.chance(0.35) ? random.pick([1.5, 2, 3]) : undefined;
    const cap = factor !== undefined && random.chance(0.6) ? every * random.pick([4, 8, 16]) : undefined;
    const count = i < tierCount - 1 || lastCounted ? random.int(1, 8) : undefined;
    plans.push({ count, every, factor, cap });
    rung += random.int(1, 3);
  }
  const jitterRoll = random.float();
  const jitterRange = random.pick(jitterRanges);
  const jitter: JitterPlan = jitterRoll < 0.15 ? { kind: 'full' } : jitterRoll < 0.4 ? { kind: 'range', high: jitterRange[1] } : { kind: 'none' };
  const counted = latestAttemptTimes(plans.filter((p) => p.count !== undefined), jitter);
  const lastCountedTime = counted[counted.length - 1]!;

  let within: number | undefined;
  let attempts: number | undefined;
  if (!lastCounted) {
    if (random.chance(0.75)) {
      const slowest = plans[plans.length - 1]!.every + (jitter.kind === 'range' ? jitter.high : 0);
      within = roundUp(lastCountedTime + slowest * random.int(3, 60));
      const reachable = latestAttemptTimes(plans, jitter, within).length;
      if (reachable >= 2 && random.chance(0.3)) attempts = random.int(2, reachable);
    } else attempts = counted.length + random.int(1, 20);
  } else {
    if (random.chance(0.4)) within = roundUp(lastCountedTime) + random.pick([0, 30 * MINUTE, HOUR, 6 * HOUR]);
    if (counted.length >= 2 && random.chance(0.25)) attempts = random.int(2, counted.length);
  }
  // Full jitter may wait nothing, so an uncounted tier needs an `attempts` limit (too-many-attempts).
  if (!lastCounted && jitter.kind === 'full' && attempts === undefined) attempts = counted.length + 10;
  const times = latestAttemptTimes(plans, jitter, within, attempts);
  const horizon = within ?? times[times.length - 1]!;

  // With full jitter a wait may be near zero, so no timeout fits under it.
  const shortest = Math.min(...plans.map((p) => p.every));
  const fitting = timeouts.filter((t) => t <= shortest);
  const timeout = jitter.kind !== 'full' && fitting.length > 0 && random.chance(0.4) ? random.pick(fitting) : undefined;

  const names = random.sample(tierNames, tierCount);
  const tiers = plans.map((p, i): Tier => ({
    name: names[i] ?? `tier${i}`,
    ...(p.count === undefined ? {} : { count: p.count }),
    every: formatDuration(p.every),
    ...(p.factor === undefined ? {} : { factor: p.factor }),
    ...(p.cap === undefined ? {} : { cap: formatDuration(p.cap) }),
  }));
  const jitterText = jitter.kind === 'range' ? { low: formatDuration(jitterRange[0]), high: formatDuration(jitterRange[1]) } : jitter.kind;
  const items = {
    tiers,
    ...(within === undefined ? {} : { within: formatDuration(within) }),
    ...(attempts === undefined ? {} : { attempts }),
    ...(timeout === undefined ? {} : { timeout: formatDuration(timeout) }),
    // `jitter none` is the default: often left out.
    ...(jitter.kind === 'none' && random.chance(0.6) ? {} : { jitter: jitterText }),
  };
  return { items, horizon };
}
