/**
 * Where the shards run. The runtime runs one shard in the caller's thread;
 * a host with threads (the `mpol` command uses Node's `worker_threads`)
 * supplies a `CampaignParallel` that makes a shard per thread from the same
 * `ShardSetup` and runs each batch's slices on them at once. Results do not
 * depend on how many shards there are (shard.ts).
 */
import type { CompiledPolicy } from '../policy.js';
import { CampaignShard, type ShardSetup } from './shard.js';
import type { CampaignTally } from './tally.js';

export interface CampaignExecutor {
  /** How many shards a batch may be cut into. */
  readonly shards: number;
  /** Fewest jobs worth a slice of their own (default 2048): a smaller batch runs on fewer shards. */
  readonly minSlice?: number;
  /**
   * Runs the batch's slices on `day`: slice `s` is jobs `slices[2s] ..
   * slices[2s + 1] - 1`, run by shard `s` (there may be fewer slices than
   * shards). Resolves to the resubmission records each slice wrote.
   */
  run(day: number, slices: Int32Array): Promise<ArrayLike<number>> | ArrayLike<number>;
  /** Every shard's tally, once the schedule is done. */
  tallies(): Promise<readonly CampaignTally[]> | readonly CampaignTally[];
  /** Ends the shards (threads, if any). Called once, also after a failure. */
  close(): Promise<void> | void;
}

/**
 * Makes the shards for a campaign. `setup.buffer` is a `SharedArrayBuffer`
 * here, so shards in other threads see the jobs the scheduler writes; each
 * of them builds `new CampaignShard(policy, setup)` from the same setup.
 */
export type CampaignParallel = (setup: ShardSetup) => Promise<CampaignExecutor> | CampaignExecutor;

/** One shard, in this thread. */
export function localExecutor(policy: CompiledPolicy<unknown, unknown, string>, setup: ShardSetup): CampaignExecutor {
  const shard = new CampaignShard(policy, setup);
  return {
    shards: 1,
    run: (day, slices) => [shard.run(day, slices[0]!, slices[1]!)],
    tallies: () => [shard.tally],
    close: () => undefined,
  };
}
