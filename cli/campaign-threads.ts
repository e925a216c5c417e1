/**
 * Campaign shards on Node's worker threads (docs/decisions/0018): the
 * runtime's scheduler cuts each batch of a day's jobs into slices; the
 * first runs here, the others each on a worker that made the same
 * `CampaignShard` from the same setup (the jobs and records live in a
 * `SharedArrayBuffer`, so only slice bounds and counts travel in messages).
 * The result is byte-identical to one thread's.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CampaignShard, MigrationUsageError, type CampaignExecutor, type CampaignParallel, type CompiledPolicy, type ShardSetup } from '../runtime/index.js';
import type { CampaignWorkerData, ShardReply, ShardRequest } from './campaign-worker.js';

/** Starts one worker thread that serves a shard made from `setup` (`serveShard` in campaign-worker.ts). */
export type StartShardWorker = (setup: ShardSetup) => Worker;

/** The command line's workers: this bundle, started again with the policy's script (campaign-worker.ts). */
export function bundleWorkers(script: string): StartShardWorker {
  const bundle = fileURLToPath(import.meta.url);
  return (setup) => new Worker(bundle, { workerData: { mpolRole: 'campaign-shard', script, setup } satisfies CampaignWorkerData });
}

/** A shard's failure: its input refused, as on one thread, or a bug. */
function failure(reply: Extract<ShardReply, { kind: 'failed' }>): Error {
  return reply.usage === true ? new MigrationUsageError(reply.message) : new Error(`a campaign thread failed: ${reply.message}`);
}

/** One worker, asked one thing at a time. */
class ShardThread {
  private readonly worker: Worker;
  private waiting: { resolve: (reply: ShardReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(start: StartShardWorker, setup: ShardSetup) {
    this.worker = start(setup);
    this.worker.on('message', (reply: ShardReply) => this.settle(reply.kind === 'failed' ? failure(reply) : reply));
    this.worker.on('error', (error) => this.settle(new Error(`a campaign thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => this.settle(new Error(`a campaign thread stopped (exit code ${code})`)));
  }

  private settle(outcome: ShardReply | Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (outcome instanceof Error) this.failure ??= outcome;
    if (waiting === null) return;
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  /** The next reply: `ready` after start, else the answer to `request`. */
  ask(request?: ShardRequest): Promise<ShardReply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      if (request !== undefined) this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await this.worker.terminate();
  }
}

/** `threads` shards: one in this thread running `policy`, the others on workers `start` makes, running the same policy. */
export function threadedCampaign<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, threads: number, start: StartShardWorker): CampaignParallel {
  return async (setup): Promise<CampaignExecutor> => {
    const threadsUsed = Array.from({ length: threads - 1 }, () => new ShardThread(start, setup));
    const close = async (): Promise<void> => void (await Promise.all(threadsUsed.map((thread) => thread.close())));
    try {
      // The local shard compiles while the workers start.
      const local = new CampaignShard(policy as unknown as CompiledPolicy<unknown, unknown, string>, setup);
      await Promise.all(threadsUsed.map((thread) => thread.ask()));
      return {
        shards: threads,
        async run(day, slices) {
          const replies = threadsUsed.slice(0, slices.length / 2 - 1).map((thread, t) => thread.ask({ kind: 'run', day, lo: slices[2 * t + 2]!, hi: slices[2 * t + 3]! }));
          const first = local.run(day, slices[0]!, slices[1]!);
          const counts = [first];
          for (const reply of await Promise.all(replies)) counts.push(expect(reply, 'ran').records);
          return counts;
        },
        async tallies() {
          const replies = await Promise.all(threadsUsed.map((thread) => thread.ask({ kind: 'tally' })));
          return [local.tally, ...replies.map((reply) => expect(reply, 'tally').tally)];
        },
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  };
}

function expect<K extends ShardReply['kind']>(reply: ShardReply, kind: K): Extract<ShardReply, { kind: K }> {
  if (reply.kind !== kind) throw new Error(`a campaign thread answered \`${reply.kind}\` where \`${kind}\` was due`);
  return reply as Extract<ShardReply, { kind: K }>;
}
