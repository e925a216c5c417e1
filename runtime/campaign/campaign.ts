/**
 * `simulateCampaign`: plays a whole migration campaign (docs/campaign.md).
 * The estate is submitted day by day within the capacity, every attempt
 * runs through the compiled flow on the shards, resubmittable failures
 * come back after their delay, until every installation has migrated,
 * failed for good or been excluded. Then the sampled installations are
 * replayed through `migrate` and the conservation laws checked.
 */
import type { CompiledPolicy } from '../policy.js';
import { faultModelDescription } from '../fault-model/fault-model.js';
import { localExecutor, type CampaignParallel } from './executor.js';
import { checkCampaign } from './invariants.js';
import { prepareCampaign, type CampaignInputs } from './plan.js';
import { checkedSamples } from './replay.js';
import type { CampaignResult } from './result.js';
import { runSchedule } from './schedule.js';
import { bufferBytes, campaignBuffers, type ShardSetup } from './shard.js';
import { summarizeCampaign } from './summary.js';
import { addTally, emptyTally } from './tally.js';

export interface CampaignOptions<I> extends CampaignInputs<I> {
  /**
   * Called as installations reach their final state, with how many have out
   * of the estate; the campaign yields to the event loop between calls so a
   * progress display can draw. It never changes the result.
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs the shards on threads (see `CampaignParallel`); by default one shard runs in this thread. The result is the same. */
  readonly parallel?: CampaignParallel;
}

/** Jobs a batch at most: a day's jobs beyond this run in further batches, with the same result. */
const defaultSlots = 1 << 16;

/**
 * Simulates the campaign `options` describe. Rejects with a
 * `MigrationUsageError` for bad options or a fault model without a valid
 * `campaign` section, and with a `SimulationBug` if a conservation law fails
 * or a sampled installation ends differently through `migrate`.
 */
export function simulateCampaign<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, options: CampaignOptions<I>): Promise<CampaignResult> {
  return playCampaign(policy, options, defaultSlots);
}

/** `simulateCampaign` with batches of at most `maxSlots` jobs (tests vary it: the result must not change). */
export async function playCampaign<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  options: CampaignOptions<I>,
  maxSlots: number,
): Promise<CampaignResult> {
  const { onProgress, parallel, ...inputs } = options;
  const plan = prepareCampaign(policy, inputs);
  const slots = Math.max(1, Math.min(plan.campaign.capacity.daily, plan.estate, maxSlots));
  const buffer = parallel === undefined ? new ArrayBuffer(bufferBytes(slots)) : new SharedArrayBuffer(bufferBytes(slots));
  const setup: ShardSetup = { inputs: inputs as CampaignInputs, slots, buffer };
  const anyPolicy = policy as unknown as CompiledPolicy<unknown, unknown, string>;
  const executor = parallel === undefined ? localExecutor(anyPolicy, setup) : await parallel(setup);
  try {
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
    const schedule = await runSchedule(plan, executor, campaignBuffers(buffer, slots), slots, onDay);
    const tally = emptyTally({ populations: plan.simulation.populations.length, codes: plan.layout.codes.length, samples: plan.simulation.samples });
    for (const shard of await executor.tallies()) addTally(tally, shard, plan.simulation.samples);
    const samples = await checkedSamples(plan, tally);
    const description = faultModelDescription(inputs.faults);
    const result: CampaignResult = {
      policy: { name: policy.name, version: policy.version },
      ...summarizeCampaign(plan, tally, schedule, samples, description),
    };
    checkCampaign(result);
    return result;
  } finally {
    await executor.close();
  }
}
