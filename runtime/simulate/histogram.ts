/**
 * Time-to-outcome histograms with a fixed size, so memory does not grow with
 * the number of installations. Buckets are log-linear: exact below 512 ms,
 * then 256 buckets per power of two, so a percentile read from a bucket is
 * within 1/256 (0.4%) of the true value. Times are counted in whole
 * milliseconds (a fraction, from a fractional backoff factor, is dropped).
 */

/** log2 of the sub-buckets per power of two. */
export const subBits = 8;
const sub = 1 << subBits;
/** Highest power of two tracked: times up to 2^53 ms, far past any policy. */
const topExponent = 52;
export const bucketCount = (topExponent - subBits) * sub + 2 * sub;

/** 2^0 .. 2^63, for `bucketSource`. */
export const powersOfTwo = (): Float64Array => Float64Array.from({ length: 64 }, (_, n) => 2 ** n);
const powers = powersOfTwo();

/** The bucket of a time in milliseconds; the compiled simulator inlines the same arithmetic. */
export function bucketOf(time: number): number {
  if (time < 2 * sub) return time | 0;
  const exponent = time < 4294967296 ? 31 - Math.clz32(time) : 63 - Math.clz32(time / 4294967296);
  const bucket = (exponent - subBits) * sub + Math.floor(time / powers[exponent - subBits]!);
  return bucket > bucketCount - 1 ? bucketCount - 1 : bucket;
}

/** JavaScript that sets `target` to the bucket of `time` (both local names); `POW2` holds 2^n. */
export function bucketSource(time: string, target: string): string {
  return [
    `if (${time} < ${2 * sub}) ${target} = ${time} | 0;`,
    `else {`,
    `  const e = ${time} < 4294967296 ? 31 - Math.clz32(${time}) : 63 - Math.clz32(${time} / 4294967296);`,
    `  ${target} = (e - ${subBits}) * ${sub} + Math.floor(${time} / POW2[e - ${subBits}]);`,
    `  if (${target} > ${bucketCount - 1}) ${target} = ${bucketCount - 1};`,
    `}`,
  ].join('\n');
}

/** The lowest and highest whole millisecond a bucket holds. */
export function bucketRange(bucket: number): [number, number] {
  if (bucket < 2 * sub) return [bucket, bucket];
  const exponent = Math.floor(bucket / sub) + subBits - 1;
  const mantissa = bucket - (exponent - subBits) * sub;
  const width = 2 ** (exponent - subBits);
  return [mantissa * width, mantissa * width + width - 1];
}

export interface Percentiles {
  readonly count: number;
  /** Milliseconds; `null` when nothing was counted. */
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/**
 * Nearest-rank percentiles from `counts[offset .. offset + bucketCount)`:
 * the p-th percentile is the top of the bucket holding the ceil(p·n)-th
 * smallest time, never above the exact `max`.
 */
export function percentiles(counts: Float64Array, offset: number, sum: number, max: number): Percentiles {
  let count = 0;
  for (let bucket = 0; bucket < bucketCount; bucket++) count += counts[offset + bucket]!;
  if (count === 0) return { count, mean: null, p50: null, p90: null, p99: null, max: null };
  const ranks = [0.5, 0.9, 0.99].map((p) => Math.max(1, Math.ceil(p * count)));
  const found: number[] = [];
  let seen = 0;
  for (let bucket = 0; bucket < bucketCount && found.length < ranks.length; bucket++) {
    seen += counts[offset + bucket]!;
    while (found.length < ranks.length && seen >= ranks[found.length]!) found.push(Math.min(bucketRange(bucket)[1], max));
  }
  return { count, mean: Math.round(sum / count), p50: found[0]!, p90: found[1]!, p99: found[2]!, max };
}

/** A range of times to outcome, `[from, to)`, with the installations of each outcome in it. */
export interface TimeBin {
  readonly from: number;
  /** `null` for the last bin, which has no upper end. */
  readonly to: number | null;
  readonly migrated: number;
  readonly failed: number;
  readonly 'rolled-back': number;
}

/**
 * Bin edges in milliseconds on a scale people read times on (1ms, 10ms,
 * 100ms, 1s, 10s, 1m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d, 2d, 4d, 1w,
 * 2w, 4w, 8w): each bin a few times the one before, so seconds and days
 * both show in one chart.
 */
export const binEdges: readonly number[] = [
  1, 10, 100, 1_000, 10_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 43_200_000, 86_400_000,
  172_800_000, 345_600_000, 604_800_000, 1_209_600_000, 2_419_200_000, 4_838_400_000,
];

/**
 * The time-to-outcome distribution in `binEdges` bins, from the first bin
 * with an installation to the last (empty bins between are kept, so the
 * scale stays honest). A histogram bucket goes to the bin of its highest
 * time, as percentiles are read: a time on an edge, where deadlines and
 * retry periods put outcomes (48h), counts in the bin it starts; a time
 * under an edge by less than a bucket's width (1/256 of it, above 512 ms)
 * may count in the bin above.
 */
export function timeBins(byStatus: readonly Float64Array[]): TimeBin[] {
  const counts = Array.from({ length: binEdges.length + 1 }, () => [0, 0, 0]);
  byStatus.forEach((histogram, status) => {
    let bin = 0;
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      const count = histogram[bucket]!;
      if (count === 0) continue;
      const high = bucketRange(bucket)[1];
      while (bin < binEdges.length && high >= binEdges[bin]!) bin++;
      counts[bin]![status]! += count;
    }
  });
  const used = counts.map((row) => row[0]! + row[1]! + row[2]! > 0);
  const first = used.indexOf(true);
  if (first < 0) return [];
  const last = used.lastIndexOf(true);
  return counts.slice(first, last + 1).map(([migrated, failed, rolledBack], offset) => {
    const bin = first + offset;
    return { from: bin === 0 ? 0 : binEdges[bin - 1]!, to: binEdges[bin] ?? null, migrated: migrated!, failed: failed!, 'rolled-back': rolledBack! };
  });
}
