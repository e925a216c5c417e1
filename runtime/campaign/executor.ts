/**
 * Where a campaign's work runs. By default everything runs in the caller's
 * thread. A host with threads (the `mpol` command uses Node's
 * `worker_threads`) passes a `CampaignParallel`: given the setup, it starts
 * helpers that each run `serveFirstAttempts(policy, setup)` (blocks.ts),
 * making blocks of first attempts the scheduler asks for, in a shared
 * buffer. Results do not depend on how many helpers there are, nor on which
 * of them made which block (docs/decisions/0027).
 */
import type { HelperSetup } from './blocks.js';
import type { CampaignTally } from './tally.js';

export interface CampaignHelpers {
  /**
   * The first failure of a helper (it stopped, or could not start), or
   * null. Asked while the scheduler waits for a block a helper claimed, so
   * a helper that died cannot hold the campaign up.
   */
  failure(): Error | null;
  /**
   * Each helper's tally, once the scheduler has told them the campaign is
   * finished (`serveFirstAttempts` returns it). Rejects if a helper failed:
   * the blocks it made are in the result, so its counts must be too.
   */
  tallies(): Promise<readonly CampaignTally[]> | readonly CampaignTally[];
  /** Ends the helpers. Called once, also after a failure. */
  close(): Promise<void> | void;
  /**
   * For helpers that share the scheduler's thread (tests): called whenever
   * the scheduler looks for a block, to let them claim and make some.
   */
  poll?(): void;
}

/**
 * Starts a campaign's helpers. `setup.buffer` is a `SharedArrayBuffer`
 * here; it must not wait for the helpers to be ready: the scheduler starts
 * at once and makes every block nobody has claimed itself.
 */
export type CampaignParallel = (setup: HelperSetup) => Promise<CampaignHelpers> | CampaignHelpers;
