/**
 * Scripted undos, run newest first during a rollback.
 */
import type { UndoContext, UndoResult } from '../handlers.js';
import { toMilliseconds, type Duration } from './duration.js';
import { scripted, type Scripted } from './scripted.js';

export type ScriptedUndo = Scripted<UndoContext<unknown>, UndoResult>;

function result(status: UndoResult['status'], duration: Duration | undefined): UndoResult {
  return duration === undefined ? { status } : { status, duration: toMilliseconds(duration) };
}

/** The undo succeeds, taking `duration` (0 by default). */
export function undoOk(duration?: Duration): ScriptedUndo {
  const answer = result('ok', duration);
  return scripted(() => answer);
}

/**
 * The undo fails after `duration`: the rollback stops there and the
 * installation fails, not resubmittable, naming this undo.
 */
export function undoFails(duration?: Duration): ScriptedUndo {
  const answer = result('failed', duration);
  return scripted(() => answer);
}
