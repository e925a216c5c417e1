// MEHRS v2.0 → v2.1, Table 1, the changes that bring in MOC Secure and its
// GroupID DA path: validation, the DA checks, MCF generation, the account
// switch and what DA skips. Each test runs v2.1 through the runtime, and
// v2.0 where the same scenario exists there.
import { describe, expect, it } from 'vitest';
import { migrate } from 'mpol/runtime';
import { arriveAfter, duration, handlers, neverArrive, succeed, table, timelineTable } from 'mpol/runtime/testing';
import { installation20, installation21, ioc, secureDA, secureOther, stepsAttempted, v20, v21 } from './mehrs.js';

describe('MEHRS v2.1, Table 1', () => {
  it('change 1 (2.3.2): MA001 and MA002 check in v2.1 what they checked in v2.0, run by the same party', async () => {
    // The text was amended to match production: each field fails the same validation code in both versions.
    const shared = ['inventoryMatch', 'deviceRegistered', 'epclListed'] as const;
    for (const cohort of [ioc, { cohort: 'MOC_MDS' } as const]) {
      for (const field of shared) {
        const after = await migrate(v21, installation21({ [field]: false }), { ...cohort, handlers: handlers(v21) });
        const before = await migrate(v20, installation20({ [field]: false }), { ...cohort, handlers: handlers(v20) });
        expect(after.outcome).toMatchObject({ status: before.outcome.status, code: (before.outcome as { code?: string }).code });
      }
    }
    // No other field of v2.1 fails MA001 or MA002.
    for (const field of Object.keys(installation21()).filter((f) => f !== 'type' && !(shared as readonly string[]).includes(f))) {
      const result = await migrate(v21, installation21({ [field]: false }), { ...ioc, handlers: handlers(v21) });
      expect(/^MA00[12]$/.test((result.outcome as { code?: string }).code ?? '')).toBe(false);
    }
    const parties = (flow: typeof v21.flow | typeof v20.flow) => flow.filter((n) => n.kind === 'check' && /^MA00[12]$/.test(n.code)).map((n) => n.party);
    expect(parties(v21.flow)).toEqual(parties(v20.flow));
  });

  it('change 6 (2.3.2): Secure installations get their own checks', async () => {
    const design = await migrate(v21, installation21({ secureDesignConfirmed: false }), { ...secureOther, handlers: handlers(v21) });
    expect(design.outcome).toMatchObject({ status: 'failed', code: 'AS101', step: null });
    const iocDesign = await migrate(v21, installation21({ secureDesignConfirmed: false }), { ...ioc, handlers: handlers(v21) });
    expect(iocDesign.outcome.status).toBe('migrated');

    // MA110 is not applied to MOC Secure in v2.1 (that came in 2022).
    const epcl = await migrate(v21, installation21({ epclListed: false }), { ...secureOther, handlers: handlers(v21) });
    expect(epcl.outcome.status).toBe('migrated');

    // Secure checks apply to every Secure installation, DA included.
    const da = await migrate(v21, installation21({ secureProcessConfirmed: false }), { ...secureDA, handlers: handlers(v21) });
    expect(da.outcome).toMatchObject({ status: 'failed', code: 'AS102', step: null });
    // v2.0 has no Secure checks.
    expect(v20.flow.filter((node) => node.kind === 'check').map((node) => node.code)).toEqual(['MA001', 'MA002', 'MA110', 'AS262', 'AS263']);
  });

  it('change 7 (2.4.1.1): DA installations are checked before the MCF is generated', async () => {
    const result = await migrate(v21, installation21({ installationChecksPassed: false }), { ...secureDA, handlers: handlers(v21) });
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'AS111' });
    expect(stepsAttempted(result)).toEqual([]);

    // Other installations meet the same check only at commissioning (2.6.2), after the MCF.
    const other = await migrate(v21, installation21({ installationChecksPassed: false }), { ...secureOther, handlers: handlers(v21) });
    expect(other.outcome).toMatchObject({ status: 'failed', code: 'AS262' });
    expect(stepsAttempted(other)).toContain('GenerateMcf');
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

    // The receipt is the criterion: a file set received at MVF+23h59m is in time even if the switch then takes two hours.
    const slowSwitch = await migrate(v21, installation21(), {
      ...secureDA,
      handlers: handlers(v21, { steps: { ...validate, SwitchAccount: succeed('2h') }, arrivals: { RequiredFileSet: arriveAfter('MVF', '23h59m') } }),
    });
    expect(slowSwitch.outcome).toEqual({ status: 'migrated', at: duration('26h29m') });
    // Received at exactly MVF+24h is in time; never received fails at exactly MVF+24h.
    const exact = await migrate(v21, installation21(), {
      ...secureDA,
      handlers: handlers(v21, { steps: validate, arrivals: { RequiredFileSet: arriveAfter('MVF', '24h') } }),
    });
    expect(exact.outcome.status).toBe('migrated');
    const never = await migrate(v21, installation21(), {
      ...secureDA,
      handlers: handlers(v21, { steps: validate, arrivals: { RequiredFileSet: neverArrive() } }),
    });
    expect(never.outcome).toMatchObject({ status: 'failed', code: 'AS201', cause: 'deadline', at: duration('24h30m'), resubmittable: true });
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
