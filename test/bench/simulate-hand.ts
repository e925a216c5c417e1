/**
 * The practical limit: the bench flow (simulate-policy.ts) written by hand as
 * a tight TypeScript loop, with the same draws as `simulate` (the same
 * per-installation seeds and generator arithmetic, draws in the same order)
 * and the same counts, so its results must equal mpol's exactly.
 */
import { bucketOf } from '../../runtime/simulate/histogram.js';
import { installationSeed, jitterSeed } from '../../runtime/simulate/seed.js';
import { benchCodes, benchSteps, faultsOf, retries, undoDuration, type BenchStep } from './simulate-policy.js';
import { emptyCounts, type Counts } from './simulate-counts.js';

interface StepPlan {
  readonly permanent: number;
  readonly failure: number;
  readonly low: number;
  readonly span: number;
  readonly codeB301: number;
  readonly codeIndex: number;
  readonly failureCode: number;
  readonly exhaustedCode: number;
  readonly rollbackOnExhausted: boolean;
  /** Strategy: 0 Short, 1 Ioc, 2 Backoff. */
  readonly strategy: number;
  readonly commit: boolean;
  readonly undo: boolean;
}

const plan = (step: BenchStep): StepPlan => {
  const faults = faultsOf(step);
  return {
    permanent: faults.permanent,
    failure: faults.permanent + faults.transient,
    low: faults.low,
    span: faults.high - faults.low + 1,
    codeB301: faults.codeB301,
    codeIndex: benchCodes.indexOf('B301'),
    failureCode: benchCodes.indexOf(step.onFailure.code),
    exhaustedCode: benchCodes.indexOf(step.onExhausted.code),
    rollbackOnExhausted: step.onExhausted.kind === 'rollback',
    strategy: ['Short', 'Ioc', 'Backoff'].indexOf(step.retry),
    commit: step.commit,
    undo: step.undo !== null,
  };
};

const plans = benchSteps.map(plan);
const [short, ioc, backoff] = [retries.Short, retries.Ioc, retries.Backoff];
const shortEvery = short.tiers[0]!.every;
const [iocShort, iocLong] = [ioc.tiers[0]!.every, ioc.tiers[1]!.every];
const backoffEvery = backoff.tiers[0]!.every;

/** What one run of the flow left: the outcome (0 migrated, 1 failed, 2 rolled back), its code, its time, the step attempts and the fault stream's state. */
export const flowOut = { status: 0, code: -1, now: 0, attempts: 0, f: 0 };

/**
 * Runs the flow once from the fault and jitter streams' seeds, into
 * `flowOut`. Everything lives in locals and the generator is inlined: what
 * a performance-minded engineer writes by hand.
 */
export function runFlow(faultSeed: number, jitterSeedValue: number): void {
  let f = faultSeed;
  let j = jitterSeedValue;
  let r = 0;
  let u = 0;
  let now = 0;
  let attempts = 0;
  let status = 0;
  let code = -1;
  let undoable = 0;
  for (let s = 0; s < plans.length; s++) {
    const step = plans[s]!;
    const strategy = step.strategy;
    const limit = strategy === 2 ? 6 : strategy === 1 ? 10_000 : 1e9;
    const periodEnd = strategy === 1 ? now + 48 * 3_600_000 : Infinity;
    const timeout = strategy === 2 ? Infinity : 600_000;
    let scheduled = now;
    let result = 0;
    let permanentCode = -1;
    for (let attempt = 1; ; attempt++) {
      attempts++;
      f = (f + 0x9e3779b9) | 0;
      r = Math.imul(f ^ (f >>> 16), 0x85ebca6b);
      r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
      u = ((r ^ (r >>> 16)) >>> 0) / 4294967296;
      let attemptStatus = u < step.permanent ? 2 : u < step.failure ? 1 : 0;
      f = (f + 0x9e3779b9) | 0;
      r = Math.imul(f ^ (f >>> 16), 0x85ebca6b);
      r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
      u = ((r ^ (r >>> 16)) >>> 0) / 4294967296;
      let duration = step.low + Math.floor(u * step.span);
      permanentCode = -1;
      if (attemptStatus === 2 && step.codeB301 > 0) {
        f = (f + 0x9e3779b9) | 0;
        r = Math.imul(f ^ (f >>> 16), 0x85ebca6b);
        r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
        u = ((r ^ (r >>> 16)) >>> 0) / 4294967296;
        if (u < step.codeB301) permanentCode = step.codeIndex;
      }
      if (duration > timeout) {
        attemptStatus = 1;
        duration = timeout;
      }
      now += duration;
      if (attemptStatus === 0) break;
      if (attemptStatus === 2) {
        result = 1;
        break;
      }
      // The wait before the next attempt, -1 when no retry is left.
      let wait = -1;
      if (attempt < limit) {
        if (strategy === 0) wait = attempt <= 3 ? shortEvery : -1;
        else if (strategy === 1 || attempt <= 5) {
          j = (j + 0x9e3779b9) | 0;
          r = Math.imul(j ^ (j >>> 16), 0x85ebca6b);
          r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
          u = ((r ^ (r >>> 16)) >>> 0) / 4294967296;
          if (strategy === 1) {
            const interval = attempt <= 3 ? iocShort : iocLong;
            wait = Math.min(interval, Math.floor(u * (interval + 1)));
          } else {
            let interval = backoffEvery * Math.pow(2, attempt - 1);
            if (interval > 600_000) interval = 600_000;
            wait = interval + Math.min(30_000, Math.floor(u * 30_001));
          }
        }
      }
      if (wait >= 0) {
        scheduled += wait;
        const at = scheduled > now ? scheduled : now;
        if (at <= periodEnd) {
          now = at;
          continue;
        }
      }
      if (periodEnd !== Infinity && periodEnd > now) now = periodEnd;
      result = 2;
      break;
    }
    if (result === 0) {
      if (step.commit) undoable = 0;
      else if (step.undo) undoable++;
      continue;
    }
    code = permanentCode >= 0 ? permanentCode : result === 1 ? step.failureCode : step.exhaustedCode;
    status = 1;
    if (result === 2 && step.rollbackOnExhausted && undoable > 0) {
      now += undoable * undoDuration;
      status = 2;
    }
    break;
  }
  flowOut.status = status;
  flowOut.code = code;
  flowOut.now = now;
  flowOut.attempts = attempts;
  flowOut.f = f;
}

/** Runs installations `first .. first + count - 1` and counts them into `counts`. */
export function runHandWritten(seed: number, first: number, count: number, counts: Counts = emptyCounts()): Counts {
  for (let index = first; index < first + count; index++) {
    const f = installationSeed(seed, index);
    runFlow(f, jitterSeed(f));
    counts.record(flowOut.status, flowOut.code, flowOut.attempts, flowOut.now, bucketOf(flowOut.now));
  }
  return counts;
}
