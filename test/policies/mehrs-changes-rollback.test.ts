// MEHRS v2.0 → v2.1, Table 1, the changes about failures after the account
// switch: switching back, what DA skips at commissioning, the SUA key
// rotation as the point of no return, and its retry strategy.
import { describe, expect, it } from 'vitest';
import { formatTime, migrate } from 'mpol/runtime';
import { duration, failAlways, failPermanently, handlers } from 'mpol/runtime/testing';
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

  it('change 14 (2.6.2, 2.6.3): DA installations skip the commissioning checks, done before the MCF', async () => {
    const dormantDA = await migrate(v21, installation21({ type: 'Dormant' }), { ...secureDA, handlers: handlers(v21) });
    expect(dormantDA.outcome.status).toBe('migrated');
    const dormantOther = await migrate(v21, installation21({ type: 'Dormant' }), { ...secureOther, handlers: handlers(v21) });
    expect(dormantOther.outcome).toMatchObject({ status: 'failed', code: 'AS262' });

    const silentDA = await migrate(v21, installation21({ devicesResponding: false }), { ...secureDA, handlers: handlers(v21) });
    expect(silentDA.outcome).toMatchObject({ status: 'failed', code: 'AS112' });
    expect(stepsAttempted(silentDA)).toEqual([]);
    const silentOther = await migrate(v21, installation21({ devicesResponding: false }), { ...secureOther, handlers: handlers(v21) });
    expect(silentOther.outcome).toMatchObject({ status: 'failed', code: 'AS263' });

    const before = await migrate(v20, installation20({ type: 'Dormant' }), { ...ioc, handlers: handlers(v20) });
    expect(before.outcome).toMatchObject({ status: 'failed', code: 'AS262' });
  });

  it('change 15 (2.6.4.1): a failed SUA key rotation switches back; after it, nothing is undone', async () => {
    const rotation = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { RotateSuaKey: failAlways() } }) });
    expect(rotation.outcome).toMatchObject({ status: 'rolled-back', code: 'AS264', undone: ['SwitchBack'], resubmittable: true });

    // Rotation commits: a commissioning failure after it no longer switches back.
    const later = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21, { steps: { Commission: failAlways() } }) });
    expect(later.outcome).toMatchObject({ status: 'failed', code: 'MA122' });
    expect(later.outcome).not.toHaveProperty('undone');
    expect(later.timeline.some((event) => event.kind === 'undo' || event.kind === 'rollback')).toBe(false);
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
