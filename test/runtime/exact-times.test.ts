/**
 * Times stay exact: no run computes with a time past 2^53 − 1 ms. A
 * strategy whose own waits would pass it is refused with the compiler's
 * words (`time-too-long`); a handler's duration or arrival past it is an
 * invalid result; durations that each fit but add up past it stop the run
 * with a usage error, never an outcome at a rounded time.
 */
import { describe, expect, it } from 'vitest';
import { timeLimit } from '../../common/time-bound.js';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';
import { MigrationUsageError, simulate, simulateCampaign } from '../../runtime/index.js';
import { fail, policy, retry, rows, run, sequence, step } from './builder.js';

const withStrategy = (spec: Parameters<typeof retry>[0]) => policy([step('A', { retry: 'R' })], { retries: { R: retry(spec) } });
const failing = { steps: { A: sequence('transient') } };

function compilerMessage(strategy: string): string | undefined {
  const text = `policy P version "1" "P"
section "1" "All"
party Provider "Provider"
report R1 "Failures" to Provider
error E "Failed" ref "1" { report R1 }
cohort C "Cohort"
retry R ref "1" { ${strategy} }
migration {
  on failure fail E
  step A ref "1" by Provider { retry R }
}
`;
  return checkWorkspace(['p.mpol'], memoryHost(new Map([['p.mpol', text]]))).diagnostics.find((d) => d.code === 'time-too-long')?.message;
}

describe('exact times', () => {
  it('refuses a strategy whose waits pass 2^53 − 1 ms, in the words of the compiler', async () => {
    const message = compilerMessage('tier t1: 3 retries every 1h factor 99999');
    expect(message).toBeDefined();
    await expect(run(withStrategy({ tiers: ['3 every 1h factor 99999'] }), failing)).rejects.toThrow(new MigrationUsageError(message!));
    // Before the limit, the same tier runs: 1h, then 99,999h.
    const result = await run(withStrategy({ tiers: ['2 every 1h factor 99999'] }), failing);
    expect(result.outcome).toMatchObject({ status: 'failed', at: 100_000 * 3_600_000 });
  });

  it('refuses durations, counts and factors a double cannot hold exactly', async () => {
    const refused = async (change: (definition: ReturnType<typeof retry>) => object) =>
      run(policy([step('A', { retry: 'R' })], { retries: { R: change(retry({ tiers: ['3 every 1h'] })) as ReturnType<typeof retry> } }), failing).catch(
        (error: unknown) => error,
      );
    expect(await refused((r) => ({ ...r, within: 2 ** 60 }))).toBeInstanceOf(MigrationUsageError);
    expect(await refused((r) => ({ ...r, timeout: Infinity }))).toBeInstanceOf(MigrationUsageError);
    expect(await refused((r) => ({ ...r, attempts: 2 ** 60 }))).toBeInstanceOf(MigrationUsageError);
    expect(await refused((r) => ({ ...r, tiers: [{ ...r.tiers[0]!, count: 1e20 }] }))).toBeInstanceOf(MigrationUsageError);
    expect(await refused((r) => ({ ...r, tiers: [{ ...r.tiers[0]!, every: 2 ** 54 }] }))).toBeInstanceOf(MigrationUsageError);
    expect(await refused((r) => ({ ...r, tiers: [{ ...r.tiers[0]!, factor: Infinity }] }))).toBeInstanceOf(MigrationUsageError);
    expect(await refused((r) => ({ ...r, jitter: { kind: 'range', low: 0, high: 2 ** 54 } }))).toBeInstanceOf(MigrationUsageError);
  });

  it('makes a handler duration past 2^53 − 1 ms an invalid result', async () => {
    const result = await run(policy([step('A')]), { steps: { A: sequence({ status: 'ok', duration: 2 ** 53 }) } });
    expect(rows(result)[1]).toBe('0s transient A #1 (invalid result: `duration` is not a number of milliseconds from 0 to 2^53 − 1)');
    const exact = await run(policy([step('A')]), { steps: { A: sequence({ status: 'ok', duration: timeLimit }) } });
    expect(exact.outcome).toEqual({ status: 'migrated', at: timeLimit });
  });

  it('stops a run whose durations add up past 2^53 − 1 ms with a usage error, not a rounded outcome', async () => {
    const half = { status: 'ok' as const, duration: 2 ** 52 + 1 };
    const twoSteps = policy([step('A'), step('B')]);
    const refused = run(twoSteps, { steps: { A: sequence(half), B: sequence(half) } });
    await expect(refused).rejects.toThrow(MigrationUsageError);
    await expect(refused).rejects.toThrow("the run's clock would pass about 285,616 years (2^53 − 1 ms), past which times are not exact");
  });

  // 60,000,000 days is about 5.2 × 10^15 ms: each fits, two add up past 2^53 − 1 ms.
  const long = '60000000d';

  it('stops a simulation whose fault-model durations add up past 2^53 − 1 ms, rather than report clamped percentiles', async () => {
    const twoSteps = policy([step('A'), step('B')]);
    const refused = simulate(twoSteps, { faults: { defaults: { step: { duration: long } } }, cohorts: { C: 10 } });
    await expect(refused).rejects.toThrow(MigrationUsageError);
    await expect(refused).rejects.toThrow("an installation's time to outcome passes about 285,616 years (2^53 − 1 ms), past which times are not exact");
    const one = await simulate(policy([step('A')]), { faults: { defaults: { step: { duration: long } } }, cohorts: { C: 10 } });
    expect(one.total.timeToOutcome.all.max).toBe(60_000_000 * 86_400_000);
  });

  it('stops a campaign whose attempts or resubmission delays pass 2^53 − 1 ms', async () => {
    const resubmitted = {
      ...policy([step('Migrate', { onFailure: fail('R') })], { errors: { R: { resubmit: true, responsible: 'P' } } }),
      parties: { P: { title: 'P' } },
    };
    const campaign = (extra: object) => ({ capacity: { daily: 5 }, ...extra });
    const slow = simulateCampaign(policy([step('A'), step('B')]), { faults: { defaults: { step: { duration: long } }, campaign: campaign({}) }, estate: { C: 3 } });
    await expect(slow).rejects.toThrow(MigrationUsageError);
    await expect(slow).rejects.toThrow("an installation's attempt ends past about 285,616 years");
    const late = simulateCampaign(resubmitted, {
      faults: { steps: { Migrate: { permanent: 1, duration: long } }, campaign: campaign({ resubmission: { delay: long } }) },
      estate: { C: 3 },
    });
    await expect(late).rejects.toThrow(MigrationUsageError);
    await expect(late).rejects.toThrow('a resubmission falls due past about 285,616 years');
  });
});
