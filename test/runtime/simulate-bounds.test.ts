/**
 * What every simulation guarantees: its invariants hold or it throws a bug
 * report, and what it keeps (samples, counts) is bounded by the policy,
 * never by the number of installations.
 */
import { describe, expect, it } from 'vitest';
import { SimulationBug, simulate, type SimulationResult } from '../../runtime/index.js';
import { checkInvariants } from '../../runtime/simulate/invariants.js';
import { prepareSimulation } from '../../runtime/simulate/options.js';
import { sampleTimelines } from '../../runtime/simulate/samples.js';
import { layoutFlow, type AnyPolicy } from '../../runtime/simulate/source.js';
import { policyNames } from '../../runtime/fault-model/names.js';
import { SampleBuffer, Tally } from '../../runtime/simulate/tally.js';
import { fail, policy, retry, step } from './builder.js';

const compiled = policy([step('A', { retry: 'R', mayFail: ['M1'], onExhausted: fail('X1') }), step('B', { onFailure: fail('X2') })], {
  retries: { R: retry({ tiers: ['2 every 5m'], jitter: 'full' }) },
});
const faults = { steps: { A: { transient: 0.6, permanent: 0.1, codes: { M1: 0.5 } }, B: { permanent: 0.2 } } };
const codes = Object.keys(compiled.errors).length;

const simulated = (count: number, samples = 3): Promise<SimulationResult> => simulate(compiled, { faults, cohorts: { C: count }, seed: 9, samples });

describe('invariants', () => {
  it('hold on every run, and a violation is thrown as a bug with how to report it', async () => {
    const result = await simulated(2000);
    expect(() => checkInvariants(result, 2000, 100)).not.toThrow();
    const lost = { ...result, total: { ...result.total, outcomes: { ...result.total.outcomes, migrated: result.total.outcomes.migrated - 1 } } };
    expect(() => checkInvariants(lost, 2000, 100)).toThrow(SimulationBug);
    expect(() => checkInvariants(lost, 2000, 100)).toThrow(/outcomes for 2000 installations started.*bug in mpol.*report it/s);
    expect(() => checkInvariants(result, 2001, 100)).toThrow('2000 installations started, 2001 asked for');
    const wrongCodes = { ...result, total: { ...result.total, codes: { ...result.total.codes, X1: (result.total.codes.X1 ?? 0) + 1 } } };
    expect(() => checkInvariants(wrongCodes, 2000, 100)).toThrow(/codes add up to/);
  });

  it('throws a bug when a sampled installation ends differently through `migrate`', async () => {
    const prepared = prepareSimulation(compiled, { faults, cohorts: { C: 1 } });
    const layout = layoutFlow(compiled as unknown as AnyPolicy, policyNames(compiled));
    const buffer = new SampleBuffer(1, codes);
    // Claim installation 0 migrated at 12 ms, which its draws do not give.
    buffer.S_index[0] = 0;
    buffer.S_status[0] = 0;
    buffer.S_code[0] = -1;
    buffer.S_at[0] = 12;
    buffer.S_count[0] = 1;
    await expect(sampleTimelines(compiled, prepared, layout, buffer)).rejects.toThrow(/installation 0: the compiled simulator counted migrated at 12ms, `migrate` with the same draws gives/);
  });
});

describe('memory stays flat in the count', () => {
  it('keeps at most `samples` timelines per outcome and code, however many run', async () => {
    const small = await simulated(500, 2);
    const large = await simulated(200_000, 2);
    const bound = 2 * (1 + 2 * codes);
    expect(small.samples.length).toBeLessThanOrEqual(bound);
    expect(large.samples.length).toBeLessThanOrEqual(bound);
    const perKey = new Map<string, number>();
    for (const sample of large.samples) {
      const key = sample.outcome.status === 'migrated' ? 'migrated' : `${sample.outcome.status} ${sample.outcome.code}`;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perKey.values())).toBe(2);
    // The result itself does not grow with the count beyond a few more digits and codes.
    expect(JSON.stringify(large).length).toBeLessThan(2 * JSON.stringify(small).length);
  });

  it('sizes its counters by the policy alone (the count is not even an input)', () => {
    const bytes = (tally: Tally) => Object.values(tally).reduce((sum: number, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0);
    // Dominated by the time histograms: 3 statuses × 11,776 buckets × 8 bytes per population.
    expect(bytes(new Tally({ populations: 3, codes, steps: 2, parties: 1 }))).toBeLessThan(1_000_000);
    expect(new SampleBuffer(3, codes).capacity).toBe(3 * (1 + 2 * codes));
  });

  it('refuses a strategy that retries every millisecond for two days, before running anything', async () => {
    const busy = policy([step('A', { retry: 'R' })], { retries: { R: retry({ tiers: ['every 1ms'], within: '48h' }) } });
    await expect(simulate(busy, { faults: { steps: { A: { transient: 0.5 } } }, cohorts: { C: 1000 } })).rejects.toThrow(
      'retry strategy `R` may make 172,800,001 attempts in one step, more than the limit of 10,000 (tier `t1` takes it past the limit)',
    );
  });

  it('does not stall warming up a strategy that makes the most attempts allowed', async () => {
    // Every millisecond for 9,999 ms: 10,000 attempts, the limit.
    const busy = policy([step('A', { retry: 'R' })], { retries: { R: retry({ tiers: ['every 1ms'], within: '9999ms' }) } });
    const started = performance.now();
    const result = await simulate(busy, { faults: { steps: { A: { transient: 0.5 } } }, cohorts: { C: 1000 } });
    expect(result.total.outcomes.migrated).toBe(1000);
    // Generous: the point is seconds, not the minutes a warm-up of 48 exhausted installations each would take.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('keeps no samples when asked for none', async () => {
    expect((await simulated(1000, 0)).samples).toEqual([]);
  });
});
