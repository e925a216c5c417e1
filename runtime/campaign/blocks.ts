/**
 * First attempts, made ahead of the schedule. Most of a campaign's work is
 * the first attempt of each installation, and its outcome does not depend
 * on the day it runs (kernel.ts), so the scheduler asks for blocks of them
 * before it needs them: a block is `geometry.block` consecutive
 * installations of one population. Blocks live in one buffer, a ring of
 * `geometry.ring` slots; requests go into a queue in the same buffer, and
 * any thread with a kernel claims the next request, runs it and marks its
 * slot done (a `SharedArrayBuffer` and `Atomics` when other threads help,
 * docs/decisions/0027). No thread waits for another at the end of a day:
 * the scheduler's thread makes blocks itself whenever one it needs is not
 * ready, and waits only for a block another thread is making.
 *
 * A block whose attempts threw is marked failed and made again, in the
 * scheduler's thread, when the scheduler reaches it: the error surfaces at
 * the same point of the campaign whichever thread met it first.
 */
import type { CompiledPolicy } from '../policy.js';
import type { AttemptResults } from './attempt-results.js';
import { chunkSize, summarizeChunks, summaryWords } from './chunks.js';
import { AttemptKernel } from './kernel.js';
import type { CampaignInputs } from './plan.js';
import type { CampaignTally } from './tally.js';

export interface BlockGeometry {
  /** Installations a block at most. */
  readonly block: number;
  /** Slots in the ring. */
  readonly ring: number;
}

/** What a helper thread makes its kernel and its view of the blocks from: plain data and the shared buffer. */
export interface HelperSetup {
  readonly inputs: CampaignInputs;
  readonly geometry: BlockGeometry;
  readonly buffer: ArrayBufferLike;
  /** Installations in the campaign's estate: a host may start fewer helpers for a small one. */
  readonly installations: number;
}

/** Slot states. */
export const enum SlotState {
  Free = 0,
  Requested = 1,
  Claimed = 2,
  Done = 3,
  Failed = 4,
}

// The control words, then per slot its state, its population and its count, then the request queue.
const stop = 0;
const signal = 1;
const head = 2;
const tail = 3;
const header = 4;

const controlWords = (ring: number): number => header + 4 * ring;

/** Result cells: one block per slot, and one more for the scheduler's own attempts (`BlockViews.scratch`). */
const cellsOf = ({ block, ring }: BlockGeometry): number => (ring + 1) * block;

const summaryWordsOf = ({ block, ring }: BlockGeometry): number => ring * Math.ceil(block / chunkSize) * summaryWords;

/** Bytes of the buffer for `geometry`. */
export function blockBytes(geometry: BlockGeometry): number {
  const cells = cellsOf(geometry);
  return geometry.ring * 8 + 2 * cells * 8 + (controlWords(geometry.ring) + summaryWordsOf(geometry)) * 4 + 2 * cells * 4;
}

/** Views of the blocks' buffer: the control words, each slot's first installation, and the attempts' results. */
export class BlockViews {
  readonly control: Int32Array;
  readonly first: Float64Array;
  /**
   * Every slot's results, then `block` cells from `scratch` on that no slot uses (one object, so the code reading results sees one shape).
   * Once a block is made, its slot holds only the results of its chunks' others, one after another from the slot's first cell (chunks.ts).
   */
  readonly results: AttemptResults;
  readonly scratch: number;
  /** Per slot, from `summaryAt(slot)`, the summaries of its block's chunks (chunks.ts), written by whoever makes the block. */
  readonly summary: Int32Array;
  readonly state: number;
  readonly population: number;
  readonly count: number;
  readonly queue: number;

