/**
 * Resubmissions waiting for a working day with room for them: typed arrays,
 * first in, first out, so memory follows the failures waiting, not the
 * estate. A record joins the bucket of the working day it becomes due on;
 * on that day the bucket goes to the back of the waiting line. Lists are
 * kept and reused rather than made anew each day: allocating a typed array
 * of more than a few elements costs microseconds, and a campaign's days
 * had made tens of thousands of them.
 */

/** A growable list of resubmissions, struct of arrays. */
export class Resubmissions {
  index = new Float64Array(16);
  attempt = new Int32Array(16);
  population = new Int32Array(16);
  party = new Int32Array(16);
  length = 0;

  push(index: number, attempt: number, population: number, party: number): void {
    if (this.length === this.index.length) this.grow(this.length * 2);
    const at = this.length++;
    this.index[at] = index;
    this.attempt[at] = attempt;
    this.population[at] = population;
    this.party[at] = party;
  }

  /** Copies entry `from` of `source` to place `to` of this list (which must have room). */
  copy(source: Resubmissions, from: number, to: number): void {
    this.index[to] = source.index[from]!;
    this.attempt[to] = source.attempt[from]!;
    this.population[to] = source.population[from]!;
    this.party[to] = source.party[from]!;
  }

  protected grow(size: number): void {
    const grow = <T extends Float64Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const grown = make(size);
      grown.set(array);
      return grown;
    };
    this.index = grow(this.index, (n) => new Float64Array(n));
    this.attempt = grow(this.attempt, (n) => new Int32Array(n));
    this.population = grow(this.population, (n) => new Int32Array(n));
    this.party = grow(this.party, (n) => new Int32Array(n));
  }
}

/**
 * The waiting line: entries `head .. length - 1` wait, in order. Taking
 * some from the front keeps the others in their order.
 */
export class WaitingLine extends Resubmissions {
  head = 0;
  /** The entries `serve` was offered and declined, in order. */
  private readonly declined = new Resubmissions();

  get waiting(): number {
    return this.length - this.head;
  }

  /** Appends a bucket, in its order. */
  append(bucket: Resubmissions): void {
    this.compact(bucket.length);
    for (let n = 0; n < bucket.length; n++) this.push(bucket.index[n]!, bucket.attempt[n]!, bucket.population[n]!, bucket.party[n]!);
  }

  /**
   * Offers the waiting entries, front first, to `take` until it returns
   * `null` (no room left at all); an entry it declines (`false`) keeps its
   * place in the line.
   */
  serve(take: (index: number, attempt: number, population: number, party: number) => boolean | null): void {
    const kept = this.declined;
    kept.length = 0;
    let at = this.head;
    for (; at < this.length; at++) {
      const taken = take(this.index[at]!, this.attempt[at]!, this.population[at]!, this.party[at]!);
      if (taken === null) break;
      if (!taken) kept.push(this.index[at]!, this.attempt[at]!, this.population[at]!, this.party[at]!);
    }
    // The declined entries go back just before the first one not offered, in their order.
    this.head = at - kept.length;
    for (let n = 0; n < kept.length; n++) this.copy(kept, n, this.head + n);
  }

  /** Moves the waiting entries to the front when that makes room for `more`. */
  private compact(more: number): void {
    if (this.head === 0 || this.length + more <= this.index.length) return;
    const waiting = this.waiting;
    this.index.copyWithin(0, this.head, this.length);
    this.attempt.copyWithin(0, this.head, this.length);
    this.population.copyWithin(0, this.head, this.length);
    this.party.copyWithin(0, this.head, this.length);
    this.head = 0;
    this.length = waiting;
  }
}

/** Resubmissions by the working day they join the waiting line. */
export class Buckets {
  private readonly byDay = new Map<number, Resubmissions>();
  /** Emptied buckets, to be used again. */
  private readonly spare: Resubmissions[] = [];

  /** The bucket of `day`, started if it has none. */
  of(day: number): Resubmissions {
    let bucket = this.byDay.get(day);
    if (bucket === undefined) {
      bucket = this.spare.pop() ?? new Resubmissions();
      this.byDay.set(day, bucket);
    }
    return bucket;
  }

  /** Hands the bucket of `day`, if any, to `use`, then empties it for another day. */
  drain(day: number, use: (bucket: Resubmissions) => void): void {
    const bucket = this.byDay.get(day);
    if (bucket === undefined) return;
    this.byDay.delete(day);
    use(bucket);
    bucket.length = 0;
    this.spare.push(bucket);
  }
}
