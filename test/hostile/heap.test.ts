import { describe, expect, it } from 'vitest';
import { expectBoundedHeap, heapGrowth } from './heap.js';

describe('the heap bound of the fuzz targets', () => {
  it('sees what work keeps, and not what it drops', async () => {
    const kept: number[][] = [];
    // 10 M numbers in a packed array: 80 MB kept, then the same made and dropped.
    const keeps = () => void kept.push(new Array<number>(10_000_000).fill(1.5));
    expect(await heapGrowth(keeps)).toBeGreaterThan(64 * 1024 * 1024);
    await expect(expectBoundedHeap(keeps)).rejects.toThrow(/the heap grew by/);
    await expectBoundedHeap(() => void new Array<number>(10_000_000).fill(1.5));
    kept.length = 0;
  });
});
