/**
 * A rollback in a flow graph: the undos that would run if the step at
 * `index` failed, newest first, back to the last commit (docs/language.md,
 * "Rollback"), and the outcome: rolled back, failed because an undo failed,
 * or failed because there was nothing to undo.
 */
import type { StepModel } from '../model.js';
import type { GraphBuilder, Spine } from './flow-builder.js';

interface PendingUndo {
  readonly step: StepModel;
  /** False when the step, or a commit after it, depends on the installation's fields. */
  readonly certain: boolean;
}

/** The completed steps a rollback from `index` undoes, newest first. */
export function undosBefore(spine: readonly Spine[], index: number): PendingUndo[] {
  const undos: PendingUndo[] = [];
  let certain = true;
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const { item, runs } = spine[earlier]!;
    if (item.kind !== 'step') continue;
    if (item.commit) {
      // A commit that surely ran ends the rollback; one that may not have run leaves the rest uncertain.
      if (runs.kind === 'always') break;
      certain = false;
      continue;
    }
    if (item.undo !== undefined) undos.push({ step: item, certain: certain && runs.kind === 'always' });
  }
  return undos;
}

export function rollbackTarget(graph: GraphBuilder, spine: readonly Spine[], index: number, code: string | undefined): string {
  const undos = undosBefore(spine, index);
  const rollback = graph.node('rollback', ['rollback']);
  if (undos.length === 0) {
    graph.edge(rollback, graph.outcome('failed', code, ['nothing to undo']), 'undo');
    return rollback;
  }
  let previous = rollback;
  let undoFailed: string | undefined;
  for (const { step, certain } of undos) {
    const undo = step.undo!;
    const lines = [`undo ${undo.name}`, undo.party === undefined ? undefined : `by ${undo.party}`, `of ${step.name}`, certain ? undefined : 'if it ran'];
    const node = graph.node('undo', lines);
    graph.edge(previous, node, 'undo');
    undoFailed ??= graph.outcome('failed', code, ['an undo failed: needs a person'], false);
    graph.edge(node, undoFailed, 'undo-fails', 'undo fails');
    previous = node;
  }
  const mayBeEmpty = undos.every((undo) => !undo.certain);
  graph.edge(previous, graph.outcome('rolled-back', code, mayBeEmpty ? ['failed if nothing ran to undo'] : []), 'undo');
  return rollback;
}
