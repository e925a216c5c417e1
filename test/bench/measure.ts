/**
 * Timing for the benchmarks: phases run interleaved, round after round, so
 * a slow patch of the machine slows every phase alike; warm-up rounds are
 * dropped and each phase reports its median.
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

/** `gc` when node runs with `--expose-gc`: each phase then starts on a collected heap. */
const collect = (globalThis as { gc?: () => void }).gc;

let sink: unknown;

function time(run: () => unknown): number {
  collect?.();
  const start = process.hrtime.bigint();
  sink = run();
  const end = process.hrtime.bigint();
  return Number(end - start) / 1e6;
}

export function measure(phases: readonly Phase[], warmup: number, rounds: number): PhaseTimes[] {
  const samples = phases.map(() => [] as number[]);
  for (let round = 0; round < warmup + rounds; round++) {
    phases.forEach((phase, i) => {
      const ms = time(phase.run);
      if (round >= warmup) samples[i]!.push(ms);
    });
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return phases.map((phase, i) => ({ name: phase.name, samples: samples[i]!, median: median(samples[i]!) }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
