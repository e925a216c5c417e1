/**
 * Timing for the benchmarks. Each phase runs in a block of consecutive
 * rounds, warm-up rounds dropped, and reports its median: the steady
 * state of a process that compiles again and again, where each round pays
 * for the garbage it leaves to the collector, and for nobody else's.
 *
 * No collection is forced between rounds by default. A forced full
 * collection (`gc()`) lets V8 drop the hidden classes of every object that
 * died with the previous round, so the next round re-learns them and
 * re-optimizes the code that used them: on the 1 MB policy that more than
 * doubled the end-to-end time, a cost no real run pays (decision 0009).
 * `collect: true` forces one anyway, to show that effect.
 */

export interface Phase {
  readonly name: string;
  /** Returns something that depends on the work, so none of it is optimized away. */
  readonly run: () => unknown;
}

export interface PhaseTimes {
  readonly name: string;
  /** Milliseconds of each measured round. */
  readonly samples: readonly number[];
  readonly median: number;
}

export interface MeasureOptions {
  readonly warmup: number;
  readonly rounds: number;
  /** Forces a full collection before each round (needs node's `--expose-gc`). */
  readonly collect?: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

let sink: unknown;

function time(run: () => unknown, collect: boolean): number {
  if (collect) gc?.();
  const start = process.hrtime.bigint();
  sink = run();
  const end = process.hrtime.bigint();
  return Number(end - start) / 1e6;
}

export function measure(phases: readonly Phase[], options: MeasureOptions): PhaseTimes[] {
  const { warmup, rounds, collect = false } = options;
  const results = phases.map((phase) => {
    const samples: number[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      const ms = time(phase.run, collect);
      if (round >= warmup) samples.push(ms);
    }
    return { name: phase.name, samples, median: median(samples) };
  });
  if (sink === Symbol.for('never')) console.log(sink);
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
