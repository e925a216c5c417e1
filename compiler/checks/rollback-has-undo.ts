/**
 * Rule: a `rollback` has something to undo: a step with an `undo` that
 * completes before the failing step, after the last `commit`.
 * Reports: `rollback-without-undo`.
 * Enforces: docs/language.md, "Failure actions" › "Rollback": "A `rollback`
 * with no such step before it is an error".
 *
 * A rollback is reachable from a step through its `on failure`, `on
 * exhausted` and deadline actions, its own or inherited. The failing step's
 * own `undo` does not count: it did not complete. A committed step is not
 * undone either ("back to (not including) the last committed step"). Guards
 * are not considered. An inherited rollback is reported once, where it is
 * written, for the first step that reaches it with nothing to undo.
 */
import type { Note } from '../../grammar/index.js';
import type { ActionModel, StepModel } from '../model.js';
import type { Check } from './check.js';
import { declaredNames } from './policy-names.js';

export const checkRollbackHasUndo: Check = (ctx, { model, table }) => {
  const parties = declaredNames(table, 'party');
  const party = parties.length === 1 ? parties[0]! : 'PARTY';
  const reported = new Set<string>();
  let undoable = 0;
  let lastCommit: StepModel | undefined;
  for (const step of model.flow) {
    if (step.kind !== 'step') continue;
    for (const action of rollbacksOf(step)) {
      const key = `${action.source.file}:${action.source.span.start}`;
      if (undoable > 0 || reported.has(key)) continue;
      reported.add(key);
      ctx.report('rollback-without-undo', action.source.file, action.source.span, {}, { notes: notesFor(step, lastCommit), help: `add \`undo NAME by ${party}\` to an earlier step, or end with \`fail ${(action.kind === 'rollback' ? action.code : undefined) ?? 'CODE'}\` instead` });
    }
    // The step has completed: later steps may roll it back, unless it commits.
    if (step.commit) {
      undoable = 0;
      lastCommit = step;
    } else if (step.undo !== undefined) undoable += 1;
  }
};

function rollbacksOf(step: StepModel): ActionModel[] {
  const actions = [step.onFailure, step.onExhausted, ...step.deadlines.map((deadline) => deadline.action)];
  return actions.filter((action): action is ActionModel => action?.kind === 'rollback');
}

function notesFor(step: StepModel, lastCommit: StepModel | undefined): Note[] {
  const notes: Note[] = [{ message: `step \`${step.name}\` can fail into this rollback`, file: step.source.file, span: step.node.name }];
  const commit = lastCommit?.node.items.find((item) => item.kind === 'StepCommit');
  if (lastCommit !== undefined && commit !== undefined) {
    notes.push({ message: `step \`${lastCommit.name}\` commits here: no rollback reaches back past it`, file: lastCommit.source.file, span: commit });
  }
  return notes;
}
