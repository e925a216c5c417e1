/**
 * Turns the shards' merged tally and the scheduler's record into the
 * `CampaignResult` a programme manager reads.
 */
import { own } from '../../common/own.js';
import type { ErrorDefinition } from '../policy.js';
import type { CampaignPlan } from './plan.js';
import type { CampaignCode, CampaignPopulation, CampaignResult, CampaignSample, CapUse } from './result.js';
import type { ScheduleRecord } from './day-plan.js';
import { attemptBuckets, daySeries, type CampaignTally } from './tally.js';

export function summarizeCampaign(
  plan: CampaignPlan,
  tally: CampaignTally,
  schedule: ScheduleRecord,
  samples: readonly CampaignSample[],
  description: string | null,
): Omit<CampaignResult, 'policy'> {
  const { layout, simulation, calendar } = plan;
  const codes = layout.codes.length;
  const errors = plan.policy.errors as Readonly<Record<string, ErrorDefinition>>;
  const series = (s: number): number[] => {
    const values: number[] = [];
    for (let slot = s; slot < tally.days.length; slot += daySeries.length) values.push(tally.days[slot]!);
    return values;
  };
  const [migrated, failed, excluded, resubmittable] = [0, 1, 2, 3].map(series) as [number[], number[], number[], number[]];
  let lastOutcome = -1;
  migrated.forEach((_, day) => {
    if (migrated[day]! + failed[day]! + excluded[day]! + resubmittable[day]! > 0) lastOutcome = day;
  });
  const days = lastOutcome + 1;
  const take = (values: number[]): number[] => Array.from({ length: days }, (_, day) => values[day] ?? 0);
  let working = 0;
  for (let day = 0; day < days; day++) if (calendar.isWorking(day)) working++;

  const populations = simulation.populations.flatMap((population, p): CampaignPopulation[] => {
    if (population.count === 0) return [];
    const finals = tally.finals.subarray(p * 3, p * 3 + 3);
    const resubmissions = tally.resubmitted.subarray(p * codes, (p + 1) * codes).reduce((sum, n) => sum + n, 0);
    const { cohort, group } = population.membership;
    return [{ cohort, group, installations: population.count, migrated: finals[0]!, failed: finals[1]!, excluded: finals[2]!, attempts: population.count + resubmissions, resubmissions }];
  });
  const sumOver = (offset: (p: number) => number): number => simulation.populations.reduce((sum, _, p) => sum + tally.finalCodes[offset(p)]!, 0);
  const codeRows = layout.codes.flatMap((code, c): CampaignCode[] => {
    const resubmitted = simulation.populations.reduce((sum, _, p) => sum + tally.resubmitted[p * codes + c]!, 0);
    const failedHere = sumOver((p) => p * 2 * codes + c);
    const excludedHere = sumOver((p) => (p * 2 + 1) * codes + c);
    if (resubmitted + failedHere + excludedHere === 0) return [];
    const error = own(errors, code)!;
    return [{ code, title: error.title, responsible: error.responsible, resubmitted, failed: failedHere, excluded: excludedHere }];
  });
  const byParty = new Map<string | null, number>();
  for (const row of codeRows) if (row.excluded > 0) byParty.set(row.responsible, (byParty.get(row.responsible) ?? 0) + row.excluded);

  const histogram = [];
  for (let a = 1; a <= attemptBuckets; a++) {
    const counts = [0, 1, 2].map((state) => tally.attempts[state * (attemptBuckets + 1) + a]!);
    if (counts.some((count) => count > 0)) {
      histogram.push({ attempts: a === attemptBuckets ? `${a}+` : String(a), migrated: counts[0]!, failed: counts[1]!, excluded: counts[2]! });
    }
  }
  const total = tally.attemptSum.reduce((sum, n) => sum + n, 0);
  const installations = plan.estate;

  const last = schedule.lastSubmission + 1;
  const capacity = schedule.capacity.take(last);
  const usedOverall = schedule.submitted.take(last).map((count, day) => count + schedule.resubmitted.values[day]!);
  const caps: CapUse[] = [
    { kind: 'overall', key: null, daily: plan.campaign.capacity.daily, used: take(usedOverall) },
    ...plan.caps.map((cap, id) => ({ kind: cap.kind, key: cap.key, daily: cap.daily, used: take(schedule.capUsed[id]!.take(last)) })),
  ];
  const workingDays = capacity.filter((slots) => slots > 0).length;
  return {
    seed: simulation.seed,
    installations,
    description,
    calendar: {
      start: calendar.model.start,
      workingDays: calendar.workingWeekdays(),
      holidays: calendar.model.holidays.filter((day) => day < days),
    },
    days: { complete: days, working, lastSubmission: schedule.lastSubmission, endDate: days === 0 ? null : calendar.dateOf(days - 1) },
    outcomes: { migrated: sumFinal(tally, 0), failed: sumFinal(tally, 1), excluded: sumFinal(tally, 2) },
    populations,
    attempts: {
      total,
      resubmissions: total - installations,
      mean: installations === 0 ? null : Math.round((total / installations) * 1000) / 1000,
      max: tally.attemptMax[0]!,
      histogram,
    },
    codes: codeRows,
    excludedByResponsible: [...byParty].map(([responsible, count]) => ({ responsible, count })),
    capacity: {
      daily: plan.campaign.capacity.daily,
      workingDays,
      slots: capacity.reduce((sum, n) => sum + n, 0),
      used: usedOverall.reduce((sum, n) => sum + n, 0),
      fullDays: usedOverall.filter((count, day) => count > 0 && count === capacity[day]).length,
      caps,
    },
    daily: {
      capacity: take(capacity),
      submitted: take(schedule.submitted.take(last)),
      resubmitted: take(schedule.resubmitted.take(last)),
      migrated: take(migrated),
      failed: take(failed),
      excluded: take(excluded),
      resubmittable: take(resubmittable),
    },
    samples,
  };
}

function sumFinal(tally: CampaignTally, state: number): number {
  let sum = 0;
  for (let slot = state; slot < tally.finals.length; slot += 3) sum += tally.finals[slot]!;
  return sum;
}
