/**
 * A campaign thread. Like the language server's checker, the worker is the
 * `mpol` bundle itself, started again with `workerData` saying what it is
 * for (`cli/main.ts` looks before doing anything else): it evaluates the
 * policy script it is given, makes one `CampaignShard` from the shared
 * setup, and runs the slices the scheduler sends, replying with how many
 * resubmission records each wrote; at the end it sends its tally. See
 * cli/campaign-threads.ts and docs/decisions/0018.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CampaignShard, MigrationUsageError, type CampaignTally, type CompiledPolicy, type ShardSetup } from '../runtime/index.js';

export interface CampaignWorkerData {
  readonly mpolRole: 'campaign-shard';
  /** The policy as `emitPolicy` writes it for `target: 'script'`. */
  readonly script: string;
  readonly setup: ShardSetup;
}

export type ShardRequest = { readonly kind: 'run'; readonly day: number; readonly lo: number; readonly hi: number } | { readonly kind: 'tally' };
export type ShardReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'ran'; readonly records: number }
  | { readonly kind: 'tally'; readonly tally: CampaignTally }
  /** `usage`: the shard refused its input (a `MigrationUsageError`), which the main thread throws again as one. */
  | { readonly kind: 'failed'; readonly message: string; readonly usage?: boolean };

/** Whether this thread was started as a campaign shard. */
export function isCampaignWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as { mpolRole?: unknown }).mpolRole === 'campaign-shard';
}

/** Serves the scheduler's requests in this worker thread until it is terminated. */
export function runCampaignWorker(): void {
  const { script, setup } = workerData as CampaignWorkerData;
  serveShard(() => new Function(script)() as CompiledPolicy<unknown, unknown, string>, setup, parentPort!);
}

/** Makes a shard of `policy` from `setup` and answers `port`'s requests with it: `ready`, then one reply per request. */
export function serveShard(policyOf: () => CompiledPolicy<unknown, unknown, string>, setup: ShardSetup, port: MessagePort): void {
  const reply = (message: ShardReply): void => port.postMessage(message);
  const failed = (error: unknown): void =>
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error), usage: error instanceof MigrationUsageError });
  try {
    const shard = new CampaignShard(policyOf(), setup);
    port.on('message', (request: ShardRequest) => {
      try {
        if (request.kind === 'run') reply({ kind: 'ran', records: shard.run(request.day, request.lo, request.hi) });
        else reply({ kind: 'tally', tally: shard.tally });
      } catch (error) {
        failed(error);
      }
    });
    reply({ kind: 'ready' });
  } catch (error) {
    failed(error);
  }
}
