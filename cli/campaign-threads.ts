/**
 * A campaign's helpers on Node's worker threads (docs/decisions/0027): each
 * worker makes blocks of first attempts the scheduler asks for, in a
 * `SharedArrayBuffer` (runtime/campaign/blocks.ts), while the scheduler
 * runs in this thread and makes every block nobody has claimed itself.
 * Only the helpers' tallies travel in messages, once, at the end. The
 * result is byte-identical to one thread's.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MigrationUsageError, type CampaignHelpers, type CampaignParallel, type CampaignTally, type HelperSetup } from '../runtime/index.js';
import type { CampaignWorkerData, HelperReply } from './campaign-worker.js';

/** Starts one worker thread that serves `setup` (`serveHelper` in campaign-worker.ts). */
export type StartHelperWorker = (setup: HelperSetup) => Worker;

/** Workers running `file` (the helper's bundle, or the command line's, which starts the helper when told to) with the policy's script. */
export function scriptWorkers(file: string, script: string): StartHelperWorker {
  return (setup) => new Worker(file, { workerData: { mpolRole: 'campaign-helper', script, setup } satisfies CampaignWorkerData });
}

/**
 * The command line's workers: the helper's own bundle beside this one
 * (campaign-worker-main.ts), or, when this bundle was copied alone, this
 * bundle started again.
 */
export function bundleWorkers(script: string): StartHelperWorker {
  const helper = fileURLToPath(new URL('./mpol-campaign-worker.cjs', import.meta.url));
  return scriptWorkers(existsSync(helper) ? helper : fileURLToPath(import.meta.url), script);
}

/** One worker: its tally when it is done, or why it stopped. */
class HelperThread {
  private readonly worker: Worker;
  failure: Error | null = null;
  readonly tally: Promise<CampaignTally>;

  constructor(start: StartHelperWorker, setup: HelperSetup) {
    this.worker = start(setup);
    this.tally = new Promise<CampaignTally>((resolve, reject) => {
      let done = false;
      const fail = (error: Error): void => {
        if (done) return;
        done = true;
        this.failure ??= error;
        reject(this.failure);
      };
      this.worker.on('message', (reply: HelperReply) => {
        if (reply.kind === 'failed') fail(reply.usage === true ? new MigrationUsageError(reply.message) : new Error(`a campaign thread failed: ${reply.message}`));
        else if (!done) {
          done = true;
          resolve(reply.tally);
        }
      });
      this.worker.on('error', (error) => fail(new Error(`a campaign thread failed: ${error.message}`)));
      this.worker.on('exit', (code) => fail(new Error(`a campaign thread stopped (exit code ${code})`)));
    });
    // Until the campaign asks for the tallies, a failure is reported through `failure`.
    this.tally.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await this.worker.terminate();
  }
}

/**
 * Installations a thread must have to pay for its start: a helper starts
 * some 100 ms into a campaign and runs its first blocks before V8 has
 * optimised its code, so a second thread made a campaign of 100,000
 * installations slower and one of a million only a little faster (measured with
 * `mpol simulate policies/mehrs/v2.1 --campaign --cohort IOC=N --threads T`:
 * 100,000 took 0.58 to 0.64 s on one thread and 0.63 to 0.74 s on two;
 * 1,000,000 took 0.88 to 0.93 s and 0.79 to 0.86 s).
 */
export const installationsPerThread = 500_000;

/** The threads for a campaign of `installations` when the user did not say: one per `installationsPerThread`, at most `cores`, at least one. */
export function defaultThreads(installations: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(installations / installationsPerThread)));
}

/** Like `threadedCampaign`, with as many threads as `defaultThreads` gives for the campaign's estate, at most `cores`. */
export function threadsForEstate(cores: number, start: StartHelperWorker): CampaignParallel {
  return (setup) => threadedCampaign(defaultThreads(setup.installations, cores), start)(setup);
}

/** `threads - 1` helpers on workers `start` makes; the scheduler's thread is the last one. */
export function threadedCampaign(threads: number, start: StartHelperWorker): CampaignParallel {
  return (setup): CampaignHelpers => {
    const helpers = Array.from({ length: threads - 1 }, () => new HelperThread(start, setup));
    return {
      failure: () => helpers.find((helper) => helper.failure !== null)?.failure ?? null,
      tallies: () => Promise.all(helpers.map((helper) => helper.tally)),
      close: async () => void (await Promise.all(helpers.map((helper) => helper.close()))),
    };
  };
}
