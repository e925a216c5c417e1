/**
 * The campaign's compiled runner for one population: the simulator's
 * generated flow (../simulate/compile.ts), wrapped in a loop over a slice of
 * the day's jobs instead of a range of installations. Job `k` is
 * installation `J_index[k]` on its migration attempt `J_attempt[k]`; the
 * runner writes how that attempt ended into the `O_` arrays at `k`: status
 * (0 migrated, 1 failed, 2 rolled back), code, the time of the outcome from
 * the attempt's start, whether an undo failed, and the fault stream's state,
 * which the resubmission delay is drawn from next.
 *
 * Populations whose flows generate the same code share one function, with
 * their fault probabilities and membership passed in on each call: V8 then
 * optimises one function instead of one per population, in every thread.
 */
import { generateFlow, type CompileInput } from '../simulate/compile.js';
import type { BatchRunner } from '../simulate/source.js';
import { warmUp } from '../simulate/warm-up.js';
import { attemptSeedSource } from './seed.js';

/** A slice of jobs and what their attempts gave; every array has one slot per job. */
export interface JobSlots {
  readonly J_index: Float64Array;
  readonly J_attempt: Int32Array;
  readonly O_status: Int8Array;
  readonly O_code: Int32Array;
  readonly O_end: Float64Array;
  readonly O_undo: Uint8Array;
  readonly O_state: Int32Array;
}

/** The generated function: runs jobs `from .. to - 1` of `slots`, all of the population whose fault probabilities `P` and membership `mem` are passed in. */
export type SharedRunner = (from: number, to: number, inst: unknown, slots: JobSlots, P: Float64Array, mem: unknown) => void;

/** One population's runner: the function, shared by every population with the same flow, and what to pass it. */
export interface CampaignRunner {
  readonly run: SharedRunner;
  readonly P: Float64Array;
  readonly membership: unknown;
}

/** Generated functions already made, by their code (one cache per kernel). */
export type RunnerCache = Map<string, { readonly run: SharedRunner; readonly functions: readonly unknown[] }>;

/** Slots for `count` jobs. */
export function jobSlots(count: number): JobSlots {
  return {
    J_index: new Float64Array(count),
    J_attempt: new Int32Array(count),
    O_status: new Int8Array(count),
    O_code: new Int32Array(count),
    O_end: new Float64Array(count),
    O_undo: new Uint8Array(count),
    O_state: new Int32Array(count),
  };
}

/**
 * Installations per warm-up call: one, so that no call runs long while V8
 * optimises the function in the background (it would compile the running
 * loop as well, on-stack replacement, as costly as the function).
 */
const warmSlots = 1;

/**
 * Installations per warm-up profile: fewer than the simulator's, since the
 * warm-up's first pass already takes every branch (../simulate/warm-up.ts),
 * and every helper thread warms up again before it makes its first block.
 */
const warmPerProfile = 16;

export function compileCampaignRunner(input: CompileInput, cache: RunnerCache): CampaignRunner {
  // Population 0's offsets for all: the counts the flow keeps as it goes (incidents, rollbacks) are not the campaign's.
  const generated = generateFlow({ ...input, population: 0, drawFields: true });
  const text = `${generated.prelude}
return function campaignBatch(from, to, inst, slots, P, mem) {
  const { J_index, J_attempt, O_status, O_code, O_end, O_undo, O_state } = slots;
  for (let k = from; k < to; k++) {
    const index = J_index[k], attempt = J_attempt[k];
${generated.installation(attemptSeedSource(input.seed))}
    O_status[k] = status; O_code[k] = code; O_end[k] = now; O_undo[k] = undoFailed; O_state[k] = f;
  }
};`;
  const functions = generated.env.functions as readonly unknown[];
  const { values: P } = generated;
  const { membership } = input;
  const known = cache.get(text);
  if (known !== undefined && known.functions.length === functions.length && known.functions.every((fn, index) => fn === functions[index])) {
    return { run: known.run, P, membership };
  }
  // Invariant: as for the simulator, policy text reaches the source only as JSON-quoted field names and enum members.
  const shared = new Function('env', text)(generated.env) as SharedRunner;
  cache.set(text, { run: shared, functions });
  // The warm-up runs first attempts of installations 0, 1, ... in private slots, then restores the counters.
  const slots = jobSlots(warmSlots);
  const batch: BatchRunner = (first, count, inst) => {
    for (let done = 0; done < count; done += warmSlots) {
      const size = Math.min(warmSlots, count - done);
      for (let k = 0; k < size; k++) {
        slots.J_index[k] = first + done + k;
        slots.J_attempt[k] = 1 + (k % 6);
      }
      shared(0, size, inst, slots, P, membership);
    }
  };
  warmUp(batch, P, generated.params, generated.attemptsToExhaust, input.warmInstallation, input.tally, input.samples, warmPerProfile);
  return { run: shared, P, membership };
}
