/**
 * Chunks of a block of first attempts (blocks.ts). The scheduler's thread
 * settles every installation of the campaign, and nearly all of them
 * migrated on the day of their first attempt; so whoever makes a block also
 * sums up each chunk of it: how many migrated on the day, and a mask of the
 * others. The scheduler then reads a few words per chunk, and settles only
 * the others one by one (outcomes.ts), unless a day's capacity cuts the
 * chunk.
 */
import { AttemptKind } from './attempt-results.js';

/** Installations a chunk (the bits of two 32-bit words). */
export const chunkSize = 64;

/** Summary words per chunk: how many migrated on the day of their attempt, then the two halves of the mask of the others. */
export const summaryWords = 3;

/**
 * Writes, from `at` in `summary`, the summaries of the chunks of the
 * `count` outcomes from `base` in `outcome`: the count of outcome 0
 * (migrated on the attempt's day), and bit `i` set, in the first word for
 * `i` under 32 and in the second for the rest, for the chunk's installation
 * `i` if its outcome is anything else.
 */
export function summarizeChunks(outcome: Int32Array, base: number, count: number, summary: Int32Array, at: number): void {
  const plainOutcome = AttemptKind.Migrated;
  for (let from = 0; from < count; from += chunkSize, at += summaryWords) {
    const to = Math.min(count, from + chunkSize);
    let plain = 0;
    let low = 0;
    let high = 0;
    for (let k = from; k < to; k++) {
      const bit = k - from;
      if (outcome[base + k] === plainOutcome) plain++;
      else if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
    summary[at] = plain;
    summary[at + 1] = low;
    summary[at + 2] = high;
  }
}
