/**
 * Helpers of a campaign that share the test's thread: they claim and make
 * blocks of first attempts whenever the scheduler looks for one, so that
 * blocks are made early, late, and by several kernels, deterministically;
 * and the check that a campaign so helped is byte-identical to one thread's.
 */
import { expect } from 'vitest';
import { simulateCampaign, type CampaignParallel } from '../../runtime/index.js';
import { BlockViews } from '../../runtime/campaign/blocks.js';
import { playCampaign, type BlockShape } from '../../runtime/campaign/campaign.js';
import { AttemptKernel } from '../../runtime/campaign/kernel.js';
import { setUp, type Campaign } from './campaign-setup.js';
import type { Scenario } from './random-policy.js';

/** Blocks made by the in-process helpers, over all runs: a property about them is empty if they never make one. */
let helped = 0;
/** Times the scheduler looked for a block while a helper held one claimed, over all runs. */
let looksWhileHeld = 0;

export const blocksHelped = (): number => helped;
export const scheduleLooksWhileHeld = (): number => looksWhileHeld;

/**
 * `parts` helpers in this thread, for the byte-identity check: each time the
 * scheduler looks for a block, each helper claims and makes as many blocks
 * as the next of `takes` says (cycling), so blocks are made early, late and
 * by every kernel. A block claimed when the next of `holds` is not 0 is
 * kept claimed for that many more looks, as by a thread still making it.
 */
export function helpersInProcess(policy: ReturnType<typeof setUp>['policy'], parts: number, takes: readonly number[], holds: readonly number[] = [0]): CampaignParallel {
  return (setup) => {
    const views = new BlockViews(setup.buffer, setup.geometry);
    const kernels = Array.from({ length: parts }, () => new AttemptKernel(policy as never, setup.inputs, setup.geometry.block));
    const held = kernels.map(() => ({ slot: -1, looks: 0 }));
    let turn = 0;
    let hold = 0;
    const make = (kernel: AttemptKernel, slot: number): void => {
      views.make(kernel, slot);
      helped++;
    };
    return {
      failure: () => null,
      poll: () => {
        kernels.forEach((kernel, k) => {
          const mine = held[k]!;
          if (mine.slot >= 0) {
            looksWhileHeld++;
            if (mine.looks-- > 0) return;
            make(kernel, mine.slot);
            mine.slot = -1;
          }
          for (let n = takes[turn++ % takes.length]!; n > 0; n--) {
            const slot = views.claim();
            if (slot < 0) return;
            mine.looks = holds[hold++ % holds.length]!;
            if (mine.looks === 0) make(kernel, slot);
            else return void (mine.slot = slot);
          }
        });
      },
      tallies: () => kernels.map((kernel) => kernel.tally),
      close: () => undefined,
    };
  };
}

/** How in-process helpers take part (`helpersInProcess`). */
export interface Helping {
  readonly parts: number;
  readonly takes: readonly number[];
  readonly holds?: readonly number[];
}

/** Plays the campaign of `scenario` on one thread, and cut into blocks of `shape` made with `helping`: the two must be byte-identical. */
export async function expectSameWhenHelped(scenario: Scenario, campaign: Campaign, seed: number, helping: Helping, shape: BlockShape): Promise<void> {
  const setup = setUp(scenario, campaign);
  const options = { faults: setup.faults, seed };
  const one = JSON.stringify(await simulateCampaign(setup.policy, options));
  const parallel = helpersInProcess(setup.policy, helping.parts, helping.takes, helping.holds);
  const helped = JSON.stringify(await playCampaign(setup.policy, { ...options, parallel }, shape));
  expect(helped).toBe(one);
}
