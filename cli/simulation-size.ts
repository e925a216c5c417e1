/**
 * What `mpol simulate` checks before a run: a seed written as plain
 * decimal digits, and a number of installations it can finish. Above
 * `installationLimit` (100 M) a run is refused unless `--force`, with an
 * estimate of how long it would take at the rate this machine reaches on a
 * sample of the same simulation: a mistyped count (`IOC=1000000000000`)
 * must not become a run of days.
 */
import { simulate, type CompiledPolicy } from '../runtime/index.js';

/** The most installations `mpol simulate` runs without `--force`: about a minute on a laptop. */
export const installationLimit = 100_000_000;

/** Installations in the larger of the two samples that measure the rate. */
const sampleSize = 250_000;

/** `--seed`: decimal digits only (not `''`, `0x10` or `1e3`, which `Number` would take), a safe whole number. */
export function parseSeed(text: string): number | string {
  const seed = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(seed) ? seed : `--seed takes a whole number from 0 written in digits, such as 42, not '${text}'`;
}

/**
 * `null` when the run may go ahead, else why not: more installations than
 * `installationLimit` without `force`, with the estimate. `cohorts` are the
 * counts the run would use.
 */
export async function sizeProblem(
  policy: CompiledPolicy<Record<string, unknown>, unknown>,
  faults: unknown,
  cohorts: Readonly<Record<string, number>>,
  seed: number,
  force: boolean,
): Promise<string | null> {
  const counts = Object.values(cohorts);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= installationLimit || force) return null;
  const asked = total.toLocaleString('en-GB');
  const limit = installationLimit.toLocaleString('en-GB');
  // Two samples with the same mix, scaled down: their difference is the rate without the fixed cost of a run.
  const timed = async (size: number): Promise<{ count: number; seconds: number }> => {
    const scale = size / total;
    const sample = Object.fromEntries(Object.entries(cohorts).map(([key, count]) => [key, count === 0 ? 0 : Math.max(1, Math.round(count * scale))]));
    const started = performance.now();
    await simulate(policy, { faults, seed, samples: 0, cohorts: sample });
    return { count: Object.values(sample).reduce((sum, count) => sum + count, 0), seconds: (performance.now() - started) / 1000 };
  };
  let perSecond: number;
  try {
    const small = await timed(sampleSize / 5);
    const large = await timed(sampleSize);
    const marginal = (large.count - small.count) / (large.seconds - small.seconds);
    perSecond = Number.isFinite(marginal) && marginal > 0 ? marginal : large.count / large.seconds;
  } catch {
    // The run itself will say what is wrong; without a rate there is no estimate.
    return `the run asks for ${asked} installations, more than the ${limit} one run makes without --force; pass --force to run it anyway`;
  }
  return (
    `the run asks for ${asked} installations, more than the ${limit} one run makes without --force: ` +
    `at the ${rate(perSecond)} installations a second samples of it ran at here, it would take about ${roughly(total / perSecond)}; ` +
    'pass --force to run it anyway'
  );
}

function rate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(1)} M` : Math.round(perSecond).toLocaleString('en-GB');
}

/** A duration in seconds as a person says it: `40 minutes`, `5 hours`, `4 days`, `3 years`. */
export function roughly(seconds: number): string {
  const units: [string, number][] = [
    ['year', 365 * 86_400],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= 2 * size) return `${Math.round(seconds / size).toLocaleString('en-GB')} ${unit}s`;
    if (seconds >= size) return `1 ${unit}`;
  }
  return `${Math.max(1, Math.round(seconds))} seconds`;
}
