/**
 * The campaign kernel: one shard's share of a day's jobs. Pure computation
 * over typed arrays, so the same code runs in the scheduler's own thread or
 * in another one (docs/decisions/0011): the scheduler writes the day's jobs
 * into the shared `jobs` arrays, each shard runs a contiguous slice of them
 * through the compiled flow of their population, counts the final outcomes
 * into its own tally, and writes one record per resubmittable failure into
 * the shared `records` arrays, starting at its slice's first slot and in job
 * order. The outcome of an attempt depends only on the seed, the
 * installation and the attempt number, never on the shard, so any split of
 * the jobs gives the same records in the same order.
 */
import { timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import { MigrationUsageError } from '../errors.js';
import { drawDuration } from '../fault-model/fault-handlers.js';
import type { CompiledPolicy } from '../policy.js';
import type { RandomSource } from '../random.js';
import { reusableInstallation } from '../simulate/simulate.js';
import { SampleBuffer, Tally } from '../simulate/tally.js';
import { dayLength } from './calendar.js';
import { compileCampaignRunner, jobSlots, type CampaignRunner, type JobSlots } from './compile.js';
import { prepareCampaign, type CampaignInputs, type CampaignPlan } from './plan.js';
import { attemptBuckets, countDay, emptyTally, offerSample, type CampaignTally } from './tally.js';

/** The arrays the scheduler and the shards share, one slot per job of a batch. */
export interface CampaignBuffers {
  readonly J_index: Float64Array;
  readonly J_attempt: Int32Array;
  readonly J_population: Int32Array;
  /** Records of resubmittable failures: the installation, its next attempt, population, due time and responsible party. */
  readonly R_index: Float64Array;
  readonly R_attempt: Int32Array;
  readonly R_population: Int32Array;
  readonly R_due: Float64Array;
  readonly R_party: Int32Array;
}

const bytesPerSlot = 3 * 8 + 5 * 4;

/** Memory for `slots` jobs a batch. */
export const bufferBytes = (slots: number): number => slots * bytesPerSlot;

/** Views of one buffer of `bufferBytes(slots)` bytes (an `ArrayBuffer` or a `SharedArrayBuffer`). */
export function campaignBuffers(buffer: ArrayBufferLike, slots: number): CampaignBuffers {
  const float = (n: number) => new Float64Array(buffer, n * slots * 8, slots);
  const int = (n: number) => new Int32Array(buffer, 3 * slots * 8 + n * slots * 4, slots);
  return {
    J_index: float(0),
    R_index: float(1),
    R_due: float(2),
    J_attempt: int(0),
    J_population: int(1),
    R_attempt: int(2),
    R_population: int(3),
    R_party: int(4),
  };
}

/** What a shard is made from: plain data, so another thread can make the same shard. */
export interface ShardSetup {
  readonly inputs: CampaignInputs;
  /** Jobs a batch at most: the length of every shared array. */
  readonly slots: number;
  /** `bufferBytes(slots)` bytes, shared with the scheduler. */
  readonly buffer: ArrayBufferLike;
}

/** A `RandomSource` whose state can be set: the fault stream an attempt left, continued. */
class StreamRandom implements RandomSource {
  state = 0;

  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let mixed = Math.imul(this.state ^ (this.state >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return ((mixed ^ (mixed >>> 16)) >>> 0) / 4294967296;
  }
}

export class CampaignShard {
  readonly plan: CampaignPlan;
  readonly tally: CampaignTally;
  private readonly shared: CampaignBuffers;
  private readonly slots: JobSlots;
  private readonly runners: (CampaignRunner | undefined)[] = [];
  private readonly flowTally: Tally;
  private readonly flowSamples: SampleBuffer;
  private readonly installation: Record<string, unknown>;
  private readonly random = new StreamRandom();
  private readonly samples: number;

  constructor(policy: CompiledPolicy<unknown, unknown, string>, setup: ShardSetup) {
    this.plan = prepareCampaign(policy, setup.inputs);
    const { layout, simulation } = this.plan;
    this.shared = campaignBuffers(setup.buffer, setup.slots);
    this.slots = jobSlots(setup.slots, this.shared);
    this.samples = simulation.samples;
    this.tally = emptyTally({ populations: simulation.populations.length, codes: layout.codes.length, samples: this.samples });
    // The flow counts incidents and rollbacks as it goes; the campaign does not report them, so they go here.
    this.flowTally = new Tally({
      populations: simulation.populations.length,
      codes: layout.codes.length,
      steps: layout.steps.length,
      parties: layout.parties.length,
    });
    this.flowSamples = new SampleBuffer(0, layout.codes.length);
    this.installation = reusableInstallation(simulation);
  }

  private runner(p: number): CampaignRunner {
    return (this.runners[p] ??= compileCampaignRunner({
      policy: this.plan.policy,
      model: this.plan.simulation.model,
      layout: this.plan.layout,
      membership: this.plan.simulation.populations[p]!.membership,
      population: p,
      seed: this.plan.simulation.seed,
      drawFields: true,
      tally: this.flowTally,
      samples: this.flowSamples,
      warmInstallation: this.installation,
    }));
  }

  /**
   * Runs jobs `lo .. hi - 1` of the batch, all started at the start of
   * `day`, and returns how many resubmission records it wrote from `lo` on.
   */
  run(day: number, lo: number, hi: number): number {
    const { J_population } = this.shared;
    for (let k = lo; k < hi; ) {
      const p = J_population[k]!;
      let end = k + 1;
      while (end < hi && J_population[end] === p) end++;
      this.runner(p)(k, end, this.installation, this.slots);
      k = end;
    }
    return this.classify(day, lo, hi);
  }

  /** Each attempt's outcome: final (counted here) or resubmittable (a record for the scheduler). */
  private classify(day: number, lo: number, hi: number): number {
    const { J_index, J_attempt, J_population, R_index, R_attempt, R_population, R_due, R_party } = this.shared;
    const { O_status, O_code, O_end, O_undo, O_state } = this.slots;
    const { codeResubmit, codeParty, exclusionAfter, partyDelay, defaultDelay, layout } = this.plan;
    const tally = this.tally;
    const codes = layout.codes.length;
    const limit = exclusionAfter ?? Infinity;
    const dayStart = day * dayLength;
    const samples = this.samples;
    let written = lo;
    for (let k = lo; k < hi; k++) {
      const attempt = J_attempt[k]!;
      const p = J_population[k]!;
      const end = O_end[k]!;
      // An attempt's end is its latest time (times only move forward): past the limit, no figure built on it is exact.
      if (!(dayStart + end <= timeLimit)) throw new MigrationUsageError(`an installation's attempt ends past ${timeLimitInWords}, past which times are not exact: the fault model's durations, or the policy's waits, add up to too long a run`);
      const outcomeDay = day + Math.floor(end / dayLength);
      let state: number;
      if (O_status[k] === 0) state = 0;
      else {
        const code = O_code[k]!;
        const excluded = attempt >= limit;
        const resubmit = codeResubmit[code]!;
        if ((resubmit === 1 ? O_undo[k] === 0 : resubmit === 2 && O_status[k] === 2) && !excluded) {
          const party = codeParty[code]!;
          this.random.state = O_state[k]!;
          const delay = drawDuration(party >= 0 ? partyDelay[party]! : defaultDelay, this.random);
          R_index[written] = J_index[k]!;
          R_attempt[written] = attempt + 1;
          R_population[written] = p;
          R_due[written] = dayStart + end + delay;
          if (!(R_due[written]! <= timeLimit)) throw new MigrationUsageError(`a resubmission falls due past ${timeLimitInWords}, past which times are not exact: the fault model's delays are too long`);
          R_party[written] = party;
          written++;
          tally.resubmitted[p * codes + code]!++;
          countDay(tally, outcomeDay, 3);
          continue;
        }
        state = excluded ? 2 : 1;
        tally.finalCodes[(p * 2 + state - 1) * codes + code]!++;
        if (state === 1 && O_undo[k] === 1) tally.undoFailed[p]!++;
        offerSample(tally, samples, 2 + (state - 1) * codes + code, J_index[k]!, attempt);
      }
      if (state === 0) offerSample(tally, samples, attempt === 1 ? 0 : 1, J_index[k]!, attempt);
      tally.finals[p * 3 + state]!++;
      tally.attempts[state * (attemptBuckets + 1) + (attempt < attemptBuckets ? attempt : attemptBuckets)]!++;
      tally.attemptSum[state]! += attempt;
      if (attempt > tally.attemptMax[0]!) tally.attemptMax[0] = attempt;
      countDay(tally, outcomeDay, state);
    }
    return written - lo;
  }
}
