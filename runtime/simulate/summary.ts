/**
 * Turns the typed-array counts of a `Tally` into the plain summary of one
 * population, or of several added together (the `total`).
 */
import { own, recordOf } from '../../common/own.js';
import type { ErrorDefinition } from '../policy.js';
import { bucketCount, percentiles, timeBins } from './histogram.js';
import type { OutcomeCounts, PopulationSummary } from './result.js';
import type { AnyPolicy, FlowLayout } from './source.js';
import { attemptBuckets, causes, type Tally } from './tally.js';

export interface SummaryInput {
  readonly policy: AnyPolicy;
  readonly layout: FlowLayout;
  readonly tally: Tally;
  readonly migrationAttempt: number;
}

/**
 * Adds `length` values from `offset + p * stride` over the populations `ps`.
 * One population needs no adding: its counts are viewed, not copied.
 */
function sum(values: Float64Array, ps: readonly number[], stride: number, offset: number, length = 1): Float64Array {
  if (ps.length === 1) return values.subarray(ps[0]! * stride + offset, ps[0]! * stride + offset + length);
  const total = new Float64Array(length);
  for (const p of ps) for (let i = 0; i < length; i++) total[i]! += values[p * stride + offset + i]!;
  return total;
}

/** Names are keys of records without a prototype, so a code called `constructor` counts like any other. */
const nonZero = (entries: [string, number][]): Record<string, number> => recordOf(entries.filter(([, count]) => count > 0));

export function summarize(
  input: SummaryInput,
  ps: readonly number[],
  cohort: string | null,
  group: string | null,
): PopulationSummary {
  const { policy, layout, tally } = input;
  const { codes: codeCount, steps: stepCount, parties: partyCount } = tally.shape;
  const outcomeCounts = sum(tally.T_outcomes, ps, 3, 0, 3);
  const outcomes: OutcomeCounts = { migrated: outcomeCounts[0]!, failed: outcomeCounts[1]!, 'rolled-back': outcomeCounts[2]! };
  const failedCodes = sum(tally.T_codes, ps, 2 * codeCount, 0, codeCount);
  const rolledCodes = sum(tally.T_codes, ps, 2 * codeCount, codeCount, codeCount);
  const undoFailed = sum(tally.T_undoFailed, ps, codeCount, 0, codeCount);
  const byCode = layout.codes.map((code, c): [string, number] => [code, failedCodes[c]! + rolledCodes[c]!]);
  const errors = policy.errors as Readonly<Record<string, ErrorDefinition>>;
  const limit = policy.exclusionAfter;
  const excludedAll = limit !== null && input.migrationAttempt >= limit;
  const failures = outcomes.failed + outcomes['rolled-back'];
  let resubmittable = 0;
  layout.codes.forEach((code, c) => {
    const resubmit = own(errors, code)!.resubmit;
    // Failed undos end `failed`, so `after-rollback` counts exactly the rolled-back outcomes.
    if (excludedAll) return;
    if (resubmit === 'after-rollback') resubmittable += rolledCodes[c]!;
    else if (resubmit) resubmittable += byCode[c]![1] - undoFailed[c]!;
  });
  const reports = Object.keys(policy.reports).map((report): [string, number] => [
    report,
    byCode.reduce((total, [code, count]) => total + (own(errors, code)!.reports.includes(report) ? count : 0), 0),
  ]);
  const causeCounts = sum(tally.T_causes, ps, causes.length, 0, causes.length);
  const stepCounts = sum(tally.T_steps, ps, stepCount + 1, 0, stepCount + 1);
  const failedAt = [...layout.steps.map((step) => step.name), '(check)'].map((name, s): [string, number] => [name, stepCounts[s]!]);
  const rollbacks = sum(tally.T_rollbacks, ps, 2, 0, 2);
  const incidents = sum(tally.T_incidents, ps, partyCount + 2, 0, partyCount + 2);
  const attempts = sum(tally.T_attempts, ps, attemptBuckets + 1, 0, attemptBuckets + 1);
  const attemptTotal = sum(tally.T_attemptSum, ps, 1, 0)[0]!;
  const installations = sum(tally.T_started, ps, 1, 0)[0]!;
  const times = (status: number) => ({
    counts: sum(tally.T_times, ps, 3 * bucketCount, status * bucketCount, bucketCount),
    total: sum(tally.T_timeSum, ps, 3, status)[0]!,
    max: Math.max(0, ...ps.map((p) => tally.T_timeMax[p * 3 + status]!)),
  });
  const perStatus = [0, 1, 2].map(times);
  const all = new Float64Array(bucketCount);
  for (const { counts } of perStatus) for (let bucket = 0; bucket < bucketCount; bucket++) all[bucket]! += counts[bucket]!;
  const read = ({ counts, total, max }: ReturnType<typeof times>) => percentiles(counts, 0, total, max);
  return {
    cohort,
    group,
    installations,
    outcomes,
    codes: nonZero(byCode),
    reports: recordOf(reports),
    causes: { check: causeCounts[0]!, permanent: causeCounts[1]!, exhausted: causeCounts[2]!, deadline: causeCounts[3]! },
    failedAt: nonZero(failedAt),
    resubmittable,
    excluded: excludedAll ? failures : 0,
    rollbacks: {
      started: rollbacks[0]!,
      rolledBack: outcomes['rolled-back'],
      undoFailed: undoFailed.reduce((total, count) => total + count, 0),
      nothingToUndo: rollbacks[1]!,
    },
    incidents: {
      raised: incidents[0]!,
      unresolved: incidents[1]!,
      resolvedBy: nonZero(layout.parties.map((party, r): [string, number] => [party, incidents[2 + r]!])),
    },
    attempts: {
      total: attemptTotal,
      mean: installations === 0 ? null : Math.round((attemptTotal / installations) * 1000) / 1000,
      max: Math.max(0, ...ps.map((p) => tally.T_attemptMax[p]!)),
      histogram: nonZero([...attempts].map((count, a): [string, number] => [a === attemptBuckets ? `${a}+` : String(a), count])),
    },
    timeToOutcome: {
      all: percentiles(all, 0, perStatus.reduce((total, s) => total + s.total, 0), Math.max(...perStatus.map((s) => s.max))),
      migrated: read(perStatus[0]!),
      failed: read(perStatus[1]!),
      'rolled-back': read(perStatus[2]!),
      distribution: timeBins(perStatus.map((status) => status.counts)),
    },
  };
}
