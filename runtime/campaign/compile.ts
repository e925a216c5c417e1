/**
 * The campaign's compiled runner for one population: the simulator's
 * generated flow (../simulate/compile.ts), wrapped in a loop over a slice of
 * the day's jobs instead of a range of installations. Job `k` is
 * installation `J_index[k]` on its migration attempt `J_attempt[k]`; the
 * runner writes how that attempt ended into the `O_` arrays at `k`: status
 * (0 migrated, 1 failed, 2 rolled back), code, the time of the outcome from
 * the attempt's start, whether an undo failed, and the fault stream's state,
 * which the resubmission delay is drawn from next.
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

/** Runs jobs `from .. to - 1` of `slots`, all of this runner's population. */
export type CampaignRunner = (from: number, to: number, inst: unknown, slots: JobSlots) => void;

export function jobSlots(count: number, jobs?: Pick<JobSlots, 'J_index' | 'J_attempt'>): JobSlots {
  return {
    J_index: jobs?.J_index ?? new Float64Array(count),
    J_attempt: jobs?.J_attempt ?? new Int32Array(count),
    O_status: new Int8Array(count),
    O_code: new Int32Array(count),
    O_end: new Float64Array(count),
    O_undo: new Uint8Array(count),
    O_state: new Int32Array(count),
  };
}

/** Installations per warm-up call at most (the warm-up's profiles use 48). */
const warmSlots = 64;

export function compileCampaignRunner(input: CompileInput): CampaignRunner {
  const generated = generateFlow({ ...input, drawFields: true });
  const text = `${generated.prelude}
return function campaignBatch(from, to, inst, slots) {
  const { J_index, J_attempt, O_status, O_code, O_end, O_undo, O_state } = slots;
  for (let k = from; k < to; k++) {
    const index = J_index[k], attempt = J_attempt[k];
${generated.installation(attemptSeedSource(input.seed))}
    O_status[k] = status; O_code[k] = code; O_end[k] = now; O_undo[k] = undoFailed; O_state[k] = f;
  }
};`;
  // Invariant: as for the simulator, policy text reaches the source only as JSON-quoted field names and enum members.
  const runner = new Function('env', text)(generated.env) as CampaignRunner;
  // The warm-up runs first attempts of installations 0, 1, ... in private slots, then restores the counters.
  const slots = jobSlots(warmSlots);
  const batch: BatchRunner = (first, count, inst) => {
    for (let done = 0; done < count; done += warmSlots) {
      const size = Math.min(warmSlots, count - done);
      for (let k = 0; k < size; k++) {
        slots.J_index[k] = first + done + k;
        slots.J_attempt[k] = 1 + (k % 6);
      }
      runner(0, size, inst, slots);
    }
  };
  warmUp(batch, generated.values, generated.params, generated.attemptsToExhaust, input.warmInstallation, input.tally, input.samples);
  return runner;
}
