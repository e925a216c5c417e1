import { describe, expect, it } from 'vitest';
import { MigrationUsageError, missingHandlers, type StepContext } from '../../runtime/index.js';
import {
  check,
  deadline,
  fail,
  incident,
  ms,
  policy,
  retry,
  rows,
  run,
  sequence,
  step,
  type Behaviour,
  type Inst,
} from './builder.js';

const retries = { Five: retry({ tiers: ['1 every 5m'] }), Timed: retry({ tiers: ['1 every 5m'], timeout: '2m' }) };
const retried = (...behaviours: Behaviour[]) =>
  run(policy([step('S', { retry: 'Five', mayFail: ['MA7'] })], { retries }), { steps: { S: sequence(...behaviours) } }, {
    handlerTimeoutMs: 20,
  });

describe('handlers', () => {
  it('may return promises', async () => {
    const result = await run(policy([step('S')]), { steps: { S: async () => ({ status: 'ok', duration: ms('1m') }) } });
    expect(result.outcome).toEqual({ status: 'migrated', at: ms('1m') });
  });

  it('that throw make a failed attempt, which is retried', async () => {
    const result = await retried('throw', 'ok');
    expect(rows(result).slice(0, 2)).toEqual(['0s attempt S #1', '0s transient S #1 (threw `boom`)']);
    expect(result.outcome.status).toBe('migrated');
  });

  it('that reject make a failed attempt', async () => {
    const result = await run(policy([step('S')]), { steps: { S: () => Promise.reject(new Error('nope')) } });
    expect(rows(result)[1]).toBe('0s transient S #1 (rejected `nope`)');
  });

  describe('that never settle are infinitely slow attempts, cut off by each bound at its own instant', () => {
    const hang = () => ({ steps: { S: sequence('hang', 'ok') } });
    const guard = { handlerTimeoutMs: 20 };

    it('by a per-attempt timeout, which is retried', async () => {
      const result = await run(policy([step('S', { retry: 'Timed' })], { retries }), hang(), guard);
      expect(rows(result).slice(0, 4)).toEqual(['0s attempt S #1', '2m timeout S #1 (longer than 2m)', '2m wait S (until 5m)', '5m attempt S #2']);
      expect(result.outcome).toEqual({ status: 'migrated', at: ms('5m') });
    });

    it('by a deadline of the step, at the deadline instant with its action', async () => {
      const flow = [step('Mvf', { produces: ['MVF'] }), step('S', { retry: 'Five', deadlines: [deadline('24h', 'MVF', fail('LATE'))] })];
      const result = await run(policy(flow, { retries }), { steps: { Mvf: sequence('ok'), S: sequence('hang') } }, guard);
      expect(rows(result).slice(-3)).toEqual(['0s attempt S #1', '24h deadline S (24h after MVF)', '24h failed S (LATE)']);
      expect(result.outcome).toMatchObject({ status: 'failed', code: 'LATE', cause: 'deadline', at: ms('24h') });
    });

    it('by the end of the retry period, as exhaustion', async () => {
      const withinRetries = { Period: retry({ tiers: ['every 5m'], within: '1h' }) };
      const result = await run(policy([step('S', { retry: 'Period', onExhausted: fail('TIRED') })], { retries: withinRetries }), hang(), guard);
      expect(rows(result)).toEqual([
        '0s attempt S #1',
        '1h timeout S #1 (did not settle within 20ms; cut off at the end of the retry period)',
        '1h exhausted S #1',
        '1h failed S (TIRED)',
      ]);
      expect(result.outcome).toMatchObject({ code: 'TIRED', cause: 'exhausted', at: ms('1h') });
    });

    it('by whichever bound comes first: a timeout before a deadline, a deadline before the period', async () => {
      const bounded = { Both: retry({ tiers: ['every 5m'], within: '2h', timeout: '10m' }), Period: retry({ tiers: ['every 5m'], within: '2h' }) };
      const timedFlow = [step('Mvf', { produces: ['MVF'] }), step('S', { retry: 'Both', deadlines: [deadline('1h', 'MVF', fail('LATE'))] })];
      const timed = await run(policy(timedFlow, { retries: bounded }), { steps: { Mvf: sequence('ok'), S: sequence('hang', 'ok') } }, guard);
      expect(rows(timed)).toContain('10m timeout S #1 (longer than 10m)');
      expect(timed.outcome).toEqual({ status: 'migrated', at: ms('10m') });

      const lateFlow = [step('Mvf', { produces: ['MVF'] }), step('S', { retry: 'Period', deadlines: [deadline('1h', 'MVF', fail('LATE'))] })];
      const late = await run(policy(lateFlow, { retries: bounded }), { steps: { Mvf: sequence('ok'), S: sequence('hang') } }, guard);
      expect(late.outcome).toMatchObject({ code: 'LATE', cause: 'deadline', at: ms('1h') });

      // A tie between the period's end and a deadline is exhaustion, as for a slow attempt.
      const tieFlow = [step('Mvf', { produces: ['MVF'] }), step('S', { retry: 'Period', deadlines: [deadline('2h', 'MVF', fail('LATE'))] })];
      const tie = await run(policy(tieFlow, { retries: bounded }), { steps: { Mvf: sequence('ok'), S: sequence('hang') } }, guard);
      expect(tie.outcome).toMatchObject({ code: 'E', cause: 'exhausted', at: ms('2h') });
    });

    it('with no bound, fail the step permanently at once: no later attempt could start', async () => {
      // Tier counts are not bounds of one attempt: attempt #2 would have to wait for #1 to end.
      const result = await retried('hang', 'ok');
      expect(rows(result)).toEqual(['0s attempt S #1', '0s permanent S #1 (did not settle within 20ms, and nothing bounds the attempt)', '0s failed S (E)']);
      expect(result.outcome).toMatchObject({ status: 'failed', code: 'E', cause: 'permanent', at: 0 });
    });
  });

  it('that return invalid values make a failed attempt', async () => {
    const invalid = [
      [{ status: 'done' }, 'invalid result: `status` is not `ok`, `transient` or `permanent`'],
      [{ status: 'ok', duration: -1 }, 'invalid result: `duration` is not a number of milliseconds from 0 to 2^53 − 1'],
      [{ status: 'permanent', code: 'MA8' }, 'invalid result: `MA8` is not a `may fail` code of the step'],
      [undefined, 'invalid result: not an object'],
    ] as const;
    for (const [value, detail] of invalid) {
      const result = await retried(value as unknown as Behaviour, 'ok');
      expect(rows(result)[1]).toBe(`0s transient S #1 (${detail})`);
    }
  });

  it('name the code of a permanent failure, which replaces the action code', async () => {
    const flow = [step('S', { mayFail: ['MA7'], onFailure: fail('MA100') })];
    const named = await run(policy(flow), { steps: { S: sequence({ status: 'permanent', code: 'MA7' }) } });
    expect(named.outcome).toMatchObject({ status: 'failed', code: 'MA7', cause: 'permanent' });
    const unnamed = await run(policy(flow), { steps: { S: sequence('permanent') } });
    expect(unnamed.outcome).toMatchObject({ status: 'failed', code: 'MA100' });
  });

  it('see the installation, the run time, the attempt and the artefacts so far', async () => {
    const seen: Omit<StepContext<Inst>, 'artefacts' | 'installation' | 'membership'>[] = [];
    const flow = [step('Make', { produces: ['MVF'], retry: 'Five' }), step('Use')];
    const steps = {
      Make: sequence('transient', { status: 'ok', duration: ms('1m') }),
      Use: (context: StepContext<Inst>) => {
        const { now, attempt, step: name, migrationAttempt } = context;
        seen.push({ now, attempt, step: name, migrationAttempt });
        expect(context.artefacts).toEqual({ MVF: ms('6m') });
        expect(context.membership).toEqual({ cohort: 'C', group: 'G' });
        expect(context.installation).toEqual({ firmware: '1.2' });
        return { status: 'ok' as const };
      },
    };
    const { migrate } = await import('../../runtime/index.js');
    await migrate(policy(flow, { retries }), { firmware: '1.2' }, { cohort: 'C', group: 'G', migrationAttempt: 2, handlers: { steps } });
    expect(seen).toEqual([{ now: ms('6m'), attempt: 1, step: 'Use', migrationAttempt: 2 }]);
  });

  it('that are missing reject the run with a usage error, and `missingHandlers` lists them first', async () => {
    const flow = [
      check('MA002', null),
      step('Switch', { await: 'Rfs', undo: 'SwitchBack', deadlines: [deadline('1h', 'Rfs', incident(['P'], 'continue', 'E'))] }),
    ];
    expect(missingHandlers(policy(flow), { steps: {} })).toEqual([
      'checks.MA002',
      'steps.Switch',
      'arrivals.Rfs',
      'undos.SwitchBack',
      'incidents.Switch',
    ]);
    await expect(run(policy(flow), { checks: { MA002: () => true } })).rejects.toThrow(MigrationUsageError);
    await expect(run(policy(flow), { checks: { MA002: () => true } })).rejects.toThrow('no handler `arrivals.Rfs`');
  });
});

