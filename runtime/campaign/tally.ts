/**
 * What a campaign shard counts as its attempts end: final outcomes per
 * population and code, migration attempts per installation, outcomes per
 * day, and the few installations kept as samples. Plain typed arrays, so a
 * shard in another thread can send them back; every count is a whole
 * number, so adding the shards' tallies in any order gives the same totals
 * however many shards there were.
 */

/** Final states as the kernel numbers them. */
export const finalStates = ['migrated', 'failed', 'excluded'] as const;

/** Per-day series a shard counts, by the day an attempt's outcome falls on. */
export const daySeries = ['migrated', 'failed', 'excluded', 'resubmittable'] as const;

/** Migration attempts per installation are counted exactly up to this; more go into the last bucket. */
export const attemptBuckets = 64;

export interface TallyShape {
  readonly populations: number;
  readonly codes: number;
  /** Installations kept per sample key. */
  readonly samples: number;
}

export interface CampaignTally {
  /** [population][final state] */
  readonly finals: Float64Array;
  /** [population][failed, excluded][code] */
  readonly finalCodes: Float64Array;
  /** [population]: failed for good because an undo failed (whatever the code says). */
  readonly undoFailed: Float64Array;
  /** [population][code]: attempts that failed and were resubmitted. */
  readonly resubmitted: Float64Array;
  /** [final state][attempts, capped at `attemptBuckets`] */
  readonly attempts: Float64Array;
  /** [final state]: the exact sum of attempts. */
  readonly attemptSum: Float64Array;
  readonly attemptMax: Float64Array;
  /** [day][series], as long as the latest day seen. */
  days: Float64Array;
  /**
   * Sample keys: 0 migrated on the first attempt, 1 migrated after a
   * resubmission, then failed for good by code, then excluded by code. Each
   * keeps its `samples` lowest installation indices, ascending, with their
   * attempts; -1 marks a free place.
   */
  readonly sampleIndex: Float64Array;
  readonly sampleAttempts: Float64Array;
}

export const sampleKeys = (codes: number): number => 2 + 2 * codes;

export function emptyTally(shape: TallyShape): CampaignTally {
  const { populations: p, codes, samples } = shape;
  const places = sampleKeys(codes) * samples;
  return {
    finals: new Float64Array(p * 3),
    finalCodes: new Float64Array(p * 2 * codes),
    undoFailed: new Float64Array(p),
    resubmitted: new Float64Array(p * codes),
    attempts: new Float64Array(3 * (attemptBuckets + 1)),
    attemptSum: new Float64Array(3),
    attemptMax: new Float64Array(1),
    days: new Float64Array(64 * daySeries.length),
    sampleIndex: new Float64Array(places).fill(-1),
    sampleAttempts: new Float64Array(places),
  };
}

/** Counts one outcome of series `series` on `day`, growing the day array as needed. */
export function countDay(tally: CampaignTally, day: number, series: number, count = 1): void {
  const slot = day * daySeries.length + series;
  if (slot >= tally.days.length) {
    const grown = new Float64Array(Math.max(tally.days.length * 2, (day + 1) * daySeries.length));
    grown.set(tally.days);
    tally.days = grown;
  }
  tally.days[slot]! += count;
}

/** Keeps `index` among the lowest `samples` indices of `key`. */
export function offerSample(tally: CampaignTally, samples: number, key: number, index: number, attempts: number): void {
  const base = key * samples;
  const indices = tally.sampleIndex;
  const last = base + samples - 1;
  if (samples === 0 || (indices[last]! >= 0 && indices[last]! <= index)) return;
  let place = last;
  while (place > base && (indices[place - 1]! < 0 || indices[place - 1]! > index)) {
    indices[place] = indices[place - 1]!;
    tally.sampleAttempts[place] = tally.sampleAttempts[place - 1]!;
    place--;
  }
  indices[place] = index;
  tally.sampleAttempts[place] = attempts;
}

/** Adds `from` into `into` (sample lists merged, keeping the lowest indices). */
export function addTally(into: CampaignTally, from: CampaignTally, samples: number): void {
  for (const key of ['finals', 'finalCodes', 'undoFailed', 'resubmitted', 'attempts', 'attemptSum'] as const) {
    const target = into[key];
    from[key].forEach((value, slot) => (target[slot] = target[slot]! + value));
  }
  into.attemptMax[0] = Math.max(into.attemptMax[0]!, from.attemptMax[0]!);
  if (from.days.length > into.days.length) {
    const grown = new Float64Array(from.days.length);
    grown.set(into.days);
    into.days = grown;
  }
  from.days.forEach((value, slot) => (into.days[slot] = into.days[slot]! + value));
  for (let place = 0; place < from.sampleIndex.length; place++) {
    const index = from.sampleIndex[place]!;
    if (index >= 0 && samples > 0) offerSample(into, samples, Math.floor(place / samples), index, from.sampleAttempts[place]!);
  }
}
