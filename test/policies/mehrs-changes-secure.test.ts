// MEHRS v2.0 → v2.1, Table 1, the changes that bring in MOC Secure and its
// GroupID DA path: validation, the DA checks, MCF generation, the account
// switch and what DA skips. Each test runs v2.1 through the runtime, and
// v2.0 where the same scenario exists there.
import { describe, expect, it } from 'vitest';
import { migrate } from 'mpol/runtime';
import { arriveAfter, duration, handlers, succeed, table, timelineTable } from 'mpol/runtime/testing';
import { installation20, installation21, ioc, secureDA, secureOther, stepsAttempted, v20, v21 } from './mehrs.js';

describe('MEHRS v2.1, Table 1', () => {
  it('change 1 (2.3.2): MA001 and MA002 match production', async () => {
    const production = await migrate(v21, installation21({ productionRecordMatch: false }), { ...ioc, handlers: handlers(v21) });
    expect(production.outcome).toMatchObject({ status: 'failed', code: 'MA002' });
    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20) });
    expect(before.outcome.status).toBe('migrated');
  });

  it('change 6 (2.3.2): Secure installations get their own checks', async () => {
    const design = await migrate(v21, installation21({ secureDesignConfirmed: false }), { ...secureOther, handlers: handlers(v21) });
    expect(design.outcome).toMatchObject({ status: 'failed', code: 'AS101', step: null });
    const iocDesign = await migrate(v21, installation21({ secureDesignConfirmed: false }), { ...ioc, handlers: handlers(v21) });
    expect(iocDesign.outcome.status).toBe('migrated');

    // MA110 is not applied to MOC Secure in v2.1 (that came in 2022).
    const epcl = await migrate(v21, installation21({ epclListed: false }), { ...secureOther, handlers: handlers(v21) });
    expect(epcl.outcome.status).toBe('migrated');

    // v2.0 has no Secure checks.
    expect(v20.flow.filter((node) => node.kind === 'check').map((node) => node.code)).toEqual(['MA001', 'MA002', 'MA110', 'AS262', 'AS263']);
  });

  it('change 7 (2.4.1.1): DA installations are checked before the MCF is generated', async () => {
    const result = await migrate(v21, installation21({ commsHubFirmwareSupported: false }), { ...secureDA, handlers: handlers(v21) });
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'AS111' });
    expect(stepsAttempted(result)).toEqual([]);

    const other = await migrate(v21, installation21({ commsHubFirmwareSupported: false }), { ...secureOther, handlers: handlers(v21) });
    expect(other.outcome.status).toBe('migrated');
  });

  it('change 8 (2.4.4, 2.4.5): the processing S1SP generates the MCF; the MCVF of the IOC S1SP validates it into the MVF', async () => {
    const overrides = { steps: { GenerateMcf: succeed('10m'), ValidateMcf: succeed('5m') } };
    const after = await migrate(v21, installation21(), { ...ioc, handlers: handlers(v21, overrides) });
    expect(after.artefacts).toMatchObject({ MCF: duration('10m'), MVF: duration('15m') });
    expect(stepsAttempted(after).slice(0, 2)).toEqual(['GenerateMcf', 'ValidateMcf']);
    expect(v21.flow.find((node) => node.kind === 'step' && node.name === 'GenerateMcf')).toMatchObject({ party: 'S1SP', produces: ['MCF'] });
    expect(v21.flow.find((node) => node.kind === 'step' && node.name === 'ValidateMcf')).toMatchObject({ party: 'MCVF', produces: ['MVF'] });

    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20, { steps: { GenerateMcf: succeed('10m') } }) });
    expect(before.artefacts).toMatchObject({ MCF: duration('10m'), MVF: duration('10m') });
    expect(v20.flow.some((node) => node.kind === 'step' && node.name === 'ValidateMcf')).toBe(false);
  });

  it('change 9 (2.5.1.1): DA installations are checked again just before the account switch', async () => {
    const result = await migrate(v21, installation21({ smsoAccountActive: false }), { ...secureDA, handlers: handlers(v21) });
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'AS121' });
    expect(stepsAttempted(result)).toEqual(['GenerateMcf', 'ValidateMcf']);

    const other = await migrate(v21, installation21({ smsoAccountActive: false }), { ...secureOther, handlers: handlers(v21) });
    expect(other.outcome.status).toBe('migrated');
  });

  it('change 10 (2.5.2): the Required File Set must arrive within 24 hours of the MVF', async () => {
    const validate = { ValidateMcf: succeed('30m') };
    const late = await migrate(v21, installation21(), {
      ...secureDA,
      handlers: handlers(v21, { steps: validate, arrivals: { RequiredFileSet: arriveAfter('MVF', '24h1m') } }),
    });
    expect(late.outcome).toMatchObject({ status: 'failed', code: 'AS201', cause: 'deadline', at: duration('24h30m'), resubmittable: true });
    expect(timelineTable(late.timeline, { steps: ['SwitchAccount'] })).toBe(table`
      30m     await         SwitchAccount: RequiredFileSet
      24h30m  deadline      SwitchAccount: RequiredFileSet within 24h after MVF
      24h30m  failed        SwitchAccount: AS201
    `);

    const inTime = await migrate(v21, installation21(), {
      ...secureDA,
      handlers: handlers(v21, { steps: validate, arrivals: { RequiredFileSet: arriveAfter('MVF', '23h59m') } }),
    });
    expect(inTime.outcome).toEqual({ status: 'migrated', at: duration('24h29m') });
  });

  it('change 11 (2.5.4, 2.5.5, 2.5.6): DA installations generate no MGF', async () => {
    const da = await migrate(v21, installation21(), { ...secureDA, handlers: handlers(v21) });
    expect(da.outcome.status).toBe('migrated');
    expect(stepsAttempted(da)).not.toContain('GenerateMgf');
    expect(stepsAttempted(da)).not.toContain('ProcessMgf');
    expect(da.artefacts['MGF']).toBeUndefined();

    const other = await migrate(v21, installation21(), { ...secureOther, handlers: handlers(v21) });
    expect(stepsAttempted(other)).toContain('GenerateMgf');
    expect(stepsAttempted(other)).toContain('ProcessMgf');

    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20) });
    expect(stepsAttempted(before)).toContain('GenerateMgf');
  });
});
