/**
 * Where the compiled simulator counts, as it goes: preallocated typed arrays
 * indexed by population, sized by the policy and never by the number of
 * installations, so memory stays flat however many run. Counts are doubles,
 * exact up to 2^53.
 */
import { bucketCount } from './histogram.js';

/** Attempts per installation are counted exactly up to this; more go into the last bucket. */
export const attemptBuckets = 256;

/** Outcome statuses as the generated code numbers them. */
export const statuses = ['migrated', 'failed', 'rolled-back'] as const;
/** Failure causes as the generated code numbers them. */
export const causes = ['check', 'permanent', 'exhausted', 'deadline'] as const;

export interface TallyShape {
  readonly populations: number;
  readonly codes: number;
  readonly steps: number;
  readonly parties: number;
}

export class Tally {
  readonly T_started: Float64Array;
  /** [population][status] */
  readonly T_outcomes: Float64Array;
  /** [population][status - 1][code]: failed and rolled-back outcomes by code. */
  readonly T_codes: Float64Array;
  /** [population][code]: failed outcomes whose rollback stopped at a failing undo. */
  readonly T_undoFailed: Float64Array;
  /** [population][cause] */
  readonly T_causes: Float64Array;
  /** [population][step, or `steps` for a check]: the step whose failure ended the installation. */
  readonly T_steps: Float64Array;
  /** [population][started, nothing to undo] */
  readonly T_rollbacks: Float64Array;
  /** [population][raised, unresolved, resolved by party 0, 1, ...] */
  readonly T_incidents: Float64Array;
  /** [population][attempts, capped at `attemptBuckets`] */
  readonly T_attempts: Float64Array;
  readonly T_attemptSum: Float64Array;
  readonly T_attemptMax: Float64Array;
  /** [population][status][bucket] */
  readonly T_times: Float64Array;
  readonly T_timeSum: Float64Array;
  readonly T_timeMax: Float64Array;

  constructor(readonly shape: TallyShape) {
    const { populations: p, codes, steps, parties } = shape;
    this.T_started = new Float64Array(p);
    this.T_outcomes = new Float64Array(p * 3);
    this.T_codes = new Float64Array(p * 2 * codes);
    this.T_undoFailed = new Float64Array(p * codes);
    this.T_causes = new Float64Array(p * causes.length);
    this.T_steps = new Float64Array(p * (steps + 1));
    this.T_rollbacks = new Float64Array(p * 2);
    this.T_incidents = new Float64Array(p * (parties + 2));
    this.T_attempts = new Float64Array(p * (attemptBuckets + 1));
    this.T_attemptSum = new Float64Array(p);
    this.T_attemptMax = new Float64Array(p);
    this.T_times = new Float64Array(p * 3 * bucketCount);
    this.T_timeSum = new Float64Array(p * 3);
    this.T_timeMax = new Float64Array(p * 3);
  }
}

/**
 * The installations whose timelines the result shows: the first `perKey` of
 * each outcome key (`migrated`, then `failed CODE` and `rolled-back CODE` for
 * each code), at most `perKey × (1 + 2 × codes)` in all, whatever the count.
 */
export class SampleBuffer {
  readonly S_need: Int32Array;
  readonly S_index: Float64Array;
  readonly S_status: Int8Array;
  readonly S_code: Int32Array;
  readonly S_at: Float64Array;
  /** How many are recorded, in element 0 (an array, so the generated code can update it). */
  readonly S_count = new Int32Array(1);

  constructor(perKey: number, codes: number) {
    const keys = 1 + 2 * codes;
    this.S_need = new Int32Array(keys).fill(perKey);
    const capacity = perKey * keys;
    this.S_index = new Float64Array(capacity);
    this.S_status = new Int8Array(capacity);
    this.S_code = new Int32Array(capacity);
    this.S_at = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.S_index.length;
  }
}
