/**
 * The campaign kernel: runs migration attempts through the compiled flow of
 * their population and says how each ended, without knowing the day it
 * runs on. An attempt's outcome depends only on the seed, the installation
 * and the attempt number (seed.ts), so the kernel can run first attempts
 * long before the scheduler places them on a day, in any thread
 * (blocks.ts), and the scheduler adds what depends on the day: when the
 * outcome falls, and when a resubmission becomes due (schedule.ts).
 *
 * For each attempt the kernel writes one whole number, its outcome: for a
 * final one (migrated, failed for good, excluded), its kind and the day it
 * falls on counted from the attempt's day; for a resubmittable failure, or
 * an attempt that ends too late for the day to be added exactly, a marker,
 * with the exact time of the outcome, the drawn resubmission delay and the
 * responsible party beside it. The scheduler's thread reads four bytes for
 * nearly every attempt another thread made. The kernel counts everything
 * that does not depend on the day into its own tally of whole numbers.
 */
import { drawDuration } from '../fault-model/fault-handlers.js';
import type { CompiledPolicy } from '../policy.js';
import { reusableInstallation } from '../simulate/simulate.js';
import { SampleBuffer, Tally } from '../simulate/tally.js';
import { dayLength } from './calendar.js';
import { compileCampaignRunner, jobSlots, type CampaignRunner, type JobSlots, type RunnerCache } from './compile.js';
import { AttemptKind, exactEnd, type AttemptResults } from './attempt-results.js';
import { prepareCampaign, type CampaignInputs, type CampaignPlan } from './plan.js';
import { StreamRandom } from './seed.js';
import { attemptBuckets, emptyTally, offerSample, type CampaignTally } from './tally.js';

/** Attempts a call of the compiled runner at most. */
const callSize = 64;

/**
 * A kernel's first calls are shorter: while V8 is still compiling the flow
 * in the background, a call of 64 attempts in unoptimised code runs long
 * enough for it to compile the running loop as well (on-stack
 * replacement, as costly as the function), on a core the other thread
 * needs. Call sizes never change a result.
 */
const startCalls = 2048;
const startCallSize = 8;

export class AttemptKernel {
  readonly plan: CampaignPlan;
  readonly tally: CampaignTally;
  /** The jobs to run: the caller writes installations and attempt numbers here, then calls `run`. */
  readonly jobs: Pick<JobSlots, 'J_index' | 'J_attempt'>;
  private readonly slots: JobSlots;
  private readonly runners: readonly CampaignRunner[];
  private calls = 0;
  private readonly flowTally: Tally;
  private readonly flowSamples: SampleBuffer;
  private readonly installation: Record<string, unknown>;
  private readonly random = new StreamRandom();

  /** A kernel that runs at most `capacity` attempts a call; `plan` is `prepareCampaign(policy, inputs)`, made here unless given. */
  constructor(policy: CompiledPolicy<unknown, unknown, string>, inputs: CampaignInputs, readonly capacity: number, plan?: CampaignPlan) {
    this.plan = plan ?? prepareCampaign(policy, inputs);
    const { layout, simulation } = this.plan;
    this.slots = jobSlots(capacity);
    this.jobs = this.slots;
    this.tally = emptyTally({ populations: simulation.populations.length, codes: layout.codes.length, samples: simulation.samples });
    // The flow counts incidents and rollbacks as it goes; the campaign does not report them, so they go here.
    this.flowTally = new Tally({
      populations: simulation.populations.length,
      codes: layout.codes.length,
      steps: layout.steps.length,
      parties: layout.parties.length,
    });
    this.flowSamples = new SampleBuffer(0, layout.codes.length);
    this.installation = reusableInstallation(simulation);
    this.warmClassify();
    // Every population's runner now, not when its first block comes: the code that called for it
    // then had no feedback for making one, and V8 threw it away and compiled it again.
    const cache: RunnerCache = new Map();
    this.runners = simulation.populations.map((population, p) =>
      compileCampaignRunner({
        policy: this.plan.policy,
        model: simulation.model,
        layout,
        membership: population.membership,
        population: p,
        seed: simulation.seed,
        drawFields: true,
        tally: this.flowTally,
        samples: this.flowSamples,
        warmInstallation: this.installation,
      }, cache),
    );
  }

