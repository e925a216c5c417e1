/**
 * A reference for the campaign simulator, written from the rules in
 * docs/campaign.md: every installation is played attempt by attempt through
 * `migrate` with handlers drawing from the fault model, resubmitted while
 * `nextMigrationAttempt` allows, and a plain scheduler of objects and arrays
 * decides the days.
 */
import { expect } from 'vitest';
import {
  attemptSeed,
  drawInstallation,
  faultHandlers,
  jitterSeed,
  migrate,
  nextMigrationAttempt,
  SeededRandom,
  simulateCampaign,
  validateFaultModel,
  type CampaignResult,
  type Outcome,
} from '../../runtime/index.js';
import { day, setUp, type Campaign } from './campaign-setup.js';
import type { Scenario } from './random-policy.js';

interface Attempt {
  readonly outcome: Outcome;
  readonly next: number | null;
  readonly delay: number;
}

/** One installation's attempts through `migrate`, resubmitted while `nextMigrationAttempt` allows. */
async function chainOf(setup: ReturnType<typeof setUp>, campaign: Campaign, seed: number, index: number, group: string | null): Promise<Attempt[]> {
  const model = validateFaultModel(setup.faults, setup.policy).model!;
  const attempts: Attempt[] = [];
  for (let attempt: number | null = 1; attempt !== null; ) {
    const random = new SeededRandom(attemptSeed(seed, index, attempt));
    const installation = drawInstallation(model.installation, {}, random);
    const membership = { cohort: 'C', group };
    const result = await migrate(setup.policy, installation, {
      handlers: faultHandlers(setup.policy, model, membership, random),
      ...membership,
      seed: jitterSeed(attemptSeed(seed, index, attempt)),
      migrationAttempt: attempt,
    });
    const next = nextMigrationAttempt(result);
    let delay = 0;
    if (next !== null && result.outcome.status !== 'migrated') {
      const party = setup.policy.errors[result.outcome.code]!.responsible;
      const override = party === null ? undefined : campaign.partyDelays[party as 'P'];
      delay = (override ?? campaign.delay).draw(random);
    }
    attempts.push({ outcome: result.outcome, next, delay });
    attempt = next;
  }
  return attempts;
}

interface Job {
  readonly index: number;
  readonly attempt: number;
  readonly population: 'C' | 'C/G';
  readonly party: string | null;
}

