/**
 * The scheduler settles whole chunks of 64 first attempts from a summary
 * the block's maker writes, and the installations a day's capacity cuts
 * from a chunk one by one (runtime/campaign/schedule.ts, blocks.ts). The
 * small campaigns of campaign-differential.test.ts never fill a chunk; these
 * estates fill many, with capacities that cut them anywhere, and must agree
 * with the reference and be byte-identical however they are cut into
 * blocks and whoever makes them.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectAgreesWithReference } from './campaign-reference.js';
import { expectSameWhenHelped } from './in-process-helpers.js';
import { campaignArb } from './campaign-setup.js';
import { scenarioArb, type Scenario } from './random-policy.js';

const runs = Math.max(4, Math.round(Number(process.env.MPOL_RUNS ?? 60) / 3));

/** Up to about five chunks per population, and daily capacities (overall and per cohort) that are rarely a multiple of 64. */
const largeArb = fc
  .tuple(
    campaignArb,
    fc.record({ C: fc.integer({ min: 0, max: 330 }), 'C/G': fc.integer({ min: 0, max: 330 }) }),
    fc.integer({ min: 20, max: 200 }),
    fc.integer({ min: 7, max: 41 }),
  )
  .map(([campaign, estate, daily, scale]) => ({
    ...campaign,
    estate,
    daily,
    cohortCaps: Object.fromEntries(Object.entries(campaign.cohortCaps).map(([cohort, cap]) => [cohort, cap * scale])),
  }));

/**
 * Scenarios whose steps fail a tenth as often (checks at most one time in
 * ten), so that most installations migrate on their first day, as in a
 * real estate, and chunks hold a mix.
 */
const mostlyMigratingArb = scenarioArb.map((scenario): Scenario => ({
  ...scenario,
  nodes: scenario.nodes.map((node) =>
    node.kind === 'check'
      ? { ...node, fail: node.fail === 0 ? 0 : 0.1 }
      : { ...node, faults: { transient: node.faults.transient / 10, permanent: node.faults.permanent / 10 }, groupFaults: null },
  ),
}));
const anyScenarioArb = fc.oneof(scenarioArb, mostlyMigratingArb);

describe('a campaign settled from the summaries of whole chunks', () => {
  it('agrees with the reference day by day', async () => {
    await fc.assert(
      fc.asyncProperty(anyScenarioArb, largeArb, fc.integer(), async (scenario, campaign, seed) => {
        await expectAgreesWithReference(scenario, campaign, seed);
      }),
      { numRuns: runs },
    );
  }, 120_000 + runs * 4_000);

  it('is byte-identical for blocks of any size, chunks cut by blocks included, made by any kernel', async () => {
    const shapeArb = fc.record({ block: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 100, max: 300 })), ahead: fc.integer({ min: 1, max: 4 }) });
    const takesArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(anyScenarioArb, largeArb, fc.integer(), fc.integer({ min: 1, max: 2 }), shapeArb, takesArb, async (scenario, campaign, seed, parts, shape, takes) => {
        await expectSameWhenHelped(scenario, campaign, seed, { parts, takes }, shape);
      }),
      { numRuns: runs * 2 },
    );
  }, 120_000 + runs * 4_000);
});
