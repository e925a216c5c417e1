// MEHRS v2.0 → v2.1, Table 1, the changes every cohort sees: each test runs
// v2.1 through the runtime and asserts the behaviour the change introduced,
// and where the same scenario runs against v2.0, the behaviour before it.
import { describe, expect, it } from 'vitest';
import { formatTime, migrate } from 'mpol/runtime';
import { duration, failAlways, failPermanently, handlers, resolveBy, table, timelineTable } from 'mpol/runtime/testing';
import { installation20, installation21, ioc, stepsAttempted, v20, v21 } from './mehrs.js';

describe('MEHRS v2.1, Table 1', () => {
  it('change 5 (A.1): a failure at a commissioning step is MA122, reported in MRR6', async () => {
    const after = await migrate(v21, installation21(), { ...ioc, handlers: handlers(v21, { steps: { Commission: failAlways() } }) });
    expect(after.outcome).toMatchObject({ status: 'rolled-back', code: 'MA122', reports: ['MRR6'], step: 'Commission' });

    const before = await migrate(v20, installation20(), { ...ioc, handlers: handlers(v20, { steps: { Commission: failAlways() } }) });
    expect(before.outcome).toMatchObject({ status: 'rolled-back', code: 'AS265', step: 'Commission' });
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
  });
});
