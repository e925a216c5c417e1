/**
 * Memory a fuzz target keeps: the heap after a full collection, before and
 * after the target's runs. Hostile inputs must not leave anything behind
 * that grows with them (a timeline of millions of attempts, a fault model's
 * copy, a handler's closure kept by a resolved run), so each target's growth
 * stays under a bound far below what one such leak holds.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';

setFlagsFromString('--expose-gc');
/** The collector, exposed to a fresh context after the flag is set. */
const collect = runInNewContext('gc') as () => void;

/** Bytes in use on the heap after full collections. */
export function heapAfterCollection(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** The heap's growth over `work`, each end measured after full collections. */
export async function heapGrowth(work: () => Promise<unknown> | unknown): Promise<number> {
  const before = heapAfterCollection();
  await work();
  return heapAfterCollection() - before;
}

/** Default bound: module caches and warmed-up code fit well within it; one leaked timeline of 10,000 attempts per run would not. */
export const heapGrowthLimit = 64 * 1024 * 1024;

/** Runs `work` and asserts the heap it leaves behind grew by less than `limit` bytes. */
export async function expectBoundedHeap(work: () => Promise<unknown> | unknown, limit = heapGrowthLimit): Promise<void> {
  const growth = await heapGrowth(work);
  expect(growth, `the heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`).toBeLessThan(limit);
}
