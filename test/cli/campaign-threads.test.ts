/**
 * The command line's campaign threads (cli/campaign-threads.ts): the result
 * is the one thread's however late the helpers start, and a helper that
 * stops, at once or while the campaign runs, fails the campaign with a
 * message. The workers run the command line's helper bundle
 * (dist/mpol-campaign-worker.cjs, which `npm test` builds) with the bench
 * policy as a script, started late on purpose.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { threadedCampaign, type StartHelperWorker } from '../../cli/campaign-threads.js';
import { simulateCampaign } from '../../runtime/index.js';
import { fingerprintOfCampaign } from '../bench/campaign-counts.js';
import { campaignFaults, campaignPolicy, estateOf } from '../bench/campaign-policy.js';

const helperBundle = fileURLToPath(new URL('../../dist/mpol-campaign-worker.cjs', import.meta.url));
const script = `return ${JSON.stringify(campaignPolicy)};`;
const options = { faults: campaignFaults, seed: 5, estate: Object.fromEntries(estateOf(400_000)) };

/** Workers that load the helper only after `ms` milliseconds. */
const lateWorkers =
  (ms: number): StartHelperWorker =>
  (setup) =>
    new Worker(`setTimeout(() => import(${JSON.stringify(helperBundle)}), ${ms});`, { eval: true, workerData: { mpolRole: 'campaign-helper', script, setup } });

describe('campaign threads', () => {
  it('give the result of one thread however late the helpers start', async () => {
    const one = fingerprintOfCampaign(await simulateCampaign(campaignPolicy, options));
    for (const ms of [0, 150, 1_000]) {
      const parallel = threadedCampaign(3, lateWorkers(ms));
      expect(fingerprintOfCampaign(await simulateCampaign(campaignPolicy, { ...options, parallel })), `helpers started after ${ms} ms`).toEqual(one);
    }
  }, 60_000);

  it('fail with a message when a helper stops, at once or while the campaign runs', async () => {
    const early = threadedCampaign(2, () => new Worker('process.exit(3);', { eval: true }));
    await expect(simulateCampaign(campaignPolicy, { ...options, parallel: early })).rejects.toThrow('a campaign thread stopped (exit code 3)');
    const late = threadedCampaign(2, () => new Worker('setTimeout(() => process.exit(4), 100); setInterval(() => {}, 1000);', { eval: true }));
    await expect(simulateCampaign(campaignPolicy, { ...options, parallel: late })).rejects.toThrow('a campaign thread stopped (exit code 4)');
  }, 60_000);
});