describe('options', () => {
  it('reject an unknown cohort or group, or a bad attempt number, as usage errors', async () => {
    await expect(run(policy([]), {}, { cohort: 'Nope' })).rejects.toThrow('the policy has no cohort `Nope`');
    await expect(run(policy([]), {}, { group: 'Nope' })).rejects.toThrow('cohort `C` has no group `Nope`');
    await expect(run(policy([]), {}, { migrationAttempt: 0 })).rejects.toThrow(MigrationUsageError);
  });

  it('reject a retry strategy with no end as a usage error', async () => {
    const flow = [step('S', { retry: 'Forever' })];
    const retries = { Forever: retry({ tiers: ['every 5m'] }) };
    await expect(run(policy(flow, { retries }), { steps: { S: sequence('transient') } })).rejects.toThrow(
      'retry strategy `Forever` is unbounded',
    );
  });
});

describe('checks and guards', () => {
  const epcl = check('MA110', (installation) => installation['epclListed'] === true);

  it('fail the installation with the check code and its reports', async () => {
    const flow = [epcl, step('S')];
    const errors = { MA110: { resubmit: true, responsible: 'Supplier', reports: ['MRR6'] } };
    const { migrate } = await import('../../runtime/index.js');
    const result = await migrate(policy(flow, { errors }), { epclListed: false }, { cohort: 'C', handlers: {} });
    expect(rows(result)).toEqual(['0s check-failed (MA110)', '0s failed (MA110)']);
    expect(result.outcome).toEqual({
      status: 'failed',
      code: 'MA110',
      reports: ['MRR6'],
      resubmittable: true,
      excluded: false,
      responsible: 'Supplier',
      at: 0,
      step: null,
      cause: 'check',
    });
  });

  it('ask the handler for an external check, failing it when the handler fails', async () => {
    const flow = [check('MA002', null), step('S')];
    const passed = await run(policy(flow), { checks: { MA002: async () => true }, steps: { S: sequence('ok') } });
    expect(rows(passed)[0]).toBe('0s check-passed (MA002)');
    const thrown = await run(policy(flow), {
      checks: {
        MA002: () => {
          throw new Error('offline');
        },
      },
    });
    expect(rows(thrown)).toEqual(['0s check-failed (MA002: handler threw `offline`)', '0s failed (MA002)']);
  });

  it('skip checks and steps whose guard is false', async () => {
    const flow = [
      check('MA110', () => false, (_installation, membership) => membership.group === 'G'),
      step('Secure', { guard: (_installation, membership) => membership.group === 'G' }),
      step('Plain'),
    ];
    const result = await run(policy(flow), { steps: { Plain: sequence('ok') } });
    expect(rows(result)).toEqual([
      '0s skip (MA110)',
      '0s skip Secure',
      '0s attempt Plain #1',
      '0s ok Plain #1',
      '0s migrated',
    ]);
  });
});
