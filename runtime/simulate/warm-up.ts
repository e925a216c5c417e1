/**
 * Warming a compiled batch function up before it counts anything.
 *
 * Why: V8 optimises a hot loop using the type feedback its code has gathered
 * so far. A branch that has never run (an exhausted strategy, a rollback, an
 * unresolved incident) has none, so the first installation that takes it
 * throws the optimised code away and the whole function is compiled again:
 * 100 to 250 ms each time for an eight-step flow, a dozen times in a million
 * installations. So the function first runs a few hundred installations
 * with fault probabilities chosen to take every branch the real run can
 * take, and the counts they leave are then put back as they were. Every
 * profile runs a few installations before any runs its full share: V8 may
 * start optimising during the warm-up, and compiles with the feedback
 * gathered by then.
 */
import type { RetryDefinition } from '../policy.js';
import type { BatchRunner, Param } from './source.js';
import type { SampleBuffer, Tally } from './tally.js';

/** Installations per warm-up profile by default: enough for every branch of the profile to run several times. */
const defaultPerProfile = 48;
/** Installations per profile in the first, short pass. */
const firstPass = 3;
/** The most attempts a profile that exhausts a step may make, so a strategy retrying every millisecond for days cannot stall the warm-up. */
const attemptBudget = 200_000;

interface Profile {
  readonly value: (param: Param) => number | null;
  readonly installations: number;
}

/**
 * Roughly how many attempts a step makes when every attempt fails
 * transiently: its `attempts` limit, else its tiers' retries that fit in
 * `within` at their mean wait. An estimate for the budget, not a bound.
 */
export function exhaustionAttempts(strategy: RetryDefinition | null): number {
  if (strategy === null) return 1;
  const { jitter, within, attempts } = strategy;
  let count = 1;
  let time = 0;
  for (const tier of strategy.tiers) {
    for (let k = 1; k <= (tier.count ?? Infinity); k++) {
      if (count >= (attempts ?? Infinity) || count > attemptBudget) return count;
      const interval = Math.min(tier.every * Math.pow(tier.factor, k - 1), tier.cap ?? Infinity);
      time += jitter.kind === 'none' ? interval : jitter.kind === 'full' ? interval / 2 : interval + (jitter.low + jitter.high) / 2;
      if (within !== null && time > within) return count;
      count++;
    }
  }
  return count;
}

/** Profiles: each step failing permanently, each step exhausted, then everything else failing often. */
function profiles(attemptsToExhaust: readonly number[], perProfile: number): Profile[] {
  const list: Profile[] = [];
  attemptsToExhaust.forEach((attempts, step) => {
    const permanent = (param: Param) => (param.owner === step && (param.kind === 'permanent' || param.kind === 'failure') ? 1 : null);
    list.push({ value: permanent, installations: perProfile });
    const exhausted = (param: Param) => {
      if (param.owner === step && param.kind === 'permanent') return 0;
      if (param.owner === step && param.kind === 'failure') return 1;
      return param.kind === 'unresolved' || param.kind === 'undo' ? 0.5 : null;
    };
    list.push({ value: exhausted, installations: Math.min(perProfile, Math.floor(attemptBudget / attempts)) });
  });
  list.push({ value: (param) => (param.kind === 'never' || param.kind === 'check' ? 0.5 : null), installations: perProfile });
  const mixed: Readonly<Record<Param['kind'], number>> = { permanent: 0.05, failure: 0.5, never: 0.2, unresolved: 0.3, undo: 0.3, check: 0.05 };
  list.push({ value: (param) => mixed[param.kind], installations: perProfile });
  return list;
}

/** Every typed array of the tally and the sample buffer, to copy and restore. */
function arraysOf(tally: Tally, samples: SampleBuffer): (Float64Array | Int32Array | Int8Array)[] {
  return [...Object.values(tally), ...Object.values(samples)].filter(
    (value): value is Float64Array | Int32Array | Int8Array => ArrayBuffer.isView(value),
  );
}

/** `attemptsToExhaust[step]` is `exhaustionAttempts` of each step's strategy, in flow order; `perProfile` the installations of each profile's full run. */
export function warmUp(
  run: BatchRunner,
  values: Float64Array,
  params: readonly Param[],
  attemptsToExhaust: readonly number[],
  installation: unknown,
  tally: Tally,
  samples: SampleBuffer,
  perProfile = defaultPerProfile,
): void {
  const arrays = arraysOf(tally, samples);
  const saved = arrays.map((array) => array.slice());
  // A short pass over every profile first, so that every branch has type feedback before V8 starts
  // optimising (it compiles with the feedback it has then, and a branch without any would deoptimise).
  const all = profiles(attemptsToExhaust, perProfile);
  const first = all.map((profile) => ({ ...profile, installations: Math.min(profile.installations, firstPass) }));
  for (const profile of [...first, ...all]) {
    params.forEach((param, index) => (values[index] = profile.value(param) ?? param.value));
    if (profile.installations > 0) run(0, profile.installations, installation);
  }
  params.forEach((param, index) => (values[index] = param.value));
  arrays.forEach((array, index) => array.set(saved[index]!));
}
