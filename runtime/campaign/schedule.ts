/**
 * The campaign's day-by-day schedule (docs/campaign.md, "Each day"). On
 * each working day, within the day's capacity:
 *
 * 1. resubmissions that are due, in the order they became due (by the day,
 *    then in the order their failures were recorded), each only if the
 *    overall cap, its population's caps and its responsible party's cap all
 *    have room; one that does not fit keeps its place for the next day;
 * 2. then installations not yet submitted, population by population in
 *    policy order (each cohort before its groups), in index order, as far as
 *    the overall cap and the population's caps allow.
 *
 * The day's jobs run grouped by population (resubmissions, then first
 * submissions), in batches of at most `slots`, each cut into one slice per
 * shard. A resubmittable failure becomes due at its outcome time plus the
 * drawn delay, and joins the first working day after its attempt's day that
 * starts at or after that time.
 */
import { MigrationUsageError } from '../errors.js';
import { dayLength } from './calendar.js';
import type { CampaignExecutor } from './executor.js';
import { maxDays, type CampaignPlan } from './plan.js';
import { Resubmissions, WaitingLine } from './queue.js';
import type { CampaignBuffers } from './shard.js';

/** Fewest jobs worth a slice of their own, unless the executor says otherwise. */
const defaultMinSlice = 2048;

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

export async function runSchedule(
  plan: CampaignPlan,
  executor: CampaignExecutor,
  buffers: CampaignBuffers,
  slots: number,
  onDay?: (finished: number) => Promise<void> | void,
): Promise<ScheduleRecord> {
  const { calendar, caps, populationCaps, partyCap, simulation } = plan;
  const daily = plan.campaign.capacity.daily;
  const populations = simulation.populations;
  const record: ScheduleRecord & { lastSubmission: number } = {
    capacity: new DaySeries(),
    submitted: new DaySeries(),
    resubmitted: new DaySeries(),
    capUsed: caps.map(() => new DaySeries()),
    lastSubmission: -1,
  };
  const next = populations.map((population) => population.first);
  const buckets = new Map<number, Resubmissions>();
  const waiting = new WaitingLine();
  const dayJobs = populations.map(() => new Resubmissions());
  const used = new Float64Array(caps.length);
  let open = plan.estate;
  let finished = 0;
  for (let day = 0; open > 0; day++) {
    if (day >= maxDays) throw new MigrationUsageError(unfinished(plan, open));
    if (!calendar.isWorking(day)) continue;
    record.capacity.add(day, daily);
    const bucket = buckets.get(day);
    if (bucket !== undefined) {
      waiting.append(bucket);
      buckets.delete(day);
    }
    used.fill(0);
    let room = daily;
    const fits = (capIds: readonly number[]): boolean => capIds.every((cap) => used[cap]! < caps[cap]!.daily);
    const use = (capIds: readonly number[], count: number): void => capIds.forEach((cap) => (used[cap]! += count));
    waiting.serve((index, attempt, population, party) => {
      if (room === 0) return null;
      const capOfParty = party < 0 ? -1 : partyCap[party]!;
      if (!fits(populationCaps[population]!) || (capOfParty >= 0 && used[capOfParty]! >= caps[capOfParty]!.daily)) return false;
      use(populationCaps[population]!, 1);
      if (capOfParty >= 0) used[capOfParty]!++;
      room--;
      dayJobs[population]!.push(index, attempt, population, party);
      return true;
    });
    const fresh = populations.map((population, p) => {
      let count = Math.min(population.first + population.count - next[p]!, room);
      for (const cap of populationCaps[p]!) count = Math.min(count, caps[cap]!.daily - used[cap]!);
      use(populationCaps[p]!, count);
      room -= count;
      return count;
    });
    const resubmitted = dayJobs.reduce((sum, jobs) => sum + jobs.length, 0);
    const submitted = fresh.reduce((sum, count) => sum + count, 0);
    if (resubmitted + submitted === 0) continue;
    record.submitted.add(day, submitted);
    record.resubmitted.add(day, resubmitted);
    used.forEach((count, cap) => record.capUsed[cap]!.add(day, count));
    record.lastSubmission = day;
    // The day's jobs, grouped by population, cut into batches of at most `slots`.
    let filled = 0;
    const flush = async (): Promise<void> => {
      const records = await runBatch(executor, day, filled);
      open -= filled - records.total;
      for (let r = 0; r < records.slices.length; r += 2) {
        for (let slot = records.slices[r]!; slot < records.slices[r]! + records.counts[r / 2]!; slot++) {
          const due = Math.max(day + 1, Math.ceil(buffers.R_due[slot]! / dayLength));
          const eligible = calendar.nextWorking(due);
          let target = buckets.get(eligible);
          if (target === undefined) buckets.set(eligible, (target = new Resubmissions()));
          target.push(buffers.R_index[slot]!, buffers.R_attempt[slot]!, buffers.R_population[slot]!, buffers.R_party[slot]!);
        }
      }
      filled = 0;
    };
    for (let p = 0; p < populations.length; p++) {
      const jobs = dayJobs[p]!;
      for (let n = 0; n < jobs.length; n++) {
        if (filled === slots) await flush();
        buffers.J_index[filled] = jobs.index[n]!;
        buffers.J_attempt[filled] = jobs.attempt[n]!;
        buffers.J_population[filled++] = p;
      }
      jobs.length = 0;
      for (let n = 0; n < fresh[p]!; n++) {
        if (filled === slots) await flush();
        buffers.J_index[filled] = next[p]!++;
        buffers.J_attempt[filled] = 1;
        buffers.J_population[filled++] = p;
      }
    }
    if (filled > 0) await flush();
    finished = plan.estate - open;
    if (onDay !== undefined) await onDay(finished);
  }
  return record;
}

/** Cuts a batch of `count` jobs into slices and runs them; the records each slice wrote. */
async function runBatch(executor: CampaignExecutor, day: number, count: number) {
  const shards = Math.max(1, Math.min(executor.shards, Math.floor(count / (executor.minSlice ?? defaultMinSlice))));
  const slices = new Int32Array(shards * 2);
  for (let s = 0; s < shards; s++) {
    slices[2 * s] = Math.floor((count * s) / shards);
    slices[2 * s + 1] = Math.floor((count * (s + 1)) / shards);
  }
  const counts = await executor.run(day, slices);
  let total = 0;
  for (let s = 0; s < shards; s++) total += counts[s]!;
  return { slices, counts, total };
}

/** Why a campaign ran out of days. */
function unfinished(plan: CampaignPlan, open: number): string {
  const why =
    plan.exclusionAfter === null
      ? 'the policy has no `exclude after N failed attempts` rule, and some installations keep failing with resubmittable codes'
      : 'give it more capacity';
  return `the campaign did not finish within ${maxDays} days: ${open} installations still open; ${why}`;
}
