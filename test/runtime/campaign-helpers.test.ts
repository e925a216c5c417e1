/**
 * What the scheduler does when a helper claimed a block and cannot finish
 * it (runtime/campaign/first-attempts.ts): it waits without blocking its
 * event loop, asks the helpers for a failure every time it wakes, and fails
 * the campaign with that failure rather than wait for ever. The helper here
 * shares the test's thread: it claims one block and stops.
 */
import { describe, expect, it } from 'vitest';
import { BlockViews } from '../../runtime/campaign/blocks.js';
import { simulateCampaign, type CampaignParallel } from '../../runtime/index.js';
import { campaignFaults, campaignPolicy, estateOf } from '../bench/campaign-policy.js';

const options = { faults: campaignFaults, seed: 3, estate: Object.fromEntries(estateOf(200_000)) };

describe('a campaign whose helper stops in the middle of a block', () => {
  it('fails with the helper\'s failure instead of waiting for the block', async () => {
    let claimed = -1;
    let asked = 0;
    const stops: CampaignParallel = (setup) => {
      const views = new BlockViews(setup.buffer, setup.geometry);
      return {
        poll: () => {
          if (claimed < 0) claimed = views.claim();
        },
        failure: () => {
          if (claimed < 0) return null;
          asked++;
          return new Error('a campaign thread stopped (exit code 9)');
        },
        tallies: () => [],
        close: () => undefined,
      };
    };
    await expect(simulateCampaign(campaignPolicy, { ...options, parallel: stops })).rejects.toThrow('a campaign thread stopped (exit code 9)');
    expect(claimed).toBeGreaterThanOrEqual(0);
    expect(asked).toBeGreaterThan(0);
  }, 30_000);
});