  /**
   * Runs `classify` over made-up outcomes that take each of its branches
   * (migrated, failed, rolled back, resubmittable or not, excluded, an undo
   * failed, an end too late to add to a day), into results and a tally
   * thrown away: V8 then optimises it with feedback for every branch,
   * instead of compiling it again when a rare one first comes.
   */
  private warmClassify(): void {
    const { layout, exclusionAfter } = this.plan;
    const codes = layout.codes.length;
    const rows: [status: number, code: number, attempt: number, undo: number][] = [[0, 0, 1, 0], [0, 0, 2, 0]];
    for (let code = 0; code < codes; code++) {
      for (const status of [1, 2]) for (const attempt of [1, exclusionAfter ?? 2]) for (const undo of [0, 1]) rows.push([status, code, attempt, undo]);
    }
    const out: AttemptResults = { outcome: new Int32Array(this.capacity), end: new Float64Array(this.capacity), delay: new Float64Array(this.capacity), party: new Int32Array(this.capacity) };
    const tally = emptyTally({ populations: this.plan.simulation.populations.length, codes, samples: this.plan.simulation.samples });
    const { J_index, J_attempt, O_status, O_code, O_end, O_undo, O_state } = this.slots;
    for (let first = 0; first < rows.length; first += this.capacity) {
      const count = Math.min(this.capacity, rows.length - first);
      for (let k = 0; k < count; k++) {
        const [status, code, attempt, undo] = rows[first + k]!;
        J_index[k] = first + k;
        J_attempt[k] = attempt;
        O_status[k] = status;
        O_code[k] = code;
        O_end[k] = (first + k) % 7 === 6 ? 2 * exactEnd : (first + k) * 60_000;
        O_undo[k] = undo;
        O_state[k] = first + k;
      }
      this.classify(0, 0, count, out, 0, tally);
    }
  }

  /**
   * Runs jobs `0 .. count - 1` of `jobs`, all of population `p`, and writes
   * how each ended into `out` from slot `at` on.
   */
  run(p: number, count: number, out: AttemptResults, at: number): void {
    this.check(count);
    for (let from = 0, to = 0; from < count; from = to) {
      to = Math.min(count, from + this.callSize());
      this.chunk(p, from, to, out, at);
    }
  }

  /** Runs the first attempts of installations `first .. first + count - 1` of population `p`, as `run` does. */
  runFirst(p: number, first: number, count: number, out: AttemptResults, at: number): void {
    this.check(count);
    const { J_index, J_attempt } = this.slots;
    // Every call in the first job slots: the calls of a block touch the same few kilobytes.
    for (let from = 0, size = 0; from < count; from += size) {
      size = Math.min(this.callSize(), count - from);
      for (let k = 0; k < size; k++) {
        J_index[k] = first + from + k;
        J_attempt[k] = 1;
      }
      this.chunk(p, 0, size, out, at + from);
    }
  }

  /** Attempts in the next call of the runner. */
  private callSize(): number {
    return this.calls++ < startCalls ? startCallSize : callSize;
  }

  private check(count: number): void {
    if (count > this.capacity) throw new RangeError(`a kernel for ${this.capacity} attempts asked to run ${count}`);
  }

  /**
   * Jobs `from .. to - 1`. In short calls: while V8 optimises the runner in
   * the background, a long call would have it compile the running loop as
   * well (on-stack replacement).
   */
  private chunk(p: number, from: number, to: number, out: AttemptResults, at: number): void {
    const { run, P, membership } = this.runners[p]!;
    run(from, to, this.installation, this.slots, P, membership);
    this.classify(p, from, to, out, at, this.tally);
  }

  private classify(p: number, from: number, to: number, out: AttemptResults, at: number, tally: CampaignTally): void {
    const { J_index, J_attempt, O_status, O_code, O_end, O_undo, O_state } = this.slots;
    const { codeResubmit, codeParty, exclusionAfter, partyDelay, defaultDelay, layout, simulation } = this.plan;
    const codes = layout.codes.length;
    const limit = exclusionAfter ?? Infinity;
    const samples = simulation.samples;
    for (let k = from; k < to; k++) {
      const attempt = J_attempt[k]!;
      const end = O_end[k]!;
      let state: number;
      if (O_status[k] === 0) state = AttemptKind.Migrated;
      else {
        const code = O_code[k]!;
        const excluded = attempt >= limit;
        const resubmit = codeResubmit[code]!;
        if ((resubmit === 1 ? O_undo[k] === 0 : resubmit === 2 && O_status[k] === 2) && !excluded) {
          const party = codeParty[code]!;
          this.random.state = O_state[k]!;
          out.outcome[at + k] = -1 - AttemptKind.Resubmittable;
          out.end[at + k] = end;
          out.delay[at + k] = drawDuration(party >= 0 ? partyDelay[party]! : defaultDelay, this.random);
          out.party[at + k] = party;
          tally.resubmitted[p * codes + code]!++;
          continue;
        }
        state = excluded ? AttemptKind.Excluded : AttemptKind.Failed;
        tally.finalCodes[(p * 2 + state - 1) * codes + code]!++;
        if (state === AttemptKind.Failed && O_undo[k] === 1) tally.undoFailed[p]!++;
        offerSample(tally, samples, 2 + (state - 1) * codes + code, J_index[k]!, attempt);
      }
      if (state === AttemptKind.Migrated) offerSample(tally, samples, attempt === 1 ? 0 : 1, J_index[k]!, attempt);
      if (end <= exactEnd) out.outcome[at + k] = state + 4 * Math.floor(end / dayLength);
      else {
        out.outcome[at + k] = -1 - state;
        out.end[at + k] = end;
      }
      tally.finals[p * 3 + state]!++;
      tally.attempts[state * (attemptBuckets + 1) + (attempt < attemptBuckets ? attempt : attemptBuckets)]!++;
      tally.attemptSum[state]! += attempt;
      if (attempt > tally.attemptMax[0]!) tally.attemptMax[0] = attempt;
    }
  }
}
