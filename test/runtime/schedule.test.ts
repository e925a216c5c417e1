import { describe, expect, it } from 'vitest';
import { attemptTimes, fail, ms, policy, retry, rows, run, sequence, step } from './builder.js';
import { formatTime } from '../../runtime/index.js';

const always = (status: 'transient' | 'ok') => sequence(status);

describe('the retry schedule', () => {
  it('takes the tiers in order: the IOC strategy from docs/language.md', async () => {
    const ioc = retry({ tiers: ['3 every 5m', 'every 30m'], within: '48h' });
    const flow = [step('Commission', { retry: 'Ioc', onExhausted: fail('MA122') })];
    const result = await run(policy(flow, { retries: { Ioc: ioc } }), { steps: { Commission: always('transient') } });
    const times = attemptTimes(result, 'Commission');
    expect(times.slice(0, 6)).toEqual(['0s', '5m', '10m', '15m', '45m', '1h15m']);
    expect(times.at(-1)).toBe('47h45m');
    expect(times).toHaveLength(4 + 95);
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'MA122', cause: 'exhausted', at: ms('48h') });
    expect(rows(result).slice(-3)).toEqual([
      '47h45m transient Commission #99',
      '48h exhausted Commission #99',
      '48h failed Commission (MA122)',
    ]);
  });

  it('records every attempt, wait and the result in the timeline', async () => {
    const flow = [step('Switch', { retry: 'Short' })];
    const retries = { Short: retry({ tiers: ['2 every 5m'] }) };
    const result = await run(policy(flow, { retries }), { steps: { Switch: sequence('transient', 'transient', 'ok') } });
    expect(rows(result)).toEqual([
      '0s attempt Switch #1',
      '0s transient Switch #1',
      '0s wait Switch (until 5m)',
      '5m attempt Switch #2',
      '5m transient Switch #2',
      '5m wait Switch (until 10m)',
      '10m attempt Switch #3',
      '10m ok Switch #3',
      '10m migrated',
    ]);
  });

  it('grows exponential intervals by the factor, never past the cap', async () => {
    const flow = [step('Rotate', { retry: 'Backoff' })];
    const retries = { Backoff: retry({ tiers: ['6 every 1m factor 2 cap 20m'] }) };
    const result = await run(policy(flow, { retries }), { steps: { Rotate: always('transient') } });
    // Waits 1m, 2m, 4m, 8m, 16m, then 32m capped at 20m.
    expect(attemptTimes(result, 'Rotate')).toEqual(['0s', '1m', '3m', '7m', '15m', '31m', '51m']);
    // Without `within`, exhaustion is at the last failed attempt.
    expect(result.outcome).toMatchObject({ status: 'failed', cause: 'exhausted', at: ms('51m') });
  });

  it('stops at the `attempts` limit, the first attempt included', async () => {
    const flow = [step('Rotate', { retry: 'Backoff' })];
    const retries = { Backoff: retry({ tiers: ['every 1m factor 2'], attempts: 5 }) };
    const result = await run(policy(flow, { retries }), { steps: { Rotate: always('transient') } });
    expect(attemptTimes(result, 'Rotate')).toEqual(['0s', '1m', '3m', '7m', '15m']);
    expect(result.outcome).toMatchObject({ at: ms('15m') });
  });

  it('moves from an exponential tier to a fixed one', async () => {
    const flow = [step('S', { retry: 'Mixed' })];
    const retries = { Mixed: retry({ tiers: ['3 every 1m factor 3', '2 every 1h'] }) };
    const result = await run(policy(flow, { retries }), { steps: { S: always('transient') } });
    expect(attemptTimes(result, 'S')).toEqual(['0s', '1m', '4m', '13m', '1h13m', '2h13m']);
  });

  it('makes the last attempt that fits in `within` and is exhausted when the period ends', async () => {
    const flow = [step('S', { retry: 'Ten' })];
    const result = await run(policy(flow, { retries: { Ten: retry({ tiers: ['every 10m'], within: '25m' }) } }), {
      steps: { S: always('transient') },
    });
    expect(attemptTimes(result, 'S')).toEqual(['0s', '10m', '20m']);
    expect(rows(result).slice(-3)).toEqual(['20m transient S #3', '25m exhausted S #3', '25m failed S (E)']);
  });

  it('makes an attempt exactly at the end of `within`', async () => {
    const flow = [step('S', { retry: 'Ten' })];
    const result = await run(policy(flow, { retries: { Ten: retry({ tiers: ['every 10m'], within: '30m' }) } }), {
      steps: { S: always('transient') },
    });
    expect(attemptTimes(result, 'S')).toEqual(['0s', '10m', '20m', '30m']);
    expect(result.outcome.at).toBe(ms('30m'));
  });

  it('stays in retry until `within` ends even when the tiers run out first', async () => {
    const flow = [step('S', { retry: 'Few' })];
    const result = await run(policy(flow, { retries: { Few: retry({ tiers: ['2 every 5m'], within: '1h' }) } }), {
      steps: { S: always('transient') },
    });
    expect(attemptTimes(result, 'S')).toEqual(['0s', '5m', '10m']);
    expect(result.outcome).toMatchObject({ cause: 'exhausted', at: ms('1h') });
  });

  it('measures `within` from the first attempt, not from the start of the run', async () => {
    const flow = [step('Before', { retry: 'Slow' }), step('S', { retry: 'Ten' })];
    const retries = { Slow: retry({ tiers: ['1 every 1h'] }), Ten: retry({ tiers: ['every 10m'], within: '20m' }) };
    const result = await run(policy(flow, { retries }), {
      steps: { Before: sequence('transient', 'ok'), S: always('transient') },
    });
    expect(attemptTimes(result, 'S')).toEqual(['1h', '1h10m', '1h20m']);
    expect(result.outcome.at).toBe(ms('1h20m'));
  });

  it('schedules from the previous scheduled time, and starts late when an attempt overruns', async () => {
    const flow = [step('S', { retry: 'Five' })];
    const retries = { Five: retry({ tiers: ['every 5m'], within: '1h' }) };
    const slowThenQuick = sequence({ status: 'transient', duration: ms('7m') }, 'transient', 'ok');
    const result = await run(policy(flow, { retries }), { steps: { S: slowThenQuick } });
    // Attempt 2 is due at 5m but starts when attempt 1 ends; attempt 3 is still due at 10m.
    expect(attemptTimes(result, 'S')).toEqual(['0s', '7m', '10m']);
  });

  it('makes no attempt after `within` when an overrunning attempt ends past it', async () => {
    const flow = [step('S', { retry: 'Five' })];
    const retries = { Five: retry({ tiers: ['every 5m'], within: '10m' }) };
    const slow = sequence('transient', { status: 'transient', duration: ms('12m') });
    const result = await run(policy(flow, { retries }), { steps: { S: slow } });
    expect(attemptTimes(result, 'S')).toEqual(['0s', '5m']);
    expect(rows(result).slice(-2)).toEqual(['17m exhausted S #2', '17m failed S (E)']);
  });

  it('fails an attempt slower than the per-attempt timeout at start + timeout', async () => {
    const flow = [step('S', { retry: 'Timed' })];
    const retries = { Timed: retry({ tiers: ['2 every 5m'], timeout: '2m' }) };
    const handler = sequence({ status: 'ok', duration: ms('3m') }, { status: 'ok', duration: ms('2m') });
    const result = await run(policy(flow, { retries }), { steps: { S: handler } });
    expect(rows(result)).toEqual([
      '0s attempt S #1',
      '2m timeout S #1 (longer than 2m)',
      '2m wait S (until 5m)',
      '5m attempt S #2',
      '7m ok S #2',
      '7m migrated',
    ]);
  });

  it('gives a step without a strategy one attempt, exhausted at once', async () => {
    const flow = [step('S', { onExhausted: fail('X'), onFailure: fail('Y') })];
    const result = await run(policy(flow), { steps: { S: always('transient') } });
    expect(rows(result)).toEqual(['0s attempt S #1', '0s transient S #1', '0s exhausted S #1', '0s failed S (X)']);
  });
});

