/**
 * Which jobs each working day gets (docs/campaign.md, "Each day"): the
 * resubmissions that are due, in the order they became due, each only if
 * the overall cap, its population's caps and its responsible party's cap
 * all have room (one that does not fit keeps its place for the next day);
 * then installations not yet submitted, population by population in policy
 * order, in index order, as far as the overall cap and the population's
 * caps allow. It also records, per day, what it allowed and submitted.
 */
import type { CampaignPlan } from './plan.js';
import { Buckets, Resubmissions, WaitingLine } from './queue.js';

/** A growable series of whole numbers per day. */
export class DaySeries {
  values = new Float64Array(64);

  add(day: number, count: number): void {
    if (day >= this.values.length) {
      const grown = new Float64Array(Math.max(this.values.length * 2, day + 1));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[day]! += count;
  }

  /** The first `days` values. */
  take(days: number): number[] {
    return Array.from({ length: days }, (_, day) => this.values[day] ?? 0);
  }
}

/** What the scheduler records: per day, what it allowed and what it submitted. */
export interface ScheduleRecord {
  readonly capacity: DaySeries;
  readonly submitted: DaySeries;
  readonly resubmitted: DaySeries;
  /** Per cap of the plan, the slots used each day. */
  readonly capUsed: readonly DaySeries[];
  /** The last day anything was submitted, -1 for an empty estate. */
  readonly lastSubmission: number;
}

export class DayPlanner {
  readonly record: ScheduleRecord & { lastSubmission: number };
  /** Resubmissions by the working day they join the waiting line. */
  readonly buckets = new Buckets();
  /** Per population: the first installation not yet submitted. */
  readonly next: number[];
  /** Per population: today's resubmissions, in the order they were taken. */
  readonly resubmissions: Resubmissions[];
  /** Per population: how many installations are submitted for the first time today. */
  readonly fresh: number[];
  private readonly waiting = new WaitingLine();
  /** Per cap: the slots used today. */
  private readonly used: Float64Array;
  /** Slots left today under the overall capacity. */
  private room = 0;

  /**
   * Offered the resubmissions waiting, front first: takes one when the
   * overall cap, its population's caps and its party's cap have room,
   * declines it (it keeps its place) when one has none, stops when the day
   * is full. One function for the whole campaign, not one a day.
   */
  private readonly take = (index: number, attempt: number, population: number, party: number): boolean | null => {
    if (this.room === 0) return null;
    const { caps, populationCaps, partyCap } = this.plan;
    const capOfParty = party < 0 ? -1 : partyCap[party]!;
    if (!this.fits(populationCaps[population]!) || (capOfParty >= 0 && this.used[capOfParty]! >= caps[capOfParty]!.daily)) return false;
    this.use(populationCaps[population]!, 1);
    if (capOfParty >= 0) this.used[capOfParty]!++;
    this.room--;
    this.resubmissions[population]!.push(index, attempt, population, party);
    return true;
  };

  /** Whether every cap of `capIds` has room left today. */
  private fits(capIds: readonly number[]): boolean {
    for (const cap of capIds) if (this.used[cap]! >= this.plan.caps[cap]!.daily) return false;
    return true;
  }

  /** Counts `count` slots against every cap of `capIds`. */
  private use(capIds: readonly number[], count: number): void {
    for (const cap of capIds) this.used[cap]! += count;
  }

  constructor(private readonly plan: CampaignPlan) {
    const populations = plan.simulation.populations;
    this.record = {
      capacity: new DaySeries(),
      submitted: new DaySeries(),
      resubmitted: new DaySeries(),
      capUsed: plan.caps.map(() => new DaySeries()),
      lastSubmission: -1,
    };
    this.next = populations.map((population) => population.first);
    this.resubmissions = populations.map(() => new Resubmissions());
    this.fresh = populations.map(() => 0);
    this.used = new Float64Array(plan.caps.length);
  }

  /** Decides `day`'s jobs; false when it is not a working day or there is nothing to submit. */
  decide(day: number): boolean {
    const { calendar, caps, populationCaps, simulation } = this.plan;
    if (!calendar.isWorking(day)) return false;
    const daily = this.plan.campaign.capacity.daily;
    const { record, used, resubmissions, fresh, next } = this;
    record.capacity.add(day, daily);
    this.buckets.drain(day, (bucket) => this.waiting.append(bucket));
    used.fill(0);
    this.room = daily;
    this.waiting.serve(this.take);
    let submitted = 0;
    let resubmitted = 0;
    simulation.populations.forEach((population, p) => {
      let count = Math.min(population.first + population.count - next[p]!, this.room);
      for (const cap of populationCaps[p]!) count = Math.min(count, caps[cap]!.daily - used[cap]!);
      this.use(populationCaps[p]!, count);
      this.room -= count;
      fresh[p] = count;
      submitted += count;
      resubmitted += resubmissions[p]!.length;
    });
    if (resubmitted + submitted === 0) return false;
    record.submitted.add(day, submitted);
    record.resubmitted.add(day, resubmitted);
    used.forEach((count, cap) => record.capUsed[cap]!.add(day, count));
    record.lastSubmission = day;
    return true;
  }
}
