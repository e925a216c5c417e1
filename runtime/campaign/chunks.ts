/**
 * Chunks of a block of first attempts (blocks.ts). The scheduler's thread
 * settles every installation of the campaign, and nearly all of them
 * migrated on the day of their first attempt; so whoever makes a block also
 * sums up each chunk of it: how many migrated on the day, and a mask of the
 * others. It moves the others' results to the front of the block, one
 * after another in index order, so the scheduler reads a few words per
 * chunk and then the others' results in a row rather than scattered over
 * the block (outcomes.ts): a thread pays for every cache line it reads
 * that another thread wrote, and the others are one installation in twenty.
 */
import { AttemptKind, type AttemptResults } from './attempt-results.js';

/** Installations a chunk (the bits of two 32-bit words). */
export const chunkSize = 64;

/**
 * Summary words per chunk: how many migrated on the day of their attempt,
 * the two halves of the mask of the others, and the cell, counted from the
 * block's first, where the others' results start.
 */
export const summaryWords = 4;

/**
 * Writes, from `at` in `summary`, the summaries of the chunks of the
 * `count` results from `base` in `results`: the count of outcome 0
 * (migrated on the attempt's day), bit `i` set, in the first word for `i`
 * under 32 and in the second for the rest, for the chunk's installation `i`
 * if its outcome is anything else, and where its others start. The others'
 * results move to cells `base`, `base + 1`, … in index order, in place:
 * after this only the summaries say where an installation's result is.
 */
export function summarizeChunks(results: AttemptResults, base: number, count: number, summary: Int32Array, at: number): void {
  const { outcome, end, delay, party } = results;
  const plainOutcome = AttemptKind.Migrated;
  // The others so far: the next one goes to `base + others`, never past the result it is read from.
  let others = 0;
  for (let from = 0; from < count; from += chunkSize, at += summaryWords) {
    const to = Math.min(count, from + chunkSize);
    const start = others;
    let plain = 0;
    let low = 0;
    let high = 0;
    for (let k = from; k < to; k++) {
      const code = outcome[base + k]!;
      if (code === plainOutcome) {
        plain++;
        continue;
      }
      const bit = k - from;
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
      const cell = base + others++;
      outcome[cell] = code;
      end[cell] = end[base + k]!;
      delay[cell] = delay[base + k]!;
      party[cell] = party[base + k]!;
    }
    summary[at] = plain;
    summary[at + 1] = low;
    summary[at + 2] = high;
    summary[at + 3] = start;
  }
}

/** How many bits of `low` and `high` (bits 32 to 63) are set below bit `bit`. */
export function othersBelow(low: number, high: number, bit: number): number {
  return bit < 32 ? bitCount(low & ((1 << bit) - 1)) : bitCount(low) + bitCount(high & ((1 << (bit - 32)) - 1));
}

function bitCount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
