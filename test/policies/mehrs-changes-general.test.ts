// MEHRS v2.0 → v2.1, Table 1, the changes every cohort sees: each test runs
// v2.1 through the runtime and asserts the behaviour the change introduced,
// and where the same scenario runs against v2.0, the behaviour before it.
import { describe, expect, it } from 'vitest';
import { formatTime, migrate } from 'mpol/runtime';
import { duration, failAlways, failPermanently, handlers, resolveBy, table, timelineTable } from 'mpol/runtime/testing';
import { installation20, installation21, ioc, secureDA, secureOther, stepsAttempted, v20, v21 } from './mehrs.js';

describe('MEHRS v2.1, Table 1', () => {
  it('change 5 (A.1): every failure at a commissioning step is MA122, reported in MRR6', async () => {
    const populations = [ioc, { cohort: 'MOC_MDS' }, { cohort: 'FOC' }, secureOther, secureDA] as const;
    const commissioning = v21.flow.filter((n) => n.kind === 'step' && (n.ref ?? '').startsWith('2.6.') && n.ref !== '2.6.4.1');
    expect(commissioning.length).toBeGreaterThanOrEqual(4);
    for (const membership of populations) {
      for (const node of commissioning) {
        if (node.kind !== 'step') continue;
        for (const handler of [failPermanently(), failAlways()]) {
          const result = await migrate(v21, installation21(), { ...membership, handlers: handlers(v21, { steps: { [node.name]: handler } }) });
          if (!stepsAttempted(result).includes(node.name)) continue;
          expect(result.outcome, `${node.name} ${JSON.stringify(membership)}`).toMatchObject({ code: 'MA122', reports: ['MRR6'] });
        }
      }
    }
    expect(v21.errors.MA122.resubmit).toBe('after-rollback');

    // Cohorts Table 1 did not touch keep v2.0's outcome and resubmission for every commissioning failure.
    const scenarios = [
      { Commission: failAlways() },
      { Commission: failPermanently() },
      { UpdateChfOnSmi: failPermanently() },
      { RecordRollbackPoint: failPermanently() },
    ];
    for (const membership of [ioc, { cohort: 'MOC_MDS' }] as const) {
      for (const steps of scenarios) {
        const after = await migrate(v21, installation21(), { ...membership, handlers: handlers(v21, { steps }) });
        const before = await migrate(v20, installation20(), { ...membership, handlers: handlers(v20, { steps }) });
        expect(after.outcome).toMatchObject({ code: 'MA122' });
        expect(after.outcome).toMatchObject({ status: before.outcome.status, resubmittable: (before.outcome as { resubmittable: boolean }).resubmittable });
      }
    }
    const exhausted = await migrate(v21, installation21(), { ...ioc, handlers: handlers(v21, { steps: { Commission: failAlways() } }) });
    expect(exhausted.outcome).toMatchObject({ status: 'rolled-back', code: 'MA122', resubmittable: true });
    expect(Object.keys(v20.errors)).not.toContain('MA122');
  });

  it('change 2 (2.6.6): the DSP may resolve the incident of a failed CHF update', async () => {
    const overrides = { steps: { UpdateChfOnSmi: failPermanently() }, incidents: { UpdateChfOnSmi: resolveBy('DSP', '6h') } };
    const after = await migrate(v21, installation21(), { ...ioc, handlers: handlers(v21, overrides) });
    expect(after.outcome).toEqual({ status: 'migrated', at: duration('6h') });
    expect(timelineTable(after.timeline, { kinds: ['incident', 'resolved'] })).toBe(table`
      0s      incident      UpdateChfOnSmi: resolved by S1SP or DSP
      6h      resolved      UpdateChfOnSmi: by DSP, then continue
    `);

    // Before the change only the S1SP could resolve it: the DSP's resolution does not count.
    // v2.0's types allow only the S1SP, so the cast states the scenario the old policy rejects.
    const before = await migrate(v20, installation20(), {
      ...ioc,
      handlers: handlers(v20, { steps: { UpdateChfOnSmi: failPermanently() }, incidents: { UpdateChfOnSmi: resolveBy('DSP' as 'S1SP', '6h') } }),
    });
    expect(before.outcome).toMatchObject({ status: 'failed', code: 'AS266', step: 'UpdateChfOnSmi' });
  });

  it('change 3 (2.6.7): once the incident is resolved, the S1SP generates the commissioning file', async () => {
    const overrides = { steps: { UpdateChfOnSmi: failPermanently() }, incidents: { UpdateChfOnSmi: resolveBy('S1SP', '2h') } };
    const after = await migrate(v21, installation21(), { ...ioc, handlers: handlers(v21, overrides) });
    expect(after.outcome).toEqual({ status: 'migrated', at: duration('2h') });
    expect(stepsAttempted(after).slice(-2)).toEqual(['UpdateChfOnSmi', 'GenerateCommissioningFile']);
    expect(after.artefacts['CommissioningFile']).toBe(duration('2h'));
    // The CHF update is not tried again: the installation continues.
    expect(after.timeline.filter((e) => e.kind === 'attempt' && e.step === 'UpdateChfOnSmi')).toHaveLength(1);

    // Before, resolution meant trying the CHF update again, which made the file.
    const before = await migrate(v20, installation20(), {
      ...ioc,
      handlers: handlers(v20, { steps: { UpdateChfOnSmi: failPermanently() }, incidents: { UpdateChfOnSmi: resolveBy('S1SP', '2h') } }),
    });
    expect(before.timeline.filter((e) => e.kind === 'attempt' && e.step === 'UpdateChfOnSmi')).toHaveLength(2);
    expect(stepsAttempted(before)).not.toContain('GenerateCommissioningFile');
  });

  it('change 4 (3.1): IOC commissioning retries every 30 minutes and fails when 48 hours end', async () => {
    const commission = failAlways();
    const after = await migrate(v21, installation21(), { ...ioc, handlers: handlers(v21, { steps: { Commission: commission } }) });
    const times = commission.calls.map((call) => formatTime(call.now));
    expect(times.slice(0, 7)).toEqual(['0s', '5m', '10m', '15m', '45m', '1h15m', '1h45m']);
    expect(times).toHaveLength(1 + 3 + 95);
    expect(times.at(-1)).toBe('47h45m');
    expect(after.outcome).toMatchObject({ code: 'MA122', at: duration('48h') });

    // Before: a 2-hour long interval and a 24-hour period.
    const before20 = failAlways();
    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20, { steps: { Commission: before20 } }) });
    const times20 = before20.calls.map((call) => formatTime(call.now));
    expect(times20.slice(0, 6)).toEqual(['0s', '5m', '10m', '15m', '2h15m', '4h15m']);
    expect(times20.at(-1)).toBe('22h15m');
    expect(before.outcome).toMatchObject({ at: duration('24h') });

    // The IOC S1SP's strategy governs commissioning by every processing S1SP (an assumption): every population retries the same way.
    for (const membership of [{ cohort: 'MOC_MDS' }, { cohort: 'FOC' }, { cohort: 'MOC_Secure' }, { cohort: 'MOC_Secure', group: 'DA' }] as const) {
      const other = failAlways();
      await migrate(v21, installation21(), { ...membership, handlers: handlers(v21, { steps: { Commission: other } }) });
      const start = other.calls[0]!.now;
      expect(other.calls.map((call) => formatTime(call.now - start))).toEqual(times);
    }
  });
});
