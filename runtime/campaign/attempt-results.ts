/**
 * How the kernel tells the scheduler the way each attempt ended (kernel.ts
 * writes them, outcomes.ts reads them): one whole number per attempt, with
 * the exact times beside it only when they are needed.
 */
import { timeLimit } from '../../common/time-bound.js';
import { dayLength } from './calendar.js';
import { maxDays } from './plan.js';

/** How an attempt ended, as the kernel numbers it (the final states of tally.ts, then resubmittable): the day series of tally.ts. */
export const enum AttemptKind {
  Migrated = 0,
  Failed = 1,
  Excluded = 2,
  Resubmittable = 3,
}

/** Where the kernel writes how attempts ended: one slot per attempt. */
export interface AttemptResults {
  /**
   * `kind + 4 * days`, where `days` is how many days after the attempt's
   * start its final outcome falls; or `-1 - kind` when the others must be
   * read (a resubmittable failure, or an end past `exactEnd`).
   */
  readonly outcome: Int32Array;
  /** When `outcome` is negative: the time of the outcome, from the attempt's start. */
  readonly end: Float64Array;
  /** For a resubmittable failure: the drawn delay before it may be resubmitted. */
  readonly delay: Float64Array;
  /** For a resubmittable failure: its code's responsible party (index in the layout), or -1. */
  readonly party: Int32Array;
}

/** Ends up to this are exact added to the start of any day a campaign can reach. */
export const exactEnd = timeLimit - maxDays * dayLength;
