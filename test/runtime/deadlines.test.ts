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

describe('arrival deadlines (`await X within D after A else …`)', () => {
  const arrivalDeadline = (within: string, code = 'LATE') => ({ ...deadline(within, 'MVF', fail(code)), arrival: true });
  const switchStep = (spec: Parameters<typeof step>[1] = {}) =>
    step('Switch', { await: 'Rfs', deadlines: [arrivalDeadline('24h')], ...spec });
  const arriving = (at: string | null, switchBehaviour = sequence('ok')) => ({
    steps: { GenerateMvf: sequence({ status: 'ok' as const, duration: ms('30m') }), Switch: switchBehaviour },
    arrivals: { Rfs: () => (at === null ? null : ms(at)) },
  });

  it('bound the arrival only: an artefact in time lets the step take as long as it needs', async () => {
    const slow = sequence({ status: 'ok', duration: ms('5h') });
    const result = await run(policy([produceMvf, switchStep()]), arriving('24h29m', slow));
    expect(rows(result).slice(2)).toEqual([
      '30m await Switch (Rfs)',
      '24h29m arrival Switch (Rfs)',
      '24h29m attempt Switch #1',
      '29h29m ok Switch #1',
      '29h29m migrated',
    ]);
    // The same bound as a step deadline interrupts the slow switch.
    const bounded = await run(policy([produceMvf, step('Switch', { await: 'Rfs', deadlines: [deadline('24h', 'MVF', fail('LATE'))] })]), arriving('24h29m', sequence({ status: 'ok', duration: ms('5h') })));
    expect(bounded.outcome).toMatchObject({ code: 'LATE', at: ms('24h30m') });
  });

  it('take an arrival at exactly the due instant as in time, and one a millisecond later as late, failing at the due instant', async () => {
    const exact = await run(policy([produceMvf, switchStep()]), arriving('24h30m'));
    expect(exact.outcome).toEqual({ status: 'migrated', at: ms('24h30m') });

    const late = await run(policy([produceMvf, switchStep()]), arriving('24h30m1ms'));
    expect(rows(late).slice(-3)).toEqual(['30m await Switch (Rfs)', '24h30m deadline Switch (Rfs within 24h after MVF)', '24h30m failed Switch (LATE)']);
    expect(late.outcome).toMatchObject({ status: 'failed', code: 'LATE', cause: 'deadline', at: ms('24h30m') });
    expect(late.artefacts).toEqual({ MVF: ms('30m') });
  });

  it('fail at the due instant when the artefact never arrives', async () => {
    const result = await run(policy([produceMvf, switchStep()]), arriving(null));
    expect(result.outcome).toMatchObject({ code: 'LATE', cause: 'deadline', at: ms('24h30m') });
  });

  it('judge the arrival time itself: an arrival in time but in the past counts, one after the due instant fails at once', async () => {
    // A slow step before the wait: the switch begins to wait at 30h30m.
    const flow = [produceMvf, step('Slow', { retry: 'Half' }), switchStep()];
    const handlers = (at: string) => ({ ...arriving(at), steps: { ...arriving(at).steps, Slow: sequence({ status: 'ok', duration: ms('30h') }) } });
    const inTime = await run(policy(flow, { retries }), handlers('20h'));
    expect(inTime.outcome).toEqual({ status: 'migrated', at: ms('30h30m') });
    expect(inTime.artefacts).toMatchObject({ Rfs: ms('20h') });

    const late = await run(policy(flow, { retries }), handlers('25h'));
    expect(rows(late).slice(-2)).toEqual(['30h30m deadline Switch (Rfs within 24h after MVF)', '30h30m failed Switch (LATE)']);
  });

  it('judge an artefact that is already there by the time it was stamped', async () => {
    const flow = [produceMvf, step('Early', { await: 'Rfs' }), switchStep()];
    const inTime = await run(policy(flow), { ...arriving('10h'), steps: { ...arriving('10h').steps, Early: sequence('ok') } });
    expect(inTime.outcome).toEqual({ status: 'migrated', at: ms('10h') });

    const late = await run(policy(flow), { ...arriving('30h'), steps: { ...arriving('30h').steps, Early: sequence('ok') } });
    expect(rows(late).slice(-3)).toEqual(['30h ok Early #1', '30h deadline Switch (Rfs within 24h after MVF)', '30h failed Switch (LATE)']);
  });

  it('race the step deadlines while waiting: the earlier fires, the one written first on a tie', async () => {
    const both = (first: 'arrival' | 'step', stepWithin: string) => {
      const arrival = arrivalDeadline('24h', 'ARRIVAL');
      const stepDeadline = deadline(stepWithin, 'MVF', fail('STEP'));
      return policy([produceMvf, step('Switch', { await: 'Rfs', deadlines: first === 'arrival' ? [arrival, stepDeadline] : [stepDeadline, arrival] })]);
    };
    expect((await run(both('arrival', '20h'), arriving('30h'))).outcome).toMatchObject({ code: 'STEP', at: ms('20h30m') });
    expect((await run(both('step', '30h'), arriving('40h'))).outcome).toMatchObject({ code: 'ARRIVAL', at: ms('24h30m') });
    expect((await run(both('arrival', '24h'), arriving('30h'))).outcome).toMatchObject({ code: 'ARRIVAL', at: ms('24h30m') });
    expect((await run(both('step', '24h'), arriving('30h'))).outcome).toMatchObject({ code: 'STEP', at: ms('24h30m') });
  });

  it('do not apply while their anchor has no time', async () => {
    const result = await run(policy([switchStep()]), { steps: { Switch: sequence('ok') }, arrivals: { Rfs: () => ms('48h') } });
    expect(result.outcome).toEqual({ status: 'migrated', at: ms('48h') });
  });
});
