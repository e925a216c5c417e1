import { describe, expect, it } from 'vitest';
import type { UndoHandler } from '../../runtime/index.js';
import { fail, ms, policy, rollback, rows, run, sequence, step, type Inst } from './builder.js';

const flow = [
  step('Prepare', { undo: 'Unprepare' }),
  step('Lock', { undo: 'Unlock', commit: true }),
  step('Switch', { undo: 'SwitchBack' }),
  step('Notify'),
  step('Rotate', { undo: 'RotateBack' }),
  step('Commission', { mayFail: ['MA9yy'], onFailure: rollback('MP301') }),
];
const steps = {
  Prepare: sequence('ok'),
  Lock: sequence('ok'),
  Switch: sequence('ok'),
  Notify: sequence('ok'),
  Rotate: sequence('ok'),
  Commission: sequence('permanent'),
};
const undoOk =
  (duration: string): UndoHandler<Inst> =>
  () => ({ status: 'ok', duration: ms(duration) });
const undos = { Unprepare: undoOk('1m'), Unlock: undoOk('1m'), SwitchBack: undoOk('2m'), RotateBack: undoOk('3m') };
const resubmitAll = { errors: { MP301: { resubmit: true }, MA9yy: { resubmit: true } } };

describe('rollback', () => {
  it('undoes the completed steps since the last commit, newest first, then fails', async () => {
    const result = await run(policy(flow, resubmitAll), { steps, undos });
    expect(rows(result)).toContain('0s commit Lock');
    expect(rows(result).slice(-7)).toEqual([
      '0s permanent Commission #1',
      '0s rollback Commission (MP301)',
      '0s undo Rotate (RotateBack)',
      '3m undone Rotate (RotateBack)',
      '3m undo Switch (SwitchBack)',
      '5m undone Switch (SwitchBack)',
      '5m rolled-back Commission (MP301)',
    ]);
    expect(result.outcome).toEqual({
      status: 'rolled-back',
      code: 'MP301',
      reports: ['R1'],
      resubmittable: true,
      excluded: false,
      responsible: null,
      at: ms('5m'),
      step: 'Commission',
      cause: 'permanent',
      undone: ['RotateBack', 'SwitchBack'],
    });
  });

  it('takes the code a permanent failure names instead of the action code', async () => {
    const failing = { ...steps, Commission: sequence({ status: 'permanent', code: 'MA9yy' }) };
    const result = await run(policy(flow, resubmitAll), { steps: failing, undos });
    expect(result.outcome).toMatchObject({ status: 'rolled-back', code: 'MA9yy', undone: ['RotateBack', 'SwitchBack'] });
  });

  it('stops at a failing undo: failed, not resubmittable, naming the undo', async () => {
    const failingUndo: UndoHandler<Inst> = () => ({ status: 'failed', duration: ms('1m'), detail: 'meter offline' });
    const result = await run(policy(flow, resubmitAll), { steps, undos: { ...undos, SwitchBack: failingUndo } });
    expect(rows(result).slice(-5)).toEqual([
      '0s undo Rotate (RotateBack)',
      '3m undone Rotate (RotateBack)',
      '3m undo Switch (SwitchBack)',
      '4m undo-failed Switch (SwitchBack: meter offline)',
      '4m failed Commission (MP301)',
    ]);
    expect(result.outcome).toMatchObject({
      status: 'failed',
      code: 'MP301',
      resubmittable: false,
      undone: ['RotateBack'],
      failedUndo: 'SwitchBack',
    });
  });

  it('treats an undo that throws or never settles as a failed undo', async () => {
    const throwing: UndoHandler<Inst> = () => {
      throw new Error('no route');
    };
    const thrown = await run(policy(flow, resubmitAll), { steps, undos: { ...undos, RotateBack: throwing } });
    expect(thrown.outcome).toMatchObject({ status: 'failed', failedUndo: 'RotateBack', undone: [] });
    expect(rows(thrown)).toContain('0s undo-failed Rotate (RotateBack: threw `no route`)');

    const hanging: UndoHandler<Inst> = () => new Promise(() => {});
    const hung = await run(
      policy(flow, resubmitAll),
      { steps, undos: { ...undos, SwitchBack: hanging } },
      { handlerTimeoutMs: 20 },
    );
    expect(hung.outcome).toMatchObject({ status: 'failed', failedUndo: 'SwitchBack', undone: ['RotateBack'] });
  });

  it('is a plain failure, with no rollback in the timeline, when guards left nothing to undo', async () => {
    // A migration manager must not see rollbacks that undid nothing: the run is the one `fail MP301` gives.
    const guarded = [step('Switch', { undo: 'SwitchBack', guard: () => false }), step('Commission', { onFailure: rollback('MP301') })];
    const result = await run(policy(guarded, resubmitAll), { steps: { Commission: sequence('permanent') }, undos });
    expect(rows(result)).toEqual(['0s skip Switch', '0s attempt Commission #1', '0s permanent Commission #1', '0s failed Commission (MP301)']);
    expect(result.outcome).toEqual({
      status: 'failed',
      code: 'MP301',
      reports: ['R1'],
      resubmittable: true,
      excluded: false,
      responsible: null,
      at: 0,
      step: 'Commission',
      cause: 'permanent',
    });
    const plain = [guarded[0]!, step('Commission', { onFailure: fail('MP301') })];
    const failed = await run(policy(plain, resubmitAll), { steps: { Commission: sequence('permanent') }, undos });
    expect(result).toEqual(failed);
  });

  it('is a plain failure when a commit cleared everything to undo', async () => {
    const committed = [step('Switch', { undo: 'SwitchBack' }), step('Lock', { commit: true }), step('Commission', { onFailure: rollback('MP301') })];
    const result = await run(policy(committed), { steps: { ...steps, Commission: sequence('permanent') }, undos });
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'MP301' });
    expect(result.outcome).not.toHaveProperty('undone');
    expect(result.outcome).not.toHaveProperty('failedUndo');
    expect(result.timeline.map((event) => event.kind)).not.toContain('rollback');
  });
});
