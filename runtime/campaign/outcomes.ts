/**
 * What the day adds to an attempt's outcome. The kernel says how an attempt
 * ended and when, from its start (kernel.ts); the scheduler knows the day
 * it ran on, so here the outcome is counted on the day it falls, a final
 * one closes its installation, and a resubmittable failure joins the bucket
 * of the first working day it may be resubmitted on, in the order the
 * day's attempts are settled.
 */
import { timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import { MigrationUsageError } from '../errors.js';
import { dayLength, type Calendar } from './calendar.js';
import { AttemptKind, type AttemptResults } from './attempt-results.js';
import type { AttemptKernel } from './kernel.js';
import type { CampaignPlan } from './plan.js';
import { Buckets, type Resubmissions } from './queue.js';
import { countDay, emptyTally, type CampaignTally } from './tally.js';
import { othersBelow } from './chunks.js';

export class Outcomes {
  /** Installations not yet in a final state. */
  open: number;
  private day = 0;
  /**
   * The day's start in milliseconds, in a typed array: it outgrows a small
   * integer within days, and a field or product whose kind of number changes
   * makes V8 throw away the optimised code that reads it.
   */
  private readonly start = new Float64Array(1);
  private readonly calendar: Calendar;

  constructor(
    plan: CampaignPlan,
    /** Where the outcomes per day are counted. */
    private readonly tally: CampaignTally,
    /** Resubmissions by the working day they join the waiting line. */
    private readonly buckets: Buckets,
  ) {
    this.open = plan.estate;
    this.calendar = plan.calendar;
  }

  /**
   * Settles made-up attempts of every kind through each method on an instance
   * of its own, using `results` from `at` on (a cell the caller does not
   * need): V8 then optimises these methods with feedback for every branch,
   * instead of compiling them again when the first resubmittable failure or
   * late outcome comes.
   */
  static warm(plan: CampaignPlan, results: AttemptResults, at: number): void {
    // The last row falls 100 days on, past the tally's first days, so that its days grow too.
    const rows: [outcome: number, end: number][] = [[0, 0], [1 + 4, dayLength], [2, 0], [-1, dayLength / 2], [-1 - AttemptKind.Resubmittable, 0], [4 * 100, 0]];
    // Several rounds: V8 keeps no feedback for a function's first few calls.
    for (let round = 0; round < 16; round++) {
      const scratch = new Outcomes(plan, emptyTally({ populations: 1, codes: 1, samples: 0 }), new Buckets());
      scratch.open = 1 << 30;
      scratch.startDay(0);
      for (const [outcome, end] of rows) {
        results.outcome[at] = outcome;
        results.end[at] = end;
        results.delay[at] = dayLength;
        results.party[at] = -1;
        scratch.settle(0, 1, 0, results, at);
        // The row as the only other of a chunk, in either half of its mask, whole or cut.
        scratch.submitChunk(0, 0, 0, results, at, 63, 1, 0);
        scratch.submitChunk(0, 0, -32, results, at, 63, 0, 1);
        scratch.submitPart(0, 0, 0, 0, 2, results, at, 1, 0);
        scratch.submitPart(0, 0, -32, 0, 1, results, at, 0, 1);
      }
    }
  }

  /** The attempts settled next all started at the start of `day`. */
  startDay(day: number): void {
    this.day = day;
    this.start[0] = day * dayLength;
  }

  /**
   * Runs today's resubmissions of population `p` through `kernel`, with
   * `results` from `at` on as scratch, and settles them in order; empties
   * `jobs`.
   */
  resubmit(p: number, jobs: Resubmissions, kernel: AttemptKernel, results: AttemptResults, at: number): void {
    const { J_index, J_attempt } = kernel.jobs;
    for (let from = 0; from < jobs.length; from += kernel.capacity) {
      const count = Math.min(kernel.capacity, jobs.length - from);
      J_index.set(jobs.index.subarray(from, from + count));
      J_attempt.set(jobs.attempt.subarray(from, from + count));
      kernel.run(p, count, results, at);
      for (let k = 0; k < count; k += 64) this.settleJobs(p, J_index, J_attempt, k, Math.min(count, k + 64), results, at);
    }
    jobs.length = 0;
  }

  /** Settles jobs `from .. to - 1` (installations and attempts in `index` and `attempt`), in short calls. */
  private settleJobs(p: number, index: Float64Array, attempt: Int32Array, from: number, to: number, results: AttemptResults, at: number): void {
    for (let k = from; k < to; k++) this.settle(index[k]!, attempt[k]!, p, results, at + k);
  }

  /**
   * Settles the first attempts of a whole chunk of a block (chunks.ts), the
   * installations `first + chunk ..`, from its summary: `plain` of them
   * migrated on the day, and the others, in the `low` and `high` masks, are
   * settled one by one in index order from their results, which follow one
   * another in `results` from `others` on.
   */
  submitChunk(p: number, first: number, chunk: number, results: AttemptResults, others: number, plain: number, low: number, high: number): void {
    countDay(this.tally, this.day, AttemptKind.Migrated, plain);
    this.open -= plain;
    let at = others;
    for (let mask = low; mask !== 0; mask &= mask - 1) this.settle(first + chunk + 31 - Math.clz32(mask & -mask), 1, p, results, at++);
    for (let mask = high; mask !== 0; mask &= mask - 1) this.settle(first + chunk + 63 - Math.clz32(mask & -mask), 1, p, results, at++);
  }

  /**
   * Settles the installations `first + from .. first + to - 1` of the chunk
   * from `first + chunk` (a day's capacity cut it) as `submitChunk` does:
   * those outside the masks migrated on the day.
   */
  submitPart(p: number, first: number, chunk: number, from: number, to: number, results: AttemptResults, others: number, low: number, high: number): void {
    let at = others + othersBelow(low, high, from - chunk);
    let plain = 0;
    for (let k = from; k < to; k++) {
      const bit = k - chunk;
      if (((bit < 32 ? low >>> bit : high >>> (bit - 32)) & 1) === 0) plain++;
      else this.settle(first + k, 1, p, results, at++);
    }
    countDay(this.tally, this.day, AttemptKind.Migrated, plain);
    this.open -= plain;
  }

  /** Settles attempt `attempt` of installation `index` of population `p`, which ended as slot `at` of `results` says. */
  settle(index: number, attempt: number, p: number, results: AttemptResults, at: number): void {
    const code = results.outcome[at]!;
    if (code >= 0) {
      this.open--;
      countDay(this.tally, this.day + (code >> 2), code & 3);
      return;
    }
    const kind = -1 - code;
    const end = results.end[at]!;
    const dayStart = this.start[0]!;
    // An attempt's end is its latest time (times only move forward): past the limit, no figure built on it is exact.
    if (!(dayStart + end <= timeLimit)) throw new MigrationUsageError(`an installation's attempt ends past ${timeLimitInWords}, past which times are not exact: the fault model's durations, or the policy's waits, add up to too long a run`);
    const outcomeDay = this.day + Math.floor(end / dayLength);
    if (kind === AttemptKind.Resubmittable) {
      const due = dayStart + end + results.delay[at]!;
      if (!(due <= timeLimit)) throw new MigrationUsageError(`a resubmission falls due past ${timeLimitInWords}, past which times are not exact: the fault model's delays are too long`);
      const eligible = this.calendar.nextWorking(Math.max(this.day + 1, Math.ceil(due / dayLength)));
      this.buckets.of(eligible).push(index, attempt + 1, p, results.party[at]!);
    } else this.open--;
    countDay(this.tally, outcomeDay, kind);
  }
}
