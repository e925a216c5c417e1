/**
 * The seeded random source that jitter draws from, so that one seed always
 * gives one timeline.
 */

/** A source of uniform numbers in `[0, 1)`. */
export interface RandomSource {
  next(): number;
}

/**
 * A small, fast 32-bit generator: a Weyl sequence (a counter stepped by an
 * odd constant near 2^32 / golden ratio) passed through a multiply-xorshift
 * mixer. Good enough for jitter, not for cryptography. Seeds are taken as
 * unsigned 32-bit integers.
 */
export class SeededRandom implements RandomSource {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    mixed ^= mixed >>> 16;
    return (mixed >>> 0) / 4294967296;
  }
}