describe('jitter', () => {
  const jittered = (jitter: string, seed: number) => {
    const flow = [step('S', { retry: 'J' })];
    const retries = { J: retry({ tiers: ['every 10m'], attempts: 8, jitter }) };
    return run(policy(flow, { retries }), { steps: { S: sequence('transient') } }, { seed });
  };
  const waits = (times: number[]) => times.slice(1).map((time, index) => time - times[index]!);
  const startTimes = (result: Awaited<ReturnType<typeof jittered>>) =>
    result.timeline.filter((event) => event.kind === 'attempt').map((event) => event.at);

  it('gives the same timeline for the same seed and another for another seed', async () => {
    const first = await jittered('full', 42);
    const again = await jittered('full', 42);
    const other = await jittered('full', 43);
    expect(again.timeline).toEqual(first.timeline);
    expect(startTimes(other)).not.toEqual(startTimes(first));
  });

  it('draws full jitter from [0, interval] in whole milliseconds', async () => {
    for (let seed = 0; seed < 50; seed++) {
      for (const wait of waits(startTimes(await jittered('full', seed)))) {
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(ms('10m'));
        expect(Number.isInteger(wait)).toBe(true);
      }
    }
  });

  it('adds a range jitter drawn from [A, B] to each interval', async () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 50; seed++) {
      for (const wait of waits(startTimes(await jittered('0s..30s', seed)))) {
        expect(wait).toBeGreaterThanOrEqual(ms('10m'));
        expect(wait).toBeLessThanOrEqual(ms('10m') + ms('30s'));
        seen.add(wait);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it('keeps exact intervals with jitter none, whatever the seed', async () => {
    const result = await jittered('none', 7);
    expect(startTimes(result).map(formatTime)).toEqual(['0s', '10m', '20m', '30m', '40m', '50m', '1h', '1h10m']);
  });
});
