import { describe, expect, it } from 'vitest';
import type { IncidentHandler } from '../../runtime/index.js';
import { attemptTimes, incident, ms, policy, retry, rows, run, sequence, step, type Inst } from './builder.js';

const resolvedAt =
  (at: string, resolvedBy = 'DSP'): IncidentHandler<Inst> =>
  () => ({ resolvedBy, at: ms(at) });
const flowWith = (then: 'continue' | 'retry' | 'fail') => {
  const action = incident(['S1SP', 'DSP'], then, 'MA122', 'MA123');
  return [
    step('UpdateChf', { retry: 'Short', produces: ['Chf'], mayFail: ['MA7'], onFailure: action, onExhausted: action }),
    step('Generate'),
  ];
};
const retries = { Short: retry({ tiers: ['1 every 5m'] }) };

describe('incidents', () => {
  it('continue as if the step had succeeded, at the resolution time', async () => {
    const result = await run(policy(flowWith('continue'), { retries }), {
      steps: { UpdateChf: sequence('permanent'), Generate: sequence('ok') },
      incidents: { UpdateChf: resolvedAt('2h') },
    });
    expect(rows(result)).toEqual([
      '0s attempt UpdateChf #1',
      '0s permanent UpdateChf #1',
      '0s incident UpdateChf (resolved by S1SP or DSP)',
      '2h resolved UpdateChf (by DSP, then continue)',
      '2h attempt Generate #1',
      '2h ok Generate #1',
      '2h migrated',
    ]);
    expect(result.artefacts).toEqual({ Chf: ms('2h') });
  });

  it('retry the step once with a fresh schedule', async () => {
    const result = await run(policy(flowWith('retry'), { retries }), {
      steps: { UpdateChf: sequence('transient', 'transient', 'transient', 'ok'), Generate: sequence('ok') },
      incidents: { UpdateChf: resolvedAt('1h') },
    });
    expect(attemptTimes(result, 'UpdateChf')).toEqual(['0s', '5m', '1h', '1h5m']);
    expect(rows(result)).toContain('1h resolved UpdateChf (by DSP, then retry)');
    expect(result.outcome).toEqual({ status: 'migrated', at: ms('1h5m') });
  });

  it('fail with the code when the retried step fails again', async () => {
    const result = await run(policy(flowWith('retry'), { retries }), {
      steps: { UpdateChf: sequence('permanent'), Generate: sequence('ok') },
      incidents: { UpdateChf: resolvedAt('1h') },
    });
    expect(rows(result).slice(-4)).toEqual([
      '1h resolved UpdateChf (by DSP, then retry)',
      '1h attempt UpdateChf #1',
      '1h permanent UpdateChf #1',
      '1h failed UpdateChf (MA122)',
    ]);
  });

  it('fail with the code on `then fail`, or with the code the handler named', async () => {
    const handlers = { incidents: { UpdateChf: resolvedAt('3h', 'S1SP') } };
    const plain = await run(policy(flowWith('fail'), { retries }), {
      ...handlers,
      steps: { UpdateChf: sequence('permanent') },
    });
    expect(plain.outcome).toMatchObject({ status: 'failed', code: 'MA122', at: ms('3h'), cause: 'permanent' });
    const named = await run(policy(flowWith('fail'), { retries }), {
      ...handlers,
      steps: { UpdateChf: sequence({ status: 'permanent', code: 'MA7' }) },
    });
    expect(named.outcome).toMatchObject({ status: 'failed', code: 'MA7' });
  });

  it('fail with the else code when nobody resolves the incident', async () => {
    const unresolved: [string, IncidentHandler<Inst>, string][] = [
      ['null', () => null, 'nobody resolved it'],
      ['throw', () => { throw new Error('down'); }, 'threw `down`'],
      ['wrong party', resolvedAt('1h', 'SMSO'), '`SMSO` may not resolve it'],
      ['hang', () => new Promise(() => {}), 'did not settle within 20ms'],
    ];
    for (const [, handler, detail] of unresolved) {
      const result = await run(
        policy(flowWith('continue'), { retries }),
        { steps: { UpdateChf: sequence('permanent') }, incidents: { UpdateChf: handler } },
        { handlerTimeoutMs: 20 },
      );
      expect(rows(result).slice(-2)).toEqual([`0s unresolved UpdateChf (${detail})`, '0s failed UpdateChf (MA123)']);
    }
  });

  it('never move time back for a resolution dated in the past', async () => {
    const result = await run(policy(flowWith('continue'), { retries }), {
      steps: { UpdateChf: sequence({ status: 'permanent', duration: ms('1h') }), Generate: sequence('ok') },
      incidents: { UpdateChf: resolvedAt('10m') },
    });
    expect(rows(result)).toContain('1h resolved UpdateChf (by DSP, then continue)');
    expect(result.artefacts).toEqual({ Chf: ms('1h') });
  });
});