/** The campaign as docs/campaign.md describes it, one object per resubmission. */
export async function reference(setup: ReturnType<typeof setUp>, campaign: Campaign, seed: number) {
  const populations = (['C', 'C/G'] as const).map((key, p) => ({ key, first: p === 0 ? 0 : campaign.estate.C, count: campaign.estate[key] }));
  const chains = new Map<number, Attempt[]>();
  for (const population of populations) {
    for (let index = population.first; index < population.first + population.count; index++) {
      chains.set(index, await chainOf(setup, campaign, seed, index, population.key === 'C' ? null : 'G'));
    }
  }
  const working = (d: number): boolean => campaign.working.includes((campaign.startOffset + d) % 7) && !campaign.holidays.includes(d);
  const series = { capacity: [] as number[], submitted: [] as number[], resubmitted: [] as number[], migrated: [] as number[], failed: [] as number[], excluded: [] as number[], resubmittable: [] as number[] };
  const add = (name: keyof typeof series, d: number, n = 1) => {
    while (series[name].length <= d) series[name].push(0);
    series[name][d]! += n;
  };
  const finals = { migrated: 0, failed: 0, excluded: 0 };
  const codes = new Map<string, { resubmitted: number; failed: number; excluded: number }>();
  const codeRow = (code: string) => codes.get(code) ?? codes.set(code, { resubmitted: 0, failed: 0, excluded: 0 }).get(code)!;
  const buckets = new Map<number, Job[]>();
  let waiting: Job[] = [];
  const next = populations.map((p) => p.first);
  let open = campaign.estate.C + campaign.estate['C/G'];
  const capsOf = (population: 'C' | 'C/G'): string[] =>
    Object.keys(campaign.cohortCaps).filter((key) => key === population || key === 'C');
  for (let d = 0; open > 0; d++) {
    if (!working(d)) continue;
    add('capacity', d, campaign.daily);
    waiting.push(...(buckets.get(d) ?? []));
    let room = campaign.daily;
    const used = new Map<string, number>();
    const free = (key: string, cap: number) => (used.get(key) ?? 0) < cap;
    const take = (key: string, n: number) => used.set(key, (used.get(key) ?? 0) + n);
    const taken: Job[] = [];
    const kept: Job[] = [];
    for (const [n, job] of waiting.entries()) {
      if (room === 0) {
        kept.push(...waiting.slice(n));
        break;
      }
      const partyCap = job.party === null ? undefined : campaign.partyCaps[job.party as 'P'];
      const fits = capsOf(job.population).every((key) => free(key, campaign.cohortCaps[key as 'C']!)) && (partyCap === undefined || free(`party ${job.party}`, partyCap));
      if (!fits) {
        kept.push(job);
        continue;
      }
      capsOf(job.population).forEach((key) => take(key, 1));
      if (partyCap !== undefined) take(`party ${job.party}`, 1);
      room--;
      taken.push(job);
    }
    waiting = kept;
    const jobs: Job[] = [];
    populations.forEach((population, p) => {
      jobs.push(...taken.filter((job) => job.population === population.key));
      let count = Math.min(population.first + population.count - next[p]!, room);
      for (const key of capsOf(population.key)) count = Math.min(count, campaign.cohortCaps[key as 'C']! - (used.get(key) ?? 0));
      capsOf(population.key).forEach((key) => take(key, count));
      room -= count;
      for (let n = 0; n < count; n++) jobs.push({ index: next[p]!++, attempt: 1, population: population.key, party: null });
    });
    add('submitted', d, jobs.filter((job) => job.attempt === 1).length);
    add('resubmitted', d, jobs.filter((job) => job.attempt > 1).length);
    for (const job of jobs) {
      const attempt = chains.get(job.index)![job.attempt - 1]!;
      const outcomeDay = d + Math.floor(attempt.outcome.at / day);
      if (attempt.outcome.status === 'migrated') {
        add('migrated', outcomeDay);
        finals.migrated++;
        open--;
      } else if (attempt.next !== null) {
        add('resubmittable', outcomeDay);
        codeRow(attempt.outcome.code).resubmitted++;
        const due = d * day + attempt.outcome.at + attempt.delay;
        let eligible = d + 1;
        while (!working(eligible) || eligible * day < due) eligible++;
        const party = setup.policy.errors[attempt.outcome.code]!.responsible;
        buckets.set(eligible, [...(buckets.get(eligible) ?? []), { index: job.index, attempt: job.attempt + 1, population: job.population, party }]);
      } else {
        const state = attempt.outcome.excluded ? 'excluded' : 'failed';
        add(state, outcomeDay);
        finals[state]++;
        codeRow(attempt.outcome.code)[state]++;
        open--;
      }
    }
  }
  return { series, finals, codes };
}

export function expectAgrees(result: CampaignResult, expected: Awaited<ReturnType<typeof reference>>): void {
  const days = result.days.complete;
  const pad = (values: number[]) => Array.from({ length: days }, (_, d) => values[d] ?? 0);
  for (const name of Object.keys(expected.series) as (keyof typeof expected.series)[]) {
    expect([name, result.daily[name]]).toEqual([name, pad(expected.series[name])]);
  }
  expect(result.outcomes).toEqual(expected.finals);
  const codes = Object.fromEntries(result.codes.map((c) => [c.code, { resubmitted: c.resubmitted, failed: c.failed, excluded: c.excluded }]));
  expect(codes).toEqual(Object.fromEntries(expected.codes));
}

/** Plays the campaign of `scenario` on one thread: it must agree with the reference day by day. */
export async function expectAgreesWithReference(scenario: Scenario, campaign: Campaign, seed: number): Promise<void> {
  const setup = setUp(scenario, campaign);
  const result = await simulateCampaign(setup.policy, { faults: setup.faults, seed, samples: 100 });
  expectAgrees(result, await reference(setup, campaign, seed));
}
