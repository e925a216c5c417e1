/**
 * The scheduler's side of the blocks of first attempts (blocks.ts): it asks
 * for each population's blocks in installation order, a few days ahead of
 * need, and hands the scheduler the block that holds the next installation
 * it submits, made by whichever thread got there first. Only this thread
 * requests and frees slots; a slot is freed once every installation in it
 * has been submitted.
 */
import type { CampaignHelpers } from './executor.js';
import { BlockViews, SlotState } from './blocks.js';
import type { AttemptKernel } from './kernel.js';

interface Range {
  readonly first: number;
  readonly count: number;
}

/** `Atomics.waitAsync`, where the platform has it (ES2024). */
type WaitAsync = (array: Int32Array, index: number, value: number, timeout: number) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/** How long to wait for a helper's block before checking that the helpers are still alive. */
const patienceMs = 100;

export class FirstAttempts {
  /** Per population: its requested slots, in installation order. */
  private readonly requested: number[][];
  /** Per population: the first installation not yet requested. */
  private readonly next: number[];
  private readonly free: number[] = [];

  constructor(
    readonly views: BlockViews,
    private readonly kernel: AttemptKernel,
    private readonly populations: readonly Range[],
    private readonly helpers: CampaignHelpers | undefined,
  ) {
    this.requested = populations.map(() => []);
    this.next = populations.map((population) => population.first);
    for (let slot = views.geometry.ring - 1; slot >= 0; slot--) this.free.push(slot);
  }

  /**
   * Requests blocks of `p` up to installation `to` (exclusive, rounded up to
   * a whole block) while more slots are free than there are populations: the
   * rest stay for blocks the scheduler needs now.
   */
  ahead(p: number, to: number): void {
    const { first, count } = this.populations[p]!;
    const end = Math.min(to, first + count);
    let asked = false;
    while (this.next[p]! < end && this.free.length > this.populations.length) asked = this.requestNext(p) || asked;
    if (asked) this.views.wake();
  }

  private requestNext(p: number): boolean {
    const { first, count } = this.populations[p]!;
    const from = this.next[p]!;
    const size = Math.min(this.views.geometry.block, first + count - from);
    if (size <= 0 || this.free.length === 0) return false;
    const slot = this.free.pop()!;
    this.views.request(slot, p, from, size);
    this.requested[p]!.push(slot);
    this.next[p] = from + size;
    return true;
  }

  /** The slot of `p`'s next block, if it is ready now; else -1 (then `made`). */
  ready(p: number): number {
    const slot = this.requested[p]![0];
    return slot !== undefined && Atomics.load(this.views.control, this.views.state + slot) === SlotState.Done ? slot : -1;
  }

  /** `p`'s next block, requested if need be and made by this thread or another. */
  async made(p: number): Promise<number> {
    if (this.requested[p]!.length === 0) {
      if (!this.requestNext(p)) throw new Error(`no block of first attempts left to request for population ${p}`);
      this.views.wake();
    }
    const slot = this.requested[p]![0]!;
    const { control, state } = this.views;
    for (;;) {
      this.helpers?.poll?.();
      const now = Atomics.load(control, state + slot);
      if (now === SlotState.Done) return slot;
      if (now === SlotState.Failed) {
        // Made again here, so that its error surfaces now, as it would on one thread.
        this.views.run(this.kernel, slot);
        Atomics.store(control, state + slot, SlotState.Done);
        return slot;
      }
      // Rather than wait, make the oldest block nobody has claimed (often this one), or one further ahead.
      const other = this.views.claim();
      if (other >= 0) this.views.make(this.kernel, other);
      else if (now === SlotState.Claimed && !this.further(p)) await this.waitFor(slot);
    }
  }

  /**
   * Asks for one more block ahead of the schedule, of `p` or else of the
   * first population after it with installations left, while slots are
   * free beyond the one each population keeps: work for this thread while
   * another makes the block it needs (a helper's first blocks, before V8
   * has optimised its code, take many times as long as later ones).
   */
  private further(p: number): boolean {
    if (this.free.length <= this.populations.length) return false;
    for (let q = p; q < this.populations.length; q++) if (this.requestNext(q)) return true;
    return false;
  }

  /**
   * Waits, without blocking this thread's event loop, until another thread
   * finishes `slot` or fails. Helpers that share this thread (`poll`) move
   * only when polled, so for them it only asks for a failure.
   */
  private async waitFor(slot: number): Promise<void> {
    const { control, state } = this.views;
    if (this.helpers?.poll === undefined) {
      if (waitAsync === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
      else {
        const waited = waitAsync(control, state + slot, SlotState.Claimed, patienceMs);
        if (waited.async) await waited.value;
      }
    }
    const failure = this.helpers?.failure();
    if (failure != null) throw failure;
  }

  /** The first installation and the size of the block in `slot`. */
  range(slot: number): Range {
    return { first: this.views.first[slot]!, count: this.views.control[this.views.count + slot]! };
  }

  /** Frees `p`'s front block: every installation in it has been submitted. */
  release(p: number): void {
    const slot = this.requested[p]!.shift()!;
    Atomics.store(this.views.control, this.views.state + slot, SlotState.Free);
    this.free.push(slot);
  }
}
