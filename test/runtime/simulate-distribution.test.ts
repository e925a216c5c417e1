/**
 * The time-to-outcome distribution of a simulation: installations by
 * outcome in bins a chart can show, from the first bin with an
 * installation to the last.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../runtime/index.js';
import { bucketCount, bucketOf, timeBins } from '../../runtime/simulate/histogram.js';
import { fail, policy, step } from './builder.js';

function histogram(times: readonly number[]): Float64Array {
  const counts = new Float64Array(bucketCount);
  for (const time of times) counts[bucketOf(time)]! += 1;
  return counts;
}

describe('timeBins', () => {
  it('counts each outcome in the bin of its time, keeping empty bins between the first and the last', () => {
    const bins = timeBins([histogram([90_000, 90_000, 20 * 60_000]), histogram([0, 3 * 3_600_000]), histogram([])]);
    expect(bins.map((bin) => [bin.from, bin.to, bin.migrated, bin.failed, bin['rolled-back']])).toEqual([
      [0, 1, 0, 1, 0],
      [1, 10, 0, 0, 0],
      [10, 100, 0, 0, 0],
      [100, 1_000, 0, 0, 0],
      [1_000, 10_000, 0, 0, 0],
      [10_000, 60_000, 0, 0, 0],
      [60_000, 300_000, 2, 0, 0],
      [300_000, 900_000, 0, 0, 0],
      [900_000, 1_800_000, 1, 0, 0],
      [1_800_000, 3_600_000, 0, 0, 0],
      [3_600_000, 7_200_000, 0, 0, 0],
      [7_200_000, 14_400_000, 0, 1, 0],
    ]);
  });

  it('puts a time on an edge in the bin it starts, and times past the last edge in an open bin', () => {
    expect(timeBins([histogram([60_000]), histogram([]), histogram([])])).toEqual([{ from: 60_000, to: 300_000, migrated: 1, failed: 0, 'rolled-back': 0 }]);
    // A retry period of 48h ends installations exactly there: the bin from 2 days.
    expect(timeBins([histogram([]), histogram([48 * 3_600_000]), histogram([])])).toEqual([{ from: 172_800_000, to: 345_600_000, migrated: 0, failed: 1, 'rolled-back': 0 }]);
    // As documented: a time a hair under an edge shares its histogram bucket with the edge, and counts above it.
    expect(timeBins([histogram([59_950]), histogram([]), histogram([])])[0]!.from).toBe(60_000);
    const far = 100 * 86_400_000;
    expect(timeBins([histogram([far]), histogram([]), histogram([])])).toEqual([{ from: 4_838_400_000, to: null, migrated: 1, failed: 0, 'rolled-back': 0 }]);
    expect(timeBins([histogram([]), histogram([]), histogram([])])).toEqual([]);
  });

  it('is in every population summary of a simulation, and counts every installation', async () => {
    const compiled = policy([step('A', { onFailure: fail('X1') })]);
    const result = await simulate(compiled, { faults: { steps: { A: { permanent: 0.3, duration: { uniform: ['1m', '3h'] } } } }, cohorts: { C: 2000 }, seed: 3 });
    for (const summary of [result.total, ...result.populations]) {
      const bins = summary.timeToOutcome.distribution;
      expect(bins.reduce((total, bin) => total + bin.migrated + bin.failed + bin['rolled-back'], 0)).toBe(summary.installations);
      expect(bins.reduce((total, bin) => total + bin.failed, 0)).toBe(summary.outcomes.failed);
      expect(bins[0]!.from).toBe(60_000);
    }
  });
});
