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
import { describe, expect, it } from 'vitest';
import { chunkSize, othersBelow, summarizeChunks, summaryWords } from '../../runtime/campaign/chunks.js';
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

describe('the summary of a block', () => {
  it('counts the others below any bit of a chunk', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer({ min: 0, max: 63 }), (low, high, bit) => {
        let naive = 0;
        for (let b = 0; b < bit; b++) naive += b < 32 ? (low >>> b) & 1 : (high >>> (b - 32)) & 1;
        expect(othersBelow(low | 0, high | 0, bit)).toBe(naive);
      }),
    );
  });

  it("moves the others' results to the block's front in index order, and says where each chunk's start", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 9 }), { maxLength: 300 }), fc.integer({ min: 0, max: 5 }), (outcomes, base) => {
        const cells = base + outcomes.length;
        const results = { outcome: new Int32Array(cells), end: new Float64Array(cells), delay: new Float64Array(cells), party: new Int32Array(cells) };
        outcomes.forEach((outcome, k) => {
          results.outcome[base + k] = outcome;
          results.end[base + k] = 1000 + k;
          results.delay[base + k] = 2000 + k;
          results.party[base + k] = 3000 + k;
        });
        const chunks = Math.ceil(outcomes.length / chunkSize);
        const summary = new Int32Array(1 + chunks * summaryWords);
        summarizeChunks(results, base, outcomes.length, summary, 1);
        const others = outcomes.flatMap((outcome, k) => (outcome === 0 ? [] : [k]));
        others.forEach((k, n) => {
          expect([results.outcome[base + n], results.end[base + n], results.delay[base + n], results.party[base + n]]).toEqual([outcomes[k], 1000 + k, 2000 + k, 3000 + k]);
        });
        for (let c = 0; c < chunks; c++) {
          const at = 1 + c * summaryWords;
          const inChunk = (k: number): boolean => k >= c * chunkSize && k < (c + 1) * chunkSize;
          expect(summary[at]).toBe(outcomes.filter((outcome, k) => inChunk(k) && outcome === 0).length);
          expect(summary[at + 3]).toBe(others.filter((k) => k < c * chunkSize).length);
          for (const k of others.filter(inChunk)) {
            const bit = k - c * chunkSize;
            expect(((bit < 32 ? summary[at + 1]! >>> bit : summary[at + 2]! >>> (bit - 32)) & 1)).toBe(1);
          }
          expect(othersBelow(summary[at + 1]!, summary[at + 2]!, 63) + (((summary[at + 2]! >>> 31) & 1))).toBe(others.filter(inChunk).length);
        }
      }),
    );
  });
});
