import { describe, expect, it } from 'vitest';
import { attemptTimes, deadline, fail, ms, policy, retry, rows, run, sequence, step } from './builder.js';

const retries = {
  Half: retry({ tiers: ['every 30m'], within: '48h' }),
  Three: retry({ tiers: ['every 30m'], within: '2h', attempts: 3 }),
};
const produceMvf = step('GenerateMvf', { produces: ['MVF'] });

describe('deadlines', () => {
  it('fail at the deadline instant while the step waits to retry', async () => {
    const flow = [produceMvf, step('Switch', { retry: 'Half', deadlines: [deadline('1h10m', 'MVF', fail('MP201'))] })];
    const result = await run(policy(flow, { retries }), {
      steps: { GenerateMvf: sequence('ok'), Switch: sequence('transient') },
    });
    expect(rows(result).slice(-4)).toEqual([
      '1h attempt Switch #3',
      '1h transient Switch #3',
      '1h10m deadline Switch (1h10m after MVF)',
      '1h10m failed Switch (MP201)',
    ]);
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'MP201', cause: 'deadline', at: ms('1h10m') });
  });

  it('fail at the deadline instant while the step awaits an artefact', async () => {
    const flow = [
      produceMvf,
      step('Switch', { await: 'RequiredFileSet', deadlines: [deadline('24h', 'MVF', fail('MP201'))] }),
    ];
    const result = await run(policy(flow), {
      steps: { GenerateMvf: sequence('ok'), Switch: sequence('ok') },
      arrivals: { RequiredFileSet: () => ms('30h') },
    });
    expect(rows(result)).toEqual([
      '0s attempt GenerateMvf #1',
      '0s ok GenerateMvf #1',
      '0s await Switch (RequiredFileSet)',
      '24h deadline Switch (24h after MVF)',
      '24h failed Switch (MP201)',
    ]);
  });

  it('let the step run once the artefact arrives in time, stamping its arrival', async () => {
    const flow = [
      produceMvf,
      step('Switch', { await: 'RequiredFileSet', deadlines: [deadline('24h', 'MVF', fail('MP201'))] }),
    ];
    const result = await run(policy(flow), {
      steps: { GenerateMvf: sequence('ok'), Switch: sequence('ok') },
      arrivals: { RequiredFileSet: async () => ms('20h') },
    });
    expect(rows(result).slice(2)).toEqual([
      '0s await Switch (RequiredFileSet)',
      '20h arrival Switch (RequiredFileSet)',
      '20h attempt Switch #1',
      '20h ok Switch #1',
      '20h migrated',
    ]);
    expect(result.artefacts).toEqual({ MVF: 0, RequiredFileSet: ms('20h') });
  });

  it('fail at the deadline when the artefact never arrives, and at once when no deadline applies', async () => {
    const withDeadline = [produceMvf, step('Switch', { await: 'Rfs', deadlines: [deadline('24h', 'MVF', fail('MP201'))] })];
    const handlers = { steps: { GenerateMvf: sequence('ok'), Switch: sequence('ok') }, arrivals: { Rfs: () => null } };
    expect((await run(policy(withDeadline), handlers)).outcome).toMatchObject({ code: 'MP201', at: ms('24h') });

    const without = [step('Switch', { await: 'Rfs', onFailure: fail('MP202') })];
    const result = await run(policy(without), handlers);
    expect(rows(result)).toEqual([
      '0s await Switch (Rfs)',
      '0s no-arrival Switch (Rfs: it never arrives)',
      '0s failed Switch (MP202)',
    ]);
    expect(result.outcome).toMatchObject({ cause: 'permanent' });
  });

  it('fail at once when already past at the start of the step', async () => {
    const flow = [
      step('First'),
      step('Slow', { retry: 'Half' }),
      step('Late', { deadlines: [deadline('1h', 'First', fail('MP300'))] }),
    ];
    const result = await run(policy(flow, { retries }), {
      steps: { First: sequence('ok'), Slow: sequence('transient', 'transient', 'transient', 'ok'), Late: sequence('ok') },
    });
    expect(rows(result).slice(-2)).toEqual(['1h30m deadline Late (1h after First)', '1h30m failed Late (MP300)']);
    expect(attemptTimes(result, 'Late')).toEqual([]);
  });

  it('do not apply while their anchor has no time', async () => {
    const flow = [step('Switch', { retry: 'Half', deadlines: [deadline('10m', 'NeverProduced', fail('MP201'))] })];
    const result = await run(policy(flow, { retries }), { steps: { Switch: sequence('transient', 'ok') } });
    expect(result.outcome).toEqual({ status: 'migrated', at: ms('30m') });
  });

  it('interrupt an attempt still running when they pass', async () => {
    const flow = [produceMvf, step('Switch', { deadlines: [deadline('1h', 'MVF', fail('MP201'))] })];
    const result = await run(policy(flow), {
      steps: { GenerateMvf: sequence('ok'), Switch: sequence({ status: 'ok', duration: ms('2h') }) },
    });
    expect(rows(result).slice(-3)).toEqual([
      '0s attempt Switch #1',
      '1h deadline Switch (1h after MVF)',
      '1h failed Switch (MP201)',
    ]);
  });

  it('still allow an attempt exactly at the deadline instant', async () => {
    const flow = [produceMvf, step('Switch', { retry: 'Half', deadlines: [deadline('1h', 'MVF', fail('MP201'))] })];
    const result = await run(policy(flow, { retries }), {
      steps: { GenerateMvf: sequence('ok'), Switch: sequence('transient', 'transient', 'ok') },
    });
    expect(attemptTimes(result, 'Switch')).toEqual(['0s', '30m', '1h']);
    expect(result.outcome).toEqual({ status: 'migrated', at: ms('1h') });
  });

  it('fire before a `within` period would have ended the retries', async () => {
    const flow = [produceMvf, step('Switch', { retry: 'Three', deadlines: [deadline('1h45m', 'MVF', fail('MP201'))] })];
    const result = await run(policy(flow, { retries }), {
      steps: { GenerateMvf: sequence('ok'), Switch: sequence('transient') },
    });
    expect(attemptTimes(result, 'Switch')).toEqual(['0s', '30m', '1h']);
    expect(result.outcome).toMatchObject({ code: 'MP201', cause: 'deadline', at: ms('1h45m') });
  });

  it('may be anchored on the awaited artefact itself, even one that arrived long ago', async () => {
    const switchStep = step('Switch', { await: 'Rfs', deadlines: [deadline('30m', 'Rfs', fail('MP201'))] });
    const onTime = await run(policy([switchStep]), {
      steps: { Switch: sequence('ok') },
      arrivals: { Rfs: () => ms('1h') },
    });
    expect(onTime.outcome).toEqual({ status: 'migrated', at: ms('1h') });

    const flow = [step('Wait', { retry: 'Three' }), switchStep];
    const late = await run(policy(flow, { retries }), {
      steps: { Wait: sequence('transient', 'transient', 'ok'), Switch: sequence('ok') },
      arrivals: { Rfs: () => 0 },
    });
    expect(rows(late).slice(-4)).toEqual([
      '1h await Switch (Rfs)',
      '1h arrival Switch (Rfs)',
      '1h deadline Switch (30m after Rfs)',
      '1h failed Switch (MP201)',
    ]);
    expect(late.artefacts).toEqual({ Rfs: 0 });
  });
});
