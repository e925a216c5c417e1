import { describe, expect, it } from 'vitest';
import { nextMigrationAttempt, type MigrationResult } from '../../runtime/index.js';
import { check, policy, rollback, run, sequence, step } from './builder.js';

const failing = policy([check('MA110', () => false), step('S')], {
  errors: { MA110: { resubmit: true } },
  exclusionAfter: 3,
});

describe('resubmission', () => {
  it('allows a resubmittable code to come back as the next attempt', async () => {
    const first = await run(failing, {});
    expect(first.outcome).toMatchObject({ code: 'MA110', resubmittable: true, excluded: false });
    expect(nextMigrationAttempt(first)).toBe(2);
  });

  it('excludes the installation once it has failed `exclude after` attempts', async () => {
    const attempts: MigrationResult[] = [];
    // What a harness does: run attempt 1, then resubmit while the outcome allows it.
    for (let attempt: number | null = 1; attempt !== null; ) {
      const result = await run(failing, {}, { migrationAttempt: attempt });
      attempts.push(result);
      attempt = nextMigrationAttempt(result);
    }
    expect(attempts.map((result) => result.outcome)).toMatchObject([
      { resubmittable: true, excluded: false },
      { resubmittable: true, excluded: false },
      { resubmittable: false, excluded: true },
    ]);
  });

  it('never resubmits a code without `resubmit`, nor a migrated installation', async () => {
    const final = await run(policy([check('MA111', () => false)]), {});
    expect(final.outcome).toMatchObject({ resubmittable: false, excluded: false });
    expect(nextMigrationAttempt(final)).toBeNull();
    const migrated = await run(policy([step('S')]), { steps: { S: sequence('ok') } });
    expect(nextMigrationAttempt(migrated)).toBeNull();
  });

  it('resubmits a `resubmit after rollback` code only when the installation was rolled back', async () => {
    const flow = (guard: boolean) => [step('Switch', { undo: 'SwitchBack', guard: () => guard }), step('Rotate', { onFailure: rollback('MA122') })];
    const afterRollback = { errors: { MA122: { resubmit: 'after-rollback' as const } } };
    const steps = { Switch: sequence('ok'), Rotate: sequence('permanent') };
    const rolled = await run(policy(flow(true), afterRollback), { steps, undos: { SwitchBack: () => ({ status: 'ok' }) } });
    expect(rolled.outcome).toMatchObject({ status: 'rolled-back', code: 'MA122', resubmittable: true });
    expect(nextMigrationAttempt(rolled)).toBe(2);

    // Nothing to undo: a plain failure, which was not handed back.
    const plain = await run(policy(flow(false), afterRollback), { steps, undos: { SwitchBack: () => ({ status: 'ok' }) } });
    expect(plain.outcome).toMatchObject({ status: 'failed', code: 'MA122', resubmittable: false });

    const undoFailed = await run(policy(flow(true), afterRollback), { steps, undos: { SwitchBack: () => ({ status: 'failed' }) } });
    expect(undoFailed.outcome).toMatchObject({ status: 'failed', failedUndo: 'SwitchBack', resubmittable: false });

    const excluded = await run(policy(flow(true), { ...afterRollback, exclusionAfter: 1 }), { steps, undos: { SwitchBack: () => ({ status: 'ok' }) } });
    expect(excluded.outcome).toMatchObject({ status: 'rolled-back', resubmittable: false, excluded: true });
  });
});
