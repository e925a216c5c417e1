/**
 * `simulate`: determinism, counts per code, report, cohort and group, the
 * attempts histogram, percentiles on known distributions, generators, and
 * the usage errors. The comparison with `migrate` is in
 * simulate-differential.test.ts; invariants and memory in simulate-bounds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MigrationUsageError, simulate, simulateOne, type SimulationOptions } from '../../runtime/index.js';
import { check, deadline, fail, policy, retry, rollback, rows, step, type Inst, type Policy } from './builder.js';

/** The builder's policy with cohorts IOC and MOC_Secure (group DA), and two reports. */
function withPopulations(base: Policy): Policy {
  return {
    ...base,
    reports: { R1: { title: 'Failures', recipient: 'P' }, MRR6: { title: 'Installation failures', recipient: 'P' } },
    cohorts: { IOC: { title: 'IOC', groups: [] }, MOC_Secure: { title: 'Secure', groups: ['DA'] } },
  };
}

const run = (compiled: Policy, options: Partial<SimulationOptions<Inst>>) =>
  simulate(compiled, { faults: {}, cohorts: { C: 1000 }, ...options });

describe('simulate', () => {
  it('gives byte-identical JSON for the same seed, and other counts for another', async () => {
    const compiled = policy([step('A', { retry: 'R', onExhausted: fail('X1') })], { retries: { R: retry({ tiers: ['3 every 5m'], jitter: 'full' }) } });
    const faults = { steps: { A: { transient: 0.5, duration: { exponential: '2m' } } } };
    const first = JSON.stringify(await simulate(compiled, { faults, cohorts: { C: 5000 }, seed: 42 }));
    const again = JSON.stringify(await simulate(compiled, { faults, cohorts: { C: 5000 }, seed: 42 }));
    const other = JSON.stringify(await simulate(compiled, { faults, cohorts: { C: 5000 }, seed: 43 }));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('reports progress in chunks without changing the result', async () => {
    const compiled = policy([step('A', { retry: 'R', onExhausted: fail('X1') })], { retries: { R: retry({ tiers: ['3 every 5m'], jitter: 'full' }) } });
    const faults = { steps: { A: { transient: 0.5 } } };
    const reports: [number, number][] = [];
    const quiet = await simulate(compiled, { faults, cohorts: { C: 120_000 }, seed: 7 });
    const watched = await simulate(compiled, { faults, cohorts: { C: 120_000 }, seed: 7, onProgress: (done, total) => reports.push([done, total]) });
    expect(JSON.stringify(watched)).toBe(JSON.stringify(quiet));
    expect(reports).toEqual([
      [50_000, 120_000],
      [100_000, 120_000],
      [120_000, 120_000],
    ]);
  });

  it('counts outcomes by cohort and group, codes, reports, causes, resubmission and exclusion', async () => {
    const flow = [
      check('MA001', (installation) => installation.listed === true),
      check('MP100', null, (_, membership) => membership.group === 'DA'),
      step('Commission', { mayFail: ['MA122'], onFailure: fail('X9') }),
    ];
    const errors = { MA001: { resubmit: true, reports: ['R1', 'MRR6'] }, MA122: { reports: ['MRR6'] } };
    const compiled = withPopulations(policy(flow, { errors, exclusionAfter: 2 }));
    const faults = {
      checks: { MP100: { fail: 1 } },
      steps: { Commission: { permanent: 0.5, codes: { MA122: 1 } } },
      installation: { listed: { bool: 0.8 } },
    };
    const result = await simulate(compiled, { faults, cohorts: { IOC: 10_000, 'MOC_Secure/DA': 2000 }, seed: 1 });
    const [ioc, da] = result.populations;
    expect([ioc!.cohort, ioc!.group, da!.cohort, da!.group]).toEqual(['IOC', null, 'MOC_Secure', 'DA']);
    // Every DA installation that passed MA001 fails the external check MP100.
    expect(da!.codes.MP100).toBe(da!.installations - da!.codes.MA001!);
    expect(da!.outcomes.migrated).toBe(0);
    expect(ioc!.codes.MA001! / ioc!.installations).toBeCloseTo(0.2, 1);
    expect(ioc!.codes.MA122! / (ioc!.installations - ioc!.codes.MA001!)).toBeCloseTo(0.5, 1);
    expect(ioc!.reports).toEqual({ R1: ioc!.codes.MA001, MRR6: ioc!.codes.MA001! + ioc!.codes.MA122! });
    expect(ioc!.causes).toEqual({ check: ioc!.codes.MA001, permanent: ioc!.codes.MA122, exhausted: 0, deadline: 0 });
    expect(ioc!.failedAt).toEqual({ Commission: ioc!.codes.MA122, '(check)': ioc!.codes.MA001 });
    expect(ioc!.resubmittable).toBe(ioc!.codes.MA001);
    expect(result.total.outcomes.migrated).toBe(ioc!.outcomes.migrated);
    expect(result.total.installations).toBe(12_000);

    const excluded = await simulate(compiled, { faults, cohorts: { IOC: 100 }, migrationAttempt: 2 });
    expect(excluded.total.excluded).toBe(excluded.total.outcomes.failed);
    expect(excluded.total.resubmittable).toBe(0);
  });

  it('refuses a population the policy lacks, with the nearest one', async () => {
    const compiled = withPopulations(policy([step('A')]));
    await expect(simulate(compiled, { faults: {}, cohorts: { IOCC: 1 } })).rejects.toThrow(new MigrationUsageError('`cohorts.IOCC`: the policy has no cohort or `cohort/group` `IOCC`; did you mean `IOC`?'));
    await expect(simulate(compiled, { faults: {}, cohorts: { 'MOC_Secure/DAA': 1 } })).rejects.toThrow('did you mean `MOC_Secure/DA`?');
    await expect(simulate(compiled, { faults: {}, cohorts: { Elsewhere: 1 } })).rejects.toThrow(/`Elsewhere`$/);
  });

  it('counts step attempts per installation in a histogram', async () => {
    const compiled = policy([step('A', { retry: 'R' }), step('B')], { retries: { R: retry({ tiers: ['every 1m'], attempts: 3 }) } });
    const result = await run(compiled, { faults: { steps: { A: { transient: 1 } } }, cohorts: { C: 500 } });
    expect(result.total.attempts).toEqual({ total: 1500, mean: 3, max: 3, histogram: { 3: 500 } });
    const mixed = await run(compiled, { faults: { steps: { A: { transient: 0.5 } } }, cohorts: { C: 4000 } });
    const { histogram } = mixed.total.attempts;
    // One attempt of A then B (2), two of A then B (3), or three, exhausted or not.
    expect(Object.keys(histogram)).toEqual(['2', '3', '4']);
    expect(histogram[2]! / 4000).toBeCloseTo(0.5, 1);
  });

  it('reads percentiles within 0.4% off a known distribution, and exactly below 512 ms', async () => {
    const compiled = policy([step('A')]);
    const uniform = await run(compiled, { faults: { steps: { A: { duration: { uniform: [0, 999_999] } } } }, cohorts: { C: 200_000 } });
    const times = uniform.total.timeToOutcome.migrated;
    expect(times.count).toBe(200_000);
    for (const [value, expected] of [[times.p50, 500_000], [times.p90, 900_000], [times.p99, 990_000]] as const) {
      expect(Math.abs(value! - expected) / expected).toBeLessThan(0.004 + 0.005);
    }
    expect(times.max).toBeLessThanOrEqual(999_999);
    expect(Math.abs(times.mean! - 500_000)).toBeLessThan(5000);

    const fixed = await run(compiled, { faults: { steps: { A: { duration: 300 } } } });
    expect(fixed.total.timeToOutcome.all).toEqual({ count: 1000, mean: 300, p50: 300, p90: 300, p99: 300, max: 300 });
    expect(fixed.total.timeToOutcome.failed).toEqual({ count: 0, mean: null, p50: null, p90: null, p99: null, max: null });
  });

  it('counts a rollback with nothing to undo as a failure, and incidents by resolving party', async () => {
    const flow = [
      step('Switch', { undo: 'SwitchBack', guard: (_, membership) => membership.group === 'DA' }),
      step('Rotate', { retry: 'R', onExhausted: rollback('X1') }),
      step('Update', { onFailure: { kind: 'incident', resolvers: ['P', 'Q'], then: 'continue', code: 'X2', elseCode: 'X3' } }),
    ];
    const compiled = withPopulations({ ...policy(flow, { retries: { R: retry({ tiers: ['1 every 1m'] }) } }), parties: { P: { title: 'P' }, Q: { title: 'Q' } } });
    const faults = {
      steps: { Rotate: { transient: 0.5 }, Update: { permanent: 1 } },
      parties: { P: { delay: '2h', unresolved: 0.5 }, Q: { delay: '3h' } },
    };
    const result = await simulate(compiled, { faults, cohorts: { IOC: 4000, 'MOC_Secure/DA': 4000 }, seed: 3 });
    const [ioc, da] = result.populations;
    expect(ioc!.outcomes['rolled-back']).toBe(0);
    // Nothing to undo is a plain failure: no rollback started, counted apart.
    expect(ioc!.rollbacks.started).toBe(0);
    expect(ioc!.rollbacks.nothingToUndo).toBe(ioc!.causes.exhausted);
    expect(ioc!.rollbacks.nothingToUndo).toBeGreaterThan(0);
    expect(da!.outcomes['rolled-back']).toBe(da!.rollbacks.started);
    expect(da!.rollbacks.nothingToUndo).toBe(0);
    const incidents = result.total.incidents;
    expect(incidents.raised).toBe(result.total.outcomes.migrated);
    expect(incidents.unresolved).toBe(0);
    expect(incidents.resolvedBy.P! / incidents.raised).toBeCloseTo(0.5, 1);
    expect(incidents.resolvedBy.P! + incidents.resolvedBy.Q!).toBe(incidents.raised);
  });

  it('lets the deadline written first win a tie, as `migrate` does', async () => {
    const flow = [
      step('Mvf', { produces: ['MVF'] }),
      step('Switch', { deadlines: [deadline('1h', 'MVF', fail('D1')), deadline('1h', 'Mvf', fail('D2'))] }),
    ];
    const compiled = policy(flow);
    const faults = { steps: { Switch: { duration: '2h' } } };
    const result = await simulate(compiled, { faults, cohorts: { C: 10 }, samples: 1 });
    expect(result.total.codes).toEqual({ D1: 10 });
    expect(rows({ ...result.samples[0]!, artefacts: {}, migrationAttempt: 1 }).at(-1)).toBe('1h failed Switch (D1)');
  });

  it('bounds only the arrival with an arrival deadline, in time up to its instant, as `migrate` does', async () => {
    const flow = [
      step('Mvf', { produces: ['MVF'] }),
      step('Switch', { await: 'Rfs', deadlines: [{ ...deadline('24h', 'MVF', fail('LATE')), arrival: true }] }),
    ];
    // Arrivals spread evenly over 23h..25h after the MVF; the switch itself then takes 5 hours.
    const faults = { steps: { Mvf: { duration: 0 }, Switch: { duration: '5h' } }, artefacts: { Rfs: { after: 'MVF', delay: { uniform: ['23h', '25h'] } } } };
    const result = await simulate(policy(flow), { faults, cohorts: { C: 4000 }, seed: 7 });
    expect(result.total.outcomes.migrated / 4000).toBeCloseTo(0.5, 1);
    expect(result.total.codes).toEqual({ LATE: result.total.outcomes.failed });
    expect(result.total.timeToOutcome.failed).toMatchObject({ p50: 24 * 3_600_000, max: 24 * 3_600_000 });
    // Migrated installations received the files by 24h and then switched for 5 hours.
    expect(result.total.timeToOutcome.migrated.max).toBeLessThanOrEqual(29 * 3_600_000);
    expect(result.total.timeToOutcome.migrated.max).toBeGreaterThan(29 * 3_600_000 - 60_000);
  });

  it('runs installations from a generator, and replays any one with its timeline', async () => {
    const compiled = withPopulations(policy([check('MA001', (installation) => installation.listed === true)]));
    const installations = {
      count: 300,
      generate: (index: number) => ({ cohort: index % 3 === 0 ? 'MOC_Secure' : 'IOC', group: index % 3 === 0 ? 'DA' : null, installation: { listed: index % 2 === 0 } }),
    };
    const result = await simulate(compiled, { faults: {}, installations });
    expect(result.populations.map((p) => [p.cohort, p.group, p.installations])).toEqual([['IOC', null, 200], ['MOC_Secure', 'DA', 100]]);
    expect(result.total.codes).toEqual({ MA001: 150 });
    const one = await simulateOne(compiled, { faults: {}, installations }, 3);
    expect([one.cohort, one.group, one.result.outcome.status]).toEqual(['MOC_Secure', 'DA', 'failed']);
  });

  it('rejects bad options with a usage error naming what is wrong', async () => {
    const compiled = policy([step('A')]);
    await expect(simulate(compiled, { faults: { steps: { A: { transient: 2 } } }, cohorts: { C: 1 } })).rejects.toThrow(
      new MigrationUsageError('the fault model is invalid:\nsteps.A.transient: expected a probability between 0 and 1, got 2'),
    );
    await expect(simulate(compiled, { faults: {}, cohorts: { X: 1 } })).rejects.toThrow('`cohorts.X`: the policy has no cohort');
    await expect(simulate(compiled, { faults: {} })).rejects.toThrow('give `cohorts`');
    await expect(simulate(compiled, { faults: {}, cohorts: { C: 1 }, seed: 1.5 })).rejects.toThrow('`seed` must be a whole number');
    const unbounded = policy([step('A', { retry: 'R' })], { retries: { R: retry({ tiers: ['every 1m'] }) } });
    await expect(simulate(unbounded, { faults: {}, cohorts: { C: 1 } })).rejects.toThrow('is unbounded');
  });
});
