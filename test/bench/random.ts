/**
 * A small seeded random source for generated benchmark input. The same
 * seed gives the same sequence on every machine, so two runs time the
 * same text. Never `Math.random`.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Invariant: xorshift32 has a fixed point at zero, so the state never is.
    this.state = seed >>> 0 || 0x9e3779b9;
    for (let i = 0; i < 8; i++) this.next();
  }

  /** An integer in [0, 2^32). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4_294_967_296;
  }

  /** An integer in [low, high], both ends included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.float() * (high - low + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error('pick from an empty list');
    return values[Math.floor(this.float() * values.length)]!;
  }

  /** Up to `count` distinct values, in their original order. */
  sample<T>(values: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, values.length);
    while (chosen.size < wanted) chosen.add(Math.floor(this.float() * values.length));
    return [...chosen].sort((a, b) => a - b).map((i) => values[i]!);
  }
}
