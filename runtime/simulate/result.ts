/**
 * What `simulate` returns: plain, JSON-serialisable data. Key order is fixed
 * (policy order for codes, reports, steps and parties), so the same seed
 * gives byte-identical JSON. Times are milliseconds of virtual time from the
 * installation's start.
 */
import type { Outcome } from '../outcome.js';
import type { Percentiles, TimeBin } from './histogram.js';
import type { TimelineEvent } from '../timeline.js';

export type { Percentiles, TimeBin } from './histogram.js';

export interface OutcomeCounts {
  readonly migrated: number;
  readonly failed: number;
  readonly 'rolled-back': number;
}

/** The counts of one population (a cohort, or a cohort's group), or of all of them (`total`). */
export interface PopulationSummary {
  /** `null` in `total`. */
  readonly cohort: string | null;
  readonly group: string | null;
  readonly installations: number;
  readonly outcomes: OutcomeCounts;
  /** Failed and rolled-back outcomes by code; codes that never occurred are left out. */
  readonly codes: Readonly<Record<string, number>>;
  /** Failures appearing in each of the policy's reports (a code may go to several). */
  readonly reports: Readonly<Record<string, number>>;
  readonly causes: { readonly check: number; readonly permanent: number; readonly exhausted: number; readonly deadline: number };
  /** Failures by the step whose failure ended the installation, or `(check)`; zeros left out. */
  readonly failedAt: Readonly<Record<string, number>>;
  readonly resubmittable: number;
  readonly excluded: number;
  readonly rollbacks: {
    /** Rollbacks that began: a rollback action with something to undo. */
    readonly started: number;
    /** Ended `rolled-back`. */
    readonly rolledBack: number;
    /** Ended `failed` at an undo that failed. */
    readonly undoFailed: number;
    /** Rollback actions that found nothing to undo: plain failures, not counted in `started`. */
    readonly nothingToUndo: number;
  };
  readonly incidents: {
    readonly raised: number;
    readonly unresolved: number;
    /** Incidents resolved, by the party that resolved them; parties that resolved none are left out. */
    readonly resolvedBy: Readonly<Record<string, number>>;
  };
  readonly attempts: {
    /** Step attempts (handler calls) over all installations. */
    readonly total: number;
    readonly mean: number | null;
    readonly max: number;
    /** Installations by their number of step attempts; `256+` collects the rest; zeros left out. */
    readonly histogram: Readonly<Record<string, number>>;
  };
  readonly timeToOutcome: {
    readonly all: Percentiles;
    readonly migrated: Percentiles;
    readonly failed: Percentiles;
    readonly 'rolled-back': Percentiles;
    /** How many installations reached each outcome in each range of time: the shape of the distribution, for a chart. */
    readonly distribution: readonly TimeBin[];
  };
}

/** One sampled installation, run again through `migrate` to record its timeline. */
export interface SampleTimeline {
  readonly index: number;
  readonly cohort: string;
  readonly group: string | null;
  readonly installation: unknown;
  /** The `seed` option `migrate` ran it with (its jitter draws). */
  readonly seed: number;
  readonly outcome: Outcome;
  readonly timeline: readonly TimelineEvent[];
}

export interface SimulationResult {
  readonly policy: { readonly name: string; readonly version: string };
  readonly seed: number;
  /** The fault model's `description`, which says which of its rates are assumed: the result is what the policy does with them, not a forecast. */
  readonly faultModel: { readonly description: string | null };
  /** Installations started; the outcomes in `total` add up to it. */
  readonly installations: number;
  readonly total: PopulationSummary;
  /** Populations with at least one installation, in policy order. */
  readonly populations: readonly PopulationSummary[];
  /** The first few installations of each outcome and code, with their timelines. */
  readonly samples: readonly SampleTimeline[];
}
