/**
 * `simulateCampaign`: plays a whole migration campaign (docs/campaign.md).
 * The estate is submitted day by day within the capacity, every attempt
 * runs through the compiled flow (first attempts in blocks made ahead, by
 * helper threads when a host supplies them), resubmittable failures
 * come back after their delay, until every installation has migrated,
 * failed for good or been excluded. Then the sampled installations are
 * replayed through `migrate` and the conservation laws checked.
 */
import type { CompiledPolicy } from '../policy.js';
import { faultModelDescription } from '../fault-model/fault-model.js';
import { blockBytes, BlockViews, type BlockGeometry, type HelperSetup } from './blocks.js';
import type { CampaignHelpers, CampaignParallel } from './executor.js';
import { FirstAttempts } from './first-attempts.js';
import { checkCampaign } from './invariants.js';
import { prepareCampaign, type CampaignInputs } from './plan.js';
import { checkedSamples } from './replay.js';
import type { CampaignResult } from './result.js';
import { runSchedule } from './schedule.js';
import { summarizeCampaign } from './summary.js';
import { AttemptKernel } from './kernel.js';
import { addTally, emptyTally } from './tally.js';

export interface CampaignOptions<I> extends CampaignInputs<I> {
  /**
   * Called as installations reach their final state, with how many have out
   * of the estate; the campaign yields to the event loop between calls so a
   * progress display can draw. It never changes the result.
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Helpers on other threads (see `CampaignParallel`); by default everything runs in this thread. The result is the same. */
  readonly parallel?: CampaignParallel;
}

/** How the first attempts are cut into blocks; tests vary it, and the result must not change. */
export interface BlockShape {
  /** Installations a block at most (4096 by default). */
  readonly block?: number;
  /** Blocks that may be made ahead of need (64 by default). */
  readonly ahead?: number;
}

/**
 * Simulates the campaign `options` describe. Rejects with a
 * `MigrationUsageError` for bad options or a fault model without a valid
 * `campaign` section, and with a `SimulationBug` if a conservation law fails
 * or a sampled installation ends differently through `migrate`.
 */
export function simulateCampaign<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, options: CampaignOptions<I>): Promise<CampaignResult> {
  return playCampaign(policy, options, {});
}

/** `simulateCampaign` with blocks of the given shape. */
export async function playCampaign<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, options: CampaignOptions<I>, shape: BlockShape): Promise<CampaignResult> {
  const { onProgress, parallel, ...inputs } = options;
  const anyPolicy = policy as unknown as CompiledPolicy<unknown, unknown, string>;
  const block = Math.max(1, shape.block ?? 4096);
  const plan = prepareCampaign(anyPolicy, inputs as CampaignInputs);
  const populations = plan.simulation.populations;
  const geometry: BlockGeometry = { block, ring: populations.length + Math.max(1, shape.ahead ?? 64) + 1 };
  const bytes = blockBytes(geometry);
  const buffer = parallel === undefined ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes);
  const setup: HelperSetup = { inputs: inputs as CampaignInputs, geometry, buffer, installations: plan.estate };
  const views = new BlockViews(buffer, geometry);
  // The helpers start before this thread compiles and warms up its kernel: a thread takes tens of milliseconds to start.
  const helpers: CampaignHelpers | undefined = parallel === undefined ? undefined : await parallel(setup);
  try {
    const kernel = new AttemptKernel(anyPolicy, inputs as CampaignInputs, block, plan);
    let reported = 0;
    const onDay = onProgress === undefined
      ? undefined
      : async (done: number) => {
          // Report at most about a hundred times, and yield so a progress display can draw.
          if (done < plan.estate && done - reported < plan.estate / 100) return;
          reported = done;
          onProgress(done, plan.estate);
          await new Promise((resolve) => setTimeout(resolve, 0));
        };
    const schedule = await runSchedule(plan, kernel, new FirstAttempts(views, kernel, populations, helpers), onDay);
    views.finish();
    const tally = emptyTally({ populations: populations.length, codes: plan.layout.codes.length, samples: plan.simulation.samples });
    addTally(tally, kernel.tally, plan.simulation.samples);
    for (const other of (await helpers?.tallies()) ?? []) addTally(tally, other, plan.simulation.samples);
    const samples = await checkedSamples(plan, tally);
    const description = faultModelDescription(inputs.faults);
    const result: CampaignResult = {
      policy: { name: policy.name, version: policy.version },
      ...summarizeCampaign(plan, tally, schedule, samples, description),
    };
    checkCampaign(result);
    return result;
  } finally {
    views.finish();
    await helpers?.close();
  }
}
