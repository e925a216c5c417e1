/**
 * Per-installation seeds. Installation `index` of a simulation with `seed`
 * draws its faults from `SeededRandom(installationSeed(seed, index))` and its
 * retry jitter from `SeededRandom(jitterSeed(...))`, exactly as `migrate`
 * would with that seed. Two streams keep jitter draws where `migrate` makes
 * them, independent of how many fault draws a handler makes.
 *
 * The compiled simulator inlines the same arithmetic (compile.ts);
 * the differential test holds the two to each other.
 */

/** A 32-bit finaliser: every input bit affects every output bit. The same mixer as `SeededRandom`. */
export function mix32(value: number): number {
  let mixed = value | 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

/** The fault-stream seed of installation `index`: distinct for every index below 2^32. */
export function installationSeed(seed: number, index: number): number {
  return mix32((mix32(seed) + Math.imul(index, 0x9e3779b9)) | 0);
}

/** The jitter-stream seed (the `seed` option `migrate` gets) of an installation. */
export function jitterSeed(installation: number): number {
  return mix32(installation ^ 0x6a09e667);
}
