/**
 * A campaign's helper thread: it evaluates the policy script it is given
 * and makes blocks of first attempts in the shared buffer until the
 * campaign finishes (`serveFirstAttempts`), then sends its tally. The
 * worker runs the helper's own bundle (campaign-worker-main.ts), or, like
 * the language server's checker, the `mpol` bundle itself started again
 * with `workerData` saying what it is for (`cli/main.ts` looks before doing
 * anything else). See cli/campaign-threads.ts and docs/decisions/0027.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { MigrationUsageError, serveFirstAttempts, type CampaignTally, type CompiledPolicy, type HelperSetup } from '../runtime/index.js';

export interface CampaignWorkerData {
  readonly mpolRole: 'campaign-helper';
  /** The policy as `emitPolicy` writes it for `target: 'script'`. */
  readonly script: string;
  readonly setup: HelperSetup;
}

export type HelperReply =
  | { readonly kind: 'tally'; readonly tally: CampaignTally }
  /** `usage`: the helper refused its input (a `MigrationUsageError`), which the main thread throws again as one. */
  | { readonly kind: 'failed'; readonly message: string; readonly usage?: boolean };

/** Whether this thread was started as a campaign helper. */
export function isCampaignWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as { mpolRole?: unknown }).mpolRole === 'campaign-helper';
}

/** Serves the campaign in this worker thread until it finishes. */
export function runCampaignWorker(): void {
  const { script, setup } = workerData as CampaignWorkerData;
  serveHelper(() => new Function(script)() as CompiledPolicy<unknown, unknown, string>, setup, parentPort!);
}

/** Makes blocks for the campaign `setup` shares until it finishes, then sends the tally to `port` (or why it failed). */
export function serveHelper(policyOf: () => CompiledPolicy<unknown, unknown, string>, setup: HelperSetup, port: MessagePort): void {
  let reply: HelperReply;
  try {
    reply = { kind: 'tally', tally: serveFirstAttempts(policyOf(), setup) };
  } catch (error) {
    reply = { kind: 'failed', message: error instanceof Error ? error.message : String(error), usage: error instanceof MigrationUsageError };
  }
  port.postMessage(reply);
}
