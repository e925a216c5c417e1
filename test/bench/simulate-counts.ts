/**
 * The counts the hand-written loop and the XState machine keep, as `simulate`
 * keeps them (outcomes, codes, attempts, a time histogram), and the
 * fingerprint the bench compares across contenders: equal fingerprints mean
 * the same draws gave the same outcomes.
 */
import { bucketCount, percentiles } from '../../runtime/simulate/histogram.js';
import type { SimulationResult } from '../../runtime/index.js';
import { benchCodes } from './simulate-policy.js';

export interface Fingerprint {
  readonly outcomes: readonly number[];
  readonly codes: Readonly<Record<string, number>>;
  readonly attempts: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

export class Counts {
  readonly outcomes = new Float64Array(3);
  readonly codes = new Float64Array(benchCodes.length);
  readonly times = new Float64Array(bucketCount);
  attempts = 0;
  timeSum = 0;
  timeMax = 0;

  record(status: number, code: number, attempts: number, time: number, bucket: number): void {
    this.outcomes[status]!++;
    if (status !== 0) this.codes[code]!++;
    this.attempts += attempts;
    this.times[bucket]!++;
    this.timeSum += time;
    if (time > this.timeMax) this.timeMax = time;
  }

  fingerprint(): Fingerprint {
    const { p50, p90, p99, max } = percentiles(this.times, 0, this.timeSum, this.timeMax);
    const codes = Object.fromEntries(benchCodes.map((code, c): [string, number] => [code, this.codes[c]!]).filter(([, n]) => n > 0));
    return { outcomes: [...this.outcomes], codes, attempts: this.attempts, p50, p90, p99, max };
  }
}

export const emptyCounts = (): Counts => new Counts();

export function fingerprintOf(result: SimulationResult): Fingerprint {
  const { outcomes, codes, attempts, timeToOutcome } = result.total;
  const { p50, p90, p99, max } = timeToOutcome.all;
  return { outcomes: [outcomes.migrated, outcomes.failed, outcomes['rolled-back']], codes, attempts: attempts.total, p50, p90, p99, max };
}
