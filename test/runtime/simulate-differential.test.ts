/**
 * The compiled simulator against the executor. For random small policies,
 * fault models and seeds, every installation is sampled, so `simulate` runs
 * each one again through `migrate` with handlers replaying the same draws
 * and throws if an outcome differs; this test then checks the samples against
 * its own replay, and every aggregate against what the timelines show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawInstallation,
  faultHandlers,
  installationSeed,
  jitterSeed,
  migrate,
  SeededRandom,
  simulate,
  validateFaultModel,
  type SampleTimeline,
  type SimulationResult,
} from '../../runtime/index.js';
import { build, scenarioArb } from './random-policy.js';

const cohorts = { C: 12, 'C/G': 12 };
const installations = 24;
/** `MPOL_RUNS=5000 npx vitest run test/runtime/simulate-differential.test.ts` for a longer hunt. */
const runs = Number(process.env.MPOL_RUNS ?? 200);

/** The counts the timelines of all samples add up to. */
function fromTimelines(samples: readonly SampleTimeline[]) {
  const counts = { attempts: 0, incidents: 0, unresolved: 0, rollbacks: 0, timeSum: 0, timeMax: 0 };
  const outcomes: Record<string, number> = { migrated: 0, failed: 0, 'rolled-back': 0 };
  const codes: Record<string, number> = {};
  const causes: Record<string, number> = { check: 0, permanent: 0, exhausted: 0, deadline: 0 };
  const resolvedBy: Record<string, number> = {};
  const histogram: Record<string, number> = {};
  for (const { outcome, timeline } of samples) {
    outcomes[outcome.status]!++;
    if (outcome.status !== 'migrated') {
      codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
      causes[outcome.cause]!++;
    }
    const attempts = timeline.filter((event) => event.kind === 'attempt').length;
    // The histogram's last bucket, `256+`, collects 256 attempts and more (SimulationResult's attempts.histogram).
    const bucket = attempts >= 256 ? '256+' : String(attempts);
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    counts.attempts += attempts;
    counts.incidents += timeline.filter((event) => event.kind === 'incident').length;
    counts.unresolved += timeline.filter((event) => event.kind === 'unresolved').length;
    counts.rollbacks += timeline.filter((event) => event.kind === 'rollback').length;
    for (const event of timeline) {
      const party = event.kind === 'resolved' ? /^by (\w+),/.exec(event.detail ?? '')?.[1] : undefined;
      if (party !== undefined) resolvedBy[party] = (resolvedBy[party] ?? 0) + 1;
    }
    counts.timeSum += outcome.at;
    counts.timeMax = Math.max(counts.timeMax, outcome.at);
  }
  // A long timeline keeps its first and last events and says how many it
  // omitted between them; the events it counts are then a lower bound.
  const truncated = samples.some((sample) => sample.timeline.some((event) => event.kind === 'omitted'));
  return { counts, outcomes, codes, causes, resolvedBy, histogram, truncated };
}

function expectTotalsMatch(result: SimulationResult): void {
  const seen = fromTimelines(result.samples);
  const total = result.total;
  expect(total.outcomes).toEqual(seen.outcomes);
  expect(total.codes).toEqual(Object.fromEntries(Object.keys(total.codes).map((code) => [code, seen.codes[code]])));
  expect(Object.keys(total.codes).sort()).toEqual(Object.keys(seen.codes).sort());
  expect(total.causes).toEqual(seen.causes);
  if (seen.truncated) {
    expect(total.attempts.total).toBeGreaterThanOrEqual(seen.counts.attempts);
    expect(total.incidents.raised).toBeGreaterThanOrEqual(seen.counts.incidents);
    expect(total.incidents.unresolved).toBeGreaterThanOrEqual(seen.counts.unresolved);
    for (const [party, count] of Object.entries(seen.resolvedBy)) expect(total.incidents.resolvedBy[party]).toBeGreaterThanOrEqual(count);
    expect(total.rollbacks.started).toBeGreaterThanOrEqual(seen.counts.rollbacks);
  } else {
    expect(total.attempts.total).toBe(seen.counts.attempts);
    expect(total.attempts.histogram).toEqual(seen.histogram);
    expect(total.incidents.raised).toBe(seen.counts.incidents);
    expect(total.incidents.unresolved).toBe(seen.counts.unresolved);
    expect(total.incidents.resolvedBy).toEqual(seen.resolvedBy);
    expect(total.rollbacks.started).toBe(seen.counts.rollbacks);
  }
  expect(total.resubmittable).toBe(result.samples.filter((sample) => sample.outcome.status !== 'migrated' && sample.outcome.resubmittable).length);
  expect(total.timeToOutcome.all.max).toBe(seen.counts.timeMax);
  expect(total.timeToOutcome.all.mean).toBe(Math.round(seen.counts.timeSum / installations));
}

describe('simulate agrees with migrate', () => {
  it('outcome by outcome, for random policies, fault models and seeds', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer(), async (scenario, seed) => {
        const { policy, faults } = build(scenario);
        const result = await simulate(policy, { faults, cohorts, seed, samples: 100 });
        // Every installation is a sample, so each was checked against `migrate` inside `simulate`.
        expect(result.samples.map((sample) => sample.index)).toEqual([...Array(installations).keys()]);
        expectTotalsMatch(result);

        const model = validateFaultModel(faults, policy).model!;
        for (const sample of result.samples.slice(0, 4)) {
          const random = new SeededRandom(installationSeed(seed, sample.index));
          const installation = drawInstallation(model.installation, {}, random);
          const membership = { cohort: sample.cohort, group: sample.group };
          const replay = await migrate(policy, installation, {
            handlers: faultHandlers(policy, model, membership, random),
            ...membership,
            seed: jitterSeed(installationSeed(seed, sample.index)),
          });
          expect(sample.outcome).toEqual(replay.outcome);
          expect(sample.installation).toEqual(installation);
        }
      }),
      { numRuns: runs },
    );
  }, 60_000 + runs * 100);
});
