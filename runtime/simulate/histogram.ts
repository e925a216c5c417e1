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
