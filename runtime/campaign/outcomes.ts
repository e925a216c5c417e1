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
import { AttemptKind, type AttemptKernel, type AttemptResults } from './kernel.js';
import type { CampaignPlan } from './plan.js';
import { Resubmissions } from './queue.js';
import { countDay, type CampaignTally } from './tally.js';

export class Outcomes {
  /** Installations not yet in a final state. */
  open: number;
  private day = 0;
  private dayStart = 0;
  private readonly calendar: Calendar;

  constructor(
    plan: CampaignPlan,
    /** Where the outcomes per day are counted. */
    private readonly tally: CampaignTally,
    /** Resubmissions by the working day they join the waiting line. */
    private readonly buckets: Map<number, Resubmissions>,
  ) {
    this.open = plan.estate;
    this.calendar = plan.calendar;
  }

  /** The attempts settled next all started at the start of `day`. */
  startDay(day: number): void {
    this.day = day;
    this.dayStart = day * dayLength;
  }

  /**
   * Runs today's resubmissions of population `p` through `kernel` and
   * settles them, in order; empties `jobs`.
   */
  resubmit(p: number, jobs: Resubmissions, kernel: AttemptKernel, results: AttemptResults): void {
    const { J_index, J_attempt } = kernel.jobs;
    for (let from = 0; from < jobs.length; from += kernel.capacity) {
      const count = Math.min(kernel.capacity, jobs.length - from);
      J_index.set(jobs.index.subarray(from, from + count));
      J_attempt.set(jobs.attempt.subarray(from, from + count));
      kernel.run(p, count, results, 0);
      for (let k = 0; k < count; k++) this.settle(J_index[k]!, J_attempt[k]!, p, results, k);
    }
    jobs.length = 0;
  }

  /** Settles the first attempts of installations `first + from .. first + to - 1` of `p`, at `base + from ..` of `results`. */
  submit(p: number, first: number, from: number, to: number, results: AttemptResults, base: number): void {
    for (let k = from; k < to; k++) this.settle(first + k, 1, p, results, base + k);
  }

  /** Settles attempt `attempt` of installation `index` of population `p`, which ended as slot `at` of `results` says. */
  settle(index: number, attempt: number, p: number, results: AttemptResults, at: number): void {
    const end = results.end[at]!;
    const dayStart = this.dayStart;
    // An attempt's end is its latest time (times only move forward): past the limit, no figure built on it is exact.
    if (!(dayStart + end <= timeLimit)) throw new MigrationUsageError(`an installation's attempt ends past ${timeLimitInWords}, past which times are not exact: the fault model's durations, or the policy's waits, add up to too long a run`);
    const outcomeDay = this.day + Math.floor(end / dayLength);
    const kind = results.kind[at]!;
    if (kind === AttemptKind.Resubmittable) {
      const due = dayStart + end + results.delay[at]!;
      if (!(due <= timeLimit)) throw new MigrationUsageError(`a resubmission falls due past ${timeLimitInWords}, past which times are not exact: the fault model's delays are too long`);
      const eligible = this.calendar.nextWorking(Math.max(this.day + 1, Math.ceil(due / dayLength)));
      let bucket = this.buckets.get(eligible);
      if (bucket === undefined) this.buckets.set(eligible, (bucket = new Resubmissions()));
      bucket.push(index, attempt + 1, p, results.party[at]!);
    } else this.open--;
    countDay(this.tally, outcomeDay, kind);
  }
}
