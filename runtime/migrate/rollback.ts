/**
 * `rollback then fail CODE` (docs/language.md, "Rollback"): undo the
 * completed steps since the last commit, newest first, then fail.
 */
import { failed, rolledBack } from './failure.js';
import { lookupHandler } from './handler-table.js';
import type { UndoHandler } from '../handlers.js';
import { HandlerFailure, invoke } from './invoke.js';
import type { FailedOutcome, FailureCause, RolledBackOutcome } from '../outcome.js';
import { readUndoResult } from './results.js';
import type { Run } from './run.js';

/**
 * Runs the undos one after another, each taking its `duration`. The first
 * undo that fails, throws, returns something invalid or does not settle
 * stops the rollback: the outcome is `failed` with `code`, not
 * resubmittable, naming the undo that failed and those that ran. With
 * nothing to undo (guards skipped every step with an undo, or a commit
 * cleared them) no rollback happens: the outcome is the plain `failed` a
 * `fail CODE` would give, and the timeline shows no rollback. A migration
 * manager must not see a rollback that undid nothing.
 */
export async function rollback<I>(
  run: Run<I>,
  step: string,
  code: string,
  cause: FailureCause,
): Promise<FailedOutcome | RolledBackOutcome> {
  // Invariant: nothing to undo is a plain failure, with no `rollback` event and no `undone`.
  if (run.undoable.length === 0) return failed(run, code, step, cause);
  run.emit('rollback', step, undefined, code);
  const undone: string[] = [];
  for (let done = run.undoable.pop(); done !== undefined; done = run.undoable.pop()) {
    // Invariant: only steps with an undo are kept in `undoable`.
    const undo = done.undo!;
    run.emit('undo', done.name, undefined, undo.name);
    const handler = lookupHandler<UndoHandler<I>>(run.handlers, 'undos', undo.name);
    let result = invoke(handler, run.undoContext(undo.name, done.name), run.handlerTimeoutMs, readUndoResult);
    if (result instanceof Promise) result = await result;
    let problem: string | null = null;
    let end = run.now;
    if (result instanceof HandlerFailure) problem = result.reason;
    else {
      end += result.duration;
      if (result.status === 'failed') problem = result.detail ?? 'failed';
    }
    await run.advance(Math.max(end, run.clock.now()));
    if (problem !== null) {
      run.emit('undo-failed', done.name, undefined, `${undo.name}: ${problem}`);
      return failed(run, code, step, cause, { undone, failedUndo: undo.name });
    }
    run.emit('undone', done.name, undefined, undo.name);
    undone.push(undo.name);
  }
  return rolledBack(run, code, step, cause, undone);
}
