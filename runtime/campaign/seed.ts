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