  constructor(
    buffer: ArrayBufferLike,
    readonly geometry: BlockGeometry,
  ) {
    const { block, ring } = geometry;
    const cells = cellsOf(geometry);
    this.scratch = ring * block;
    let at = 0;
    const take = <T>(make: (offset: number) => T, bytes: number): T => {
      const view = make(at);
      at += bytes;
      return view;
    };
    this.first = take((o) => new Float64Array(buffer, o, ring), ring * 8);
    const end = take((o) => new Float64Array(buffer, o, cells), cells * 8);
    const delay = take((o) => new Float64Array(buffer, o, cells), cells * 8);
    this.control = take((o) => new Int32Array(buffer, o, controlWords(ring)), controlWords(ring) * 4);
    this.summary = take((o) => new Int32Array(buffer, o, summaryWordsOf(geometry)), summaryWordsOf(geometry) * 4);
    const party = take((o) => new Int32Array(buffer, o, cells), cells * 4);
    const outcome = take((o) => new Int32Array(buffer, o, cells), cells * 4);
    this.results = { outcome, end, delay, party };
    this.state = header;
    this.population = header + ring;
    this.count = header + 2 * ring;
    this.queue = header + 3 * ring;
  }

  /** Takes the oldest request nobody has claimed; its slot, or -1 when there is none. */
  claim(): number {
    const control = this.control;
    for (;;) {
      const taken = Atomics.load(control, head);
      if (taken >= Atomics.load(control, tail)) return -1;
      if (Atomics.compareExchange(control, head, taken, taken + 1) !== taken) continue;
      const slot = control[this.queue + (taken % this.geometry.ring)]!;
      Atomics.store(control, this.state + slot, SlotState.Claimed);
      return slot;
    }
  }

  /** Makes the block in `slot` with `kernel`; a failure marks the slot failed instead of throwing. */
  make(kernel: AttemptKernel, slot: number): void {
    let state = SlotState.Done;
    try {
      this.run(kernel, slot);
    } catch {
      // The scheduler makes this block again when it reaches it, and meets the error there.
      state = SlotState.Failed;
    }
    Atomics.store(this.control, this.state + slot, state);
    Atomics.notify(this.control, this.state + slot);
  }

  /** Runs the first attempts of the block in `slot` into its results and summary; throws what the attempts throw. */
  run(kernel: AttemptKernel, slot: number): void {
    const count = this.control[this.count + slot]!;
    const base = slot * this.geometry.block;
    kernel.runFirst(this.control[this.population + slot]!, this.first[slot]!, count, this.results, base);
    summarizeChunks(this.results, base, count, this.summary, this.summaryAt(slot));
  }

  /** Where the summary of the block in `slot` starts in `summary`. */
  summaryAt(slot: number): number {
    return slot * Math.ceil(this.geometry.block / chunkSize) * summaryWords;
  }

  /** Asks for the first attempts of installations `first .. first + count - 1` of `population` in `slot`: a request at the back of the queue. */
  request(slot: number, population: number, first: number, count: number): void {
    const control = this.control;
    control[this.population + slot] = population;
    control[this.count + slot] = count;
    this.first[slot] = first;
    Atomics.store(control, this.state + slot, SlotState.Requested);
    const back = Atomics.load(control, tail);
    control[this.queue + (back % this.geometry.ring)] = slot;
    Atomics.store(control, tail, back + 1);
  }

  /** Wakes helpers waiting for requests (or for the end). */
  wake(): void {
    Atomics.add(this.control, signal, 1);
    Atomics.notify(this.control, signal);
  }

  /** Tells the helpers that no more requests will come. */
  finish(): void {
    Atomics.store(this.control, stop, 1);
    this.wake();
  }
}

/**
 * What a helper thread runs: makes the blocks it can claim until the
 * campaign finishes, then returns its tally. It blocks its thread while it
 * waits for requests (`Atomics.wait`), so it belongs in a worker.
 */
export function serveFirstAttempts(policy: CompiledPolicy<unknown, unknown, string>, setup: HelperSetup): CampaignTally {
  const kernel = new AttemptKernel(policy, setup.inputs, setup.geometry.block);
  const views = new BlockViews(setup.buffer, setup.geometry);
  const control = views.control;
  for (;;) {
    const seen = Atomics.load(control, signal);
    const slot = views.claim();
    if (slot >= 0) views.make(kernel, slot);
    else if (Atomics.load(control, stop) === 1) return kernel.tally;
    else Atomics.wait(control, signal, seen);
  }
}
