/**
 * The command line's campaign threads (cli/campaign-threads.ts): the result
 * is the one thread's however late the helpers start, and a helper that
 * stops, at once or while the campaign runs, fails the campaign with a
 * message. The workers run the command line's helper bundle
 * (dist/mpol-campaign-worker.cjs, which `npm test` builds) with the bench
 * policy as a script, started late on purpose. Without `--threads`, a
 * campaign gets one thread per `installationsPerThread` of its estate, as
 * many as there are cores.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { defaultThreads, installationsPerThread, threadedCampaign, threadsForEstate, type StartHelperWorker } from '../../cli/campaign-threads.js';
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

  it('without --threads, start one thread per half million installations, as many as there are cores', async () => {
    expect([0, 1, 499_999, 500_000, 999_999, 1_000_000, 13_000_000].map((n) => defaultThreads(n, 2))).toEqual([1, 1, 1, 1, 1, 2, 2]);
    expect(defaultThreads(13_000_000, 64)).toBe(26);
    expect(defaultThreads(13_000_000, 1)).toBe(1);
    let started = 0;
    const counting: StartHelperWorker = (setup) => {
      started++;
      return lateWorkers(0)(setup);
    };
    const small = { ...options, estate: Object.fromEntries(estateOf(installationsPerThread)) };
    const one = fingerprintOfCampaign(await simulateCampaign(campaignPolicy, small));
    expect(fingerprintOfCampaign(await simulateCampaign(campaignPolicy, { ...small, parallel: threadsForEstate(4, counting) }))).toEqual(one);
    expect(started).toBe(0);
    const large = { ...options, estate: Object.fromEntries(estateOf(2 * installationsPerThread)) };
    const two = fingerprintOfCampaign(await simulateCampaign(campaignPolicy, large));
    expect(fingerprintOfCampaign(await simulateCampaign(campaignPolicy, { ...large, parallel: threadsForEstate(4, counting) }))).toEqual(two);
    expect(started).toBe(1);
  }, 60_000);
});
