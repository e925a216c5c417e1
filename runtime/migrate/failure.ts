/**
 * Failures: how a step reports that it failed, and how a failure becomes an
 * outcome with the code's reports, resubmission and exclusion.
 */
import { own } from '../../common/own.js';
import { MigrationUsageError } from '../errors.js';
import type { FailedOutcome, FailureCause, RolledBackOutcome } from '../outcome.js';
import type { Run } from './run.js';

/** Why a step did not complete. */
export interface StepFailure {
  readonly cause: Exclude<FailureCause, 'check'>;
  /** The code a handler's permanent failure named; it replaces the action's code. */
  readonly code: string | null;
  /** For a deadline, its index in the step's `deadlines`; otherwise -1. */
  readonly deadline: number;
}

/** A rollback stopped by an undo that failed: `failedUndo` names it, `undone` lists those that ran before it. */
export interface RollbackFailure {
  readonly undone: readonly string[];
  readonly failedUndo: string;
}

/**
 * A failed outcome with `code`, at the current time. A failed undo makes it
 * not resubmittable whatever the code says: the installation needs a person.
 */
export function failed<I>(
  run: Run<I>,
  code: string,
  step: string | null,
  cause: FailureCause,
  rollback?: RollbackFailure,
): FailedOutcome {
  const fields = failureFields(run, code, step, cause, rollback === undefined ? 'failed' : 'undo-failed');
  if (rollback === undefined) return { status: 'failed', ...fields };
  return { status: 'failed', ...fields, undone: rollback.undone, failedUndo: rollback.failedUndo };
}

/** A rolled-back outcome with `code`, at the current time. */
export function rolledBack<I>(
  run: Run<I>,
  code: string,
  step: string,
  cause: FailureCause,
  undone: readonly string[],
): RolledBackOutcome {
  return { status: 'rolled-back', ...failureFields(run, code, step, cause, 'rolled-back'), undone };
}

/**
 * How a failure ended, for resubmission: a code with `resubmit` allows it
 * unless an undo failed; one with `resubmit after rollback` only when the
 * installation was rolled back.
 */
type Ending = 'failed' | 'rolled-back' | 'undo-failed';

function resubmits(resubmit: boolean | 'after-rollback', ending: Ending): boolean {
  return resubmit === 'after-rollback' ? ending === 'rolled-back' : resubmit && ending !== 'undo-failed';
}

function failureFields<I>(run: Run<I>, code: string, step: string | null, cause: FailureCause, ending: Ending) {
  const error = own(run.policy.errors, code);
  if (error === undefined) throw new MigrationUsageError(`the policy has no error code \`${code}\``);
  const limit = run.policy.exclusionAfter;
  const excluded = limit !== null && run.migrationAttempt >= limit;
  return {
    code,
    reports: error.reports,
    resubmittable: resubmits(error.resubmit, ending) && !excluded,
    excluded,
    responsible: error.responsible,
    at: run.now,
    step,
    cause,
  };
}
