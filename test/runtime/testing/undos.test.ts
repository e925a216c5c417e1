import { describe, expect, it } from 'vitest';
import { migrate, type UndoHandler } from 'mpol/runtime';
import { failPermanently, succeed, table, timelineTable, undoFails, undoOk } from 'mpol/runtime/testing';
import { policy, rollback, step, type Inst } from '../builder.js';

// A and B have undos; C fails and rolls them back, newest first.
const rollingBack = policy([
  step('A', { undo: 'UndoA' }),
  step('B', { undo: 'UndoB' }),
  step('C', { onFailure: rollback('E') }),
]);
const steps = () => ({ A: succeed(), B: succeed(), C: failPermanently() });
const run = (undoA: UndoHandler<Inst>, undoB: UndoHandler<Inst>) =>
  migrate(rollingBack, {}, { cohort: 'C', handlers: { steps: steps(), undos: { UndoA: undoA, UndoB: undoB } } });
const undoRows = { kinds: ['undo', 'undone', 'undo-failed', 'rolled-back', 'failed'] } as const;

describe('undo handlers', () => {
  it('undoOk: each undo takes its duration', async () => {
    const result = await run(undoOk('5m'), undoOk('10m'));
    expect(result.outcome).toMatchObject({ status: 'rolled-back', undone: ['UndoB', 'UndoA'], at: 900_000 });
    expect(timelineTable(result.timeline, undoRows)).toBe(table`
      0s      undo          B: UndoB
      10m     undone        B: UndoB
      10m     undo          A: UndoA
      15m     undone        A: UndoA
      15m     rolled-back   C: E
    `);
  });

  it('undoFails: the rollback stops, and the installation needs a person', async () => {
    const undoA = undoOk();
    const result = await run(undoA, undoFails('1m'));
    expect(result.outcome).toMatchObject({ status: 'failed', failedUndo: 'UndoB', undone: [], resubmittable: false });
    expect(timelineTable(result.timeline, undoRows)).toBe(table`
      0s      undo          B: UndoB
      1m      undo-failed   B: UndoB: failed
      1m      failed        C: E
    `);
    expect(undoA.calls).toHaveLength(0);
  });
});
