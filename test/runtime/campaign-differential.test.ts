/**
 * The campaign simulator against the reference of campaign-reference.ts:
 * for random small policies, fault models and campaigns, every per-day
 * series and every final count must agree, and the result must be
 * byte-identical however the first attempts are cut into blocks and
 * whichever kernel makes them. campaign-chunks.test.ts does the same for
 * estates large enough to fill chunks of blocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectAgreesWithReference } from './campaign-reference.js';
import { blocksHelped, expectSameWhenHelped, scheduleLooksWhileHeld } from './in-process-helpers.js';
import { campaignArb } from './campaign-setup.js';
import { scenarioArb } from './random-policy.js';

/** `MPOL_RUNS=2000 npx vitest run test/runtime/campaign-differential.test.ts` for a longer hunt. */
const runs = Number(process.env.MPOL_RUNS ?? 60);

describe('simulateCampaign agrees with migrate, resubmitted by hand', () => {
  it('day by day, for random policies, fault models and campaigns', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, campaignArb, fc.integer(), async (scenario, campaign, seed) => {
        await expectAgreesWithReference(scenario, campaign, seed);
      }),
      { numRuns: runs },
    );
  }, 60_000 + runs * 500);

  it('gives byte-identical results however the first attempts are cut into blocks and whichever kernel makes them', async () => {
    const shapeArb = fc.record({ block: fc.integer({ min: 1, max: 5 }), ahead: fc.integer({ min: 1, max: 4 }) });
    const takesArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(scenarioArb, campaignArb, fc.integer(), fc.integer({ min: 1, max: 3 }), shapeArb, takesArb, async (scenario, campaign, seed, parts, shape, takes) => {
        await expectSameWhenHelped(scenario, campaign, seed, { parts, takes }, shape);
      }),
      { numRuns: runs },
    );
    expect(blocksHelped()).toBeGreaterThan(runs);
  }, 60_000 + runs * 500);

  it('gives byte-identical results when the scheduler needs a block a helper is still making', async () => {
    const shapeArb = fc.record({ block: fc.integer({ min: 1, max: 3 }), ahead: fc.integer({ min: 1, max: 6 }) });
    const takesArb = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 });
    const holdsArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(scenarioArb, campaignArb, fc.integer(), fc.integer({ min: 1, max: 2 }), shapeArb, takesArb, holdsArb, async (scenario, campaign, seed, parts, shape, takes, holds) => {
        await expectSameWhenHelped(scenario, campaign, seed, { parts, takes, holds }, shape);
      }),
      { numRuns: runs },
    );
    expect(scheduleLooksWhileHeld()).toBeGreaterThan(runs);
  }, 60_000 + runs * 2_000);
});
