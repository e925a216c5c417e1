/**
 * Outcomes: how one migration attempt of one installation ends, and the
 * result `migrate` returns.
 */
import type { TimelineEvent } from './timeline.js';

/** What made the installation fail: a check, or a step's permanent failure, exhaustion or deadline. */
export type FailureCause = 'check' | 'permanent' | 'exhausted' | 'deadline';

/** What a failed or rolled-back outcome says about the failure. */
export interface FailureFields<C extends string = string> {
  /** The error code the attempt failed with. */
  readonly code: C;
  /** The reports the code appears in (from the policy's `error` declaration). */
  readonly reports: readonly string[];
  /** Whether the supplier may resubmit the installation as a new attempt. */
  readonly resubmittable: boolean;
  /** Whether this failure reached the policy's `exclude after N failed attempts` limit. */
  readonly excluded: boolean;
  /** The party that must act on the failure, if the code names one. */
  readonly responsible: string | null;
  /** When the attempt ended. */
  readonly at: number;
  /** The step whose failure ended the attempt; `null` when a check failed. */
  readonly step: string | null;
  readonly cause: FailureCause;
}

export interface MigratedOutcome {
  readonly status: 'migrated';
  readonly at: number;
}

export interface FailedOutcome<C extends string = string> extends FailureFields<C> {
  readonly status: 'failed';
  /**
   * Set, with `failedUndo`, when a rollback stopped at an undo that failed:
   * the undos that did complete before it, in order. A rollback with
   * nothing to undo is a plain failure and sets neither.
   */
  readonly undone?: readonly string[];
  /** The undo that failed; the installation then needs a person, so `resubmittable` is false. */
  readonly failedUndo?: string;
}

export interface RolledBackOutcome<C extends string = string> extends FailureFields<C> {
  readonly status: 'rolled-back';
  /** The undos that ran, in the order they ran (newest step first). */
  readonly undone: readonly string[];
}

export type Outcome<C extends string = string> = MigratedOutcome | FailedOutcome<C> | RolledBackOutcome<C>;

export interface MigrationResult<C extends string = string> {
  readonly outcome: Outcome<C>;
  /** Every event of the run, in order; the last one is the outcome. */
  readonly timeline: readonly TimelineEvent[];
  /** When each artefact was produced or arrived during the run. */
  readonly artefacts: Readonly<Record<string, number>>;
  /** Which migration attempt of the installation this was, from 1. */
  readonly migrationAttempt: number;
}

/**
 * The migration attempt number a resubmission of this result runs as, or
 * `null` when it may not be resubmitted (it migrated, its code does not allow
 * resubmission, an undo failed, or the exclusion limit was reached).
 */
export function nextMigrationAttempt(result: MigrationResult<string>): number | null {
  const outcome = result.outcome;
  if (outcome.status === 'migrated' || !outcome.resubmittable) return null;
  return result.migrationAttempt + 1;
}
