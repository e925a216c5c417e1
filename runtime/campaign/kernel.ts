/**
 * The campaign kernel: runs migration attempts through the compiled flow of
 * their population and says how each ended, without knowing the day it
 * runs on. An attempt's outcome depends only on the seed, the installation
 * and the attempt number (seed.ts), so the kernel can run first attempts
 * long before the scheduler places them on a day, in any thread
 * (blocks.ts), and the scheduler adds what depends on the day: when the
 * outcome falls, and when a resubmission becomes due (schedule.ts). How it
 * writes each outcome, and counts what does not depend on the day, is
 * classify.ts.
 */
import type { CompiledPolicy } from '../policy.js';
import { reusableInstallation } from '../simulate/simulate.js';
import { SampleBuffer, Tally } from '../simulate/tally.js';
import { compileCampaignRunner, jobSlots, type CampaignRunner, type JobSlots, type RunnerCache } from './compile.js';
import type { AttemptResults } from './attempt-results.js';
import { AttemptClassifier } from './classify.js';
import { prepareCampaign, type CampaignInputs, type CampaignPlan } from './plan.js';
import { emptyTally, type CampaignTally } from './tally.js';

/** Attempts a call of the compiled runner at most. */
const callSize = 64;

/**
 * A kernel's first calls are shorter: while V8 is still compiling the flow
 * in the background, a call of 64 attempts in unoptimised code runs long
 * enough for it to compile the running loop as well (on-stack
 * replacement, as costly as the function), on a core the other thread
 * needs. Measured over eight runs of the bench's 13 M campaign (four on one
 * thread, four on two; `node --trace-opt`): the flow's loop was compiled
 * so in 4 of 12 threads rather than 10 of 12, and V8's compiling took 270
 * to 350 ms on one thread and 370 to 540 ms on two, against 320 to 400 and
 * 500 to 590 ms. Call sizes never change a result.
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
  private readonly installation: Record<string, unknown>;
  private readonly classifier: AttemptClassifier;

  /** A kernel that runs at most `capacity` attempts a call; `plan` is `prepareCampaign(policy, inputs)`, made here unless given. */
  constructor(policy: CompiledPolicy<unknown, unknown, string>, inputs: CampaignInputs, readonly capacity: number, plan?: CampaignPlan) {
    this.plan = plan ?? prepareCampaign(policy, inputs);
    const { layout, simulation } = this.plan;
    this.slots = jobSlots(capacity);
    this.jobs = this.slots;
    this.tally = emptyTally({ populations: simulation.populations.length, codes: layout.codes.length, samples: simulation.samples });
    // The flow counts incidents and rollbacks as it goes; the campaign does not report them, so they go here.
    const flowTally = new Tally({
      populations: simulation.populations.length,
      codes: layout.codes.length,
      steps: layout.steps.length,
      parties: layout.parties.length,
    });
    const flowSamples = new SampleBuffer(0, layout.codes.length);
    this.installation = reusableInstallation(simulation);
    this.classifier = new AttemptClassifier(this.plan, this.slots);
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
        tally: flowTally,
        samples: flowSamples,
        warmInstallation: this.installation,
      }, cache),
    );
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
    this.classifier.classify(p, from, to, out, at, this.tally);
  }
}
