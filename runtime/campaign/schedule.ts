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
 * The day's jobs are settled grouped by population (resubmissions, then
 * first submissions), in that order: resubmissions run here through this
 * thread's kernel, first submissions come from blocks made ahead
 * (first-attempts.ts), which this thread asks for as soon as it can guess
 * it will submit them: today's, then `lookaheadDays` more at today's pace.
 * A resubmittable failure becomes due at its outcome time plus the drawn
 * delay, and joins the first working day after its attempt's day that
 * starts at or after that time.
 */
import { MigrationUsageError } from '../errors.js';
import { chunkSize, summaryWords } from './chunks.js';
import { DayPlanner, type ScheduleRecord } from './day-plan.js';
import type { FirstAttempts } from './first-attempts.js';
import type { AttemptKernel } from './kernel.js';
import { Outcomes } from './outcomes.js';
import { maxDays, type CampaignPlan } from './plan.js';

export type { ScheduleRecord } from './day-plan.js';

/** Days of first submissions asked for beyond today's, at today's pace. */
const lookaheadDays = 4;

export async function runSchedule(
  plan: CampaignPlan,
  kernel: AttemptKernel,
  blocks: FirstAttempts,
  onDay?: (finished: number) => Promise<void> | void,
): Promise<ScheduleRecord> {
  const planner = new DayPlanner(plan);
  Outcomes.warm(plan, blocks.views.results, blocks.views.scratch);
  const outcomes = new Outcomes(plan, kernel.tally, planner.buckets);
  const { next, fresh, resubmissions } = planner;
  const populations = plan.simulation.populations.length;
  for (let day = 0; outcomes.open > 0; day++) {
    if (day >= maxDays) throw new MigrationUsageError(unfinished(plan, outcomes.open));
    if (!planner.decide(day)) continue;
    askAhead(blocks, plan, next, fresh);
    outcomes.startDay(day);
    for (let p = 0; p < populations; p++) {
      outcomes.resubmit(p, resubmissions[p]!, kernel, blocks.views.results, blocks.views.scratch);
      // Blocks that are ready are settled without returning to the event loop; only a missing one is awaited.
      for (let left = submitReady(blocks, outcomes, p, next, fresh[p]!); left > 0; left = submitReady(blocks, outcomes, p, next, left)) {
        left = submitBlock(blocks, outcomes, p, await blocks.made(p), next, left);
      }
    }
    if (onDay !== undefined) await onDay(plan.estate - outcomes.open);
  }
  return planner.record;
}

/** Settles first submissions of `p` from its blocks while they are ready; how many of `left` remain. */
function submitReady(blocks: FirstAttempts, outcomes: Outcomes, p: number, next: number[], left: number): number {
  for (let slot = blocks.ready(p); left > 0 && slot >= 0; slot = blocks.ready(p)) left = submitBlock(blocks, outcomes, p, slot, next, left);
  return left;
}

/**
 * Settles first submissions of `p` from the block in `slot` (its next), at
 * most `left`; how many remain. Chunk by chunk, from their summaries
 * (chunks.ts): whole, or the part a day's capacity cuts.
 */
function submitBlock(blocks: FirstAttempts, outcomes: Outcomes, p: number, slot: number, next: number[], left: number): number {
  const { first, count } = blocks.range(slot);
  const from = next[p]! - first;
  const to = Math.min(count, from + left);
  const { results, summary, geometry } = blocks.views;
  const base = slot * geometry.block;
  for (let k = from; k < to; ) {
    const chunk = k - (k % chunkSize);
    const end = Math.min(count, chunk + chunkSize);
    const at = blocks.views.summaryAt(slot) + (chunk / chunkSize) * summaryWords;
    const others = base + summary[at + 3]!;
    if (k === chunk && end <= to) outcomes.submitChunk(p, first, chunk, results, others, summary[at]!, summary[at + 1]!, summary[at + 2]!);
    else outcomes.submitPart(p, first, chunk, k, Math.min(end, to), results, others, summary[at + 1]!, summary[at + 2]!);
    k = Math.min(end, to);
  }
  next[p] = first + to;
  if (to === count) blocks.release(p);
  return left - (to - from);
}

/**
 * Asks for the blocks of first submissions: today's for every population,
 * then `lookaheadDays` more at today's pace, a population that runs out
 * handing its pace on to the next in policy order.
 */
function askAhead(blocks: FirstAttempts, plan: CampaignPlan, next: readonly number[], fresh: readonly number[]): void {
  const populations = plan.simulation.populations;
  populations.forEach((_, p) => blocks.ahead(p, next[p]! + fresh[p]!));
  let spill = 0;
  populations.forEach((population, p) => {
    const want = fresh[p]! * (1 + lookaheadDays) + spill;
    const left = population.first + population.count - next[p]!;
    blocks.ahead(p, next[p]! + Math.min(want, left));
    spill = Math.max(0, want - left);
  });
}

/** Why a campaign ran out of days. */
function unfinished(plan: CampaignPlan, open: number): string {
  const why =
    plan.exclusionAfter === null
      ? 'the policy has no `exclude after N failed attempts` rule, and some installations keep failing with resubmittable codes'
      : 'give it more capacity';
  return `the campaign did not finish within ${maxDays} days: ${open} installations still open; ${why}`;
}
