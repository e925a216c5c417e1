/**
 * The seeds of a campaign's attempts. Attempt `attempt` of installation
 * `index` draws its faults (its fields included) from
 * `SeededRandom(attemptSeed(seed, index, attempt))` and its jitter from
 * `jitterSeed` of that, as `migrate` would with that seed. Attempt 1 has the
 * seed `simulate` gives the same installation, so a campaign's first
 * attempts are exactly the plain simulation of its estate.
 *
 * The compiled runner (compile.ts) inlines the same arithmetic.
 */
import type { RandomSource } from '../random.js';
import { mix32 } from '../simulate/seed.js';

/** An odd constant that moves each later attempt to another point of the generator's cycle. */
export const attemptStride = 0x632be5ab;

/** The fault-stream seed of one attempt of one installation. */
export function attemptSeed(seed: number, index: number, attempt: number): number {
  return mix32((mix32(seed) + Math.imul(index, 0x9e3779b9) + Math.imul(attempt - 1, attemptStride)) | 0);
}

/** The same, as generated code over the locals `index` and `attempt`, before the final mix. */
export const attemptSeedSource = (seed: number): string =>
  `${mix32(seed)} + Math.imul(index, 0x9e3779b9) + Math.imul(attempt - 1, ${attemptStride})`;

/**
 * A `RandomSource` whose state can be set: the fault stream an attempt
 * left (the runner's last state), continued, for the resubmission delay
 * drawn after the attempt. The generator is `SeededRandom`'s.
 */
export class StreamRandom implements RandomSource {
  state = 0;

  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let mixed = Math.imul(this.state ^ (this.state >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return ((mixed ^ (mixed >>> 16)) >>> 0) / 4294967296;
  }
}
