// MEHRS v2.0 → v2.1, Table 1, the changes about failures after the account
// switch: switching back, what DA skips at commissioning, the SUA key
// rotation as the point of no return, and its retry strategy.
import { describe, expect, it } from 'vitest';
import { formatTime, migrate } from 'mpol/runtime';
import { duration, failAlways, failPermanently, handlers, neverSettle } from 'mpol/runtime/testing';
import { installation20, installation21, ioc, secureDA, secureOther, stepsAttempted, v20, v21 } from './mehrs.js';

describe('MEHRS v2.1, Table 1', () => {
  it('change 12 (2.5.5, 2.5.7, 2.5.8, 2.5.10): a DA installation failing after the switch is switched back', async () => {
    const failures = [
      ['Register', 'AS257'],
      ['EstablishCommunications', 'AS258'],
      ['PrepareCommissioning', 'AS260'],
    ] as const;
    for (const [step, code] of failures) {
      const result = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { [step]: failPermanently() } }) });
      expect(result.outcome).toMatchObject({ status: 'rolled-back', code, step, undone: ['SwitchBack'], resubmittable: true });
      expect(result.timeline.some((event) => event.kind === 'undo' && event.step === 'SwitchAccount')).toBe(true);
    }

    // Before, a failure there simply failed: there was no switch to undo.
    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20, { steps: { Register: failPermanently() } }) });
    expect(before.outcome).toMatchObject({ status: 'failed', code: 'AS257' });
    expect(before.outcome).not.toHaveProperty('undone');
  });

  it('change 13 (2.5.9): TMAD clause 5.23 applies to groups other than DA only', async () => {
    const da = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21) });
    expect(stepsAttempted(da)).not.toContain('ApplyTmadClause523');
    const other = await migrate(v21, installation21(), { ...secureOther, handlers: handlers(v21) });
    expect(stepsAttempted(other)).toContain('ApplyTmadClause523');
    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20) });
    expect(stepsAttempted(before)).toContain('ApplyTmadClause523');
  });

  it('change 14 (2.6.2, 2.6.3): what the commissioning checks catch for other installations, DA catches at 2.4.1.1', async () => {
    const commissioningCodes = new Set<string | false>(v21.flow.filter((n) => n.kind === 'check' && (n.ref === '2.6.2' || n.ref === '2.6.3')).map((n) => n.kind === 'check' && n.code));
    const preMcfCodes = new Set<string | false>(v21.flow.filter((n) => n.kind === 'check' && n.ref === '2.4.1.1').map((n) => n.kind === 'check' && n.code));
    let caught = 0;
    for (const field of Object.keys(installation21()).filter((f) => f !== 'type')) {
      const other = await migrate(v21, installation21({ [field]: false }), { ...secureOther, handlers: handlers(v21) });
      const code = (other.outcome as { code?: string }).code;
      if (code === undefined || !commissioningCodes.has(code)) continue;
      caught++;
      const da = await migrate(v21, installation21({ [field]: false }), { ...secureDA, handlers: handlers(v21) });
      expect(da.outcome).toMatchObject({ status: 'failed', step: null });
      expect(preMcfCodes.has((da.outcome as { code: string }).code)).toBe(true);
      expect(stepsAttempted(da)).toEqual([]);
    }
    expect(caught).toBe(commissioningCodes.size);
    // The commissioning checks themselves do not apply to DA.
    for (const node of v21.flow) {
      if (node.kind !== 'check' || (node.ref !== '2.6.2' && node.ref !== '2.6.3')) continue;
      expect(node.guard?.(installation21(), secureDA), node.code).toBe(false);
    }

    // Dormant SMETS1 meters were migrated: no check refuses an installation for its type, in either version.
    for (const type of ['Active', 'Dormant', 'Mixed'] as const) {
      for (const membership of [ioc, secureOther, secureDA]) {
        expect((await migrate(v21, installation21({ type }), { ...membership, handlers: handlers(v21) })).outcome.status).toBe('migrated');
      }
      expect((await migrate(v20, installation20({ type }), { ...ioc, handlers: handlers(v20) })).outcome.status).toBe('migrated');
    }
    const before = await migrate(v20, installation20({ installationChecksPassed: false }), { ...ioc, handlers: handlers(v20) });
    expect(before.outcome).toMatchObject({ status: 'failed', code: 'AS262' });
  });

  it('change 15 (2.6.4.1): any failure of the SUA key rotation switches back; after it, nothing is undone', async () => {
    const failures = { permanent: failPermanently(), exhausted: failAlways(), 'never settles': neverSettle() };
    for (const [cause, handler] of Object.entries(failures)) {
      const rotation = await migrate(v21, installation21(), {
        ...secureDA,
        handlerTimeoutMs: 20,
        handlers: handlers(v21, { steps: { RotateSuaKey: handler as ReturnType<typeof failAlways> } }),
      });
      expect(rotation.outcome, cause).toMatchObject({ status: 'rolled-back', code: 'AS264', undone: ['SwitchBack'], resubmittable: true });
    }

    // Every step a DA installation runs from its account switch to its rotation switches back when it fails.
    const steps = stepsAttempted(await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21) }));
    const between = steps.slice(steps.indexOf('SwitchAccount') + 1, steps.indexOf('RotateSuaKey') + 1);
    expect(between.length).toBeGreaterThan(1);
    for (const step of between) {
      const result = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { [step]: failPermanently() } }) });
      expect(result.outcome, step).toMatchObject({ status: 'rolled-back', undone: ['SwitchBack'], resubmittable: true });
    }
    // Rotation commits: a failure after it no longer switches back.
    for (const step of steps.slice(steps.indexOf('RotateSuaKey') + 1)) {
      for (const handler of [failPermanently(), failAlways()]) {
        const later = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { [step]: handler } }) });
        expect(later.outcome, step).toMatchObject({ status: 'failed', resubmittable: false });
        expect(later.timeline.some((event) => event.kind === 'undo' || event.kind === 'rollback')).toBe(false);
      }
    }
    expect(v20.flow.some((node) => node.kind === 'step' && node.name === 'RotateSuaKey')).toBe(false);
  });

  it('change 16 (2.6.5): the generic rollback applies to groups other than DA', async () => {
    const other = await migrate(v21, installation21(), { ...secureOther, handlers: handlers(v21, { steps: { Commission: failAlways() } }) });
    expect(other.outcome).toMatchObject({ status: 'rolled-back', code: 'MA122', undone: ['RestoreSmsoAccess'] });

    const da = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { Commission: failAlways() } }) });
    expect(stepsAttempted(da)).not.toContain('RecordRollbackPoint');
    expect(da.outcome).toMatchObject({ status: 'failed' });
    expect(da.outcome).not.toHaveProperty('undone');

    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20, { steps: { Commission: failAlways() } }) });
    expect(before.outcome).toMatchObject({ status: 'rolled-back', code: 'AS265', undone: ['RestoreSmsoAccess'] });
  });

  it('change 17 (3.3): the SUA key rotation has its own retry strategy', async () => {
    const rotate = failAlways();
    const result = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { RotateSuaKey: rotate } }) });
    const start = rotate.calls[0]!.now;
    expect(rotate.calls.map((call) => formatTime(call.now - start))).toEqual(['0s', '1m', '3m', '7m', '15m', '30m']);
    expect(result.outcome).toMatchObject({ code: 'AS264', at: start + duration('2h') });
    expect(v21.retries.SuaRotation).toMatchObject({ ref: '3.3', within: duration('2h') });
    expect(Object.keys(v20.retries)).toEqual(['IocS1sp']);
  });
});
