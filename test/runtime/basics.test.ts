import { describe, expect, it } from 'vitest';
import { formatTime, SeededRandom, VirtualClock } from '../../runtime/index.js';
import { ms, policy, rows, run, sequence, step } from './builder.js';

describe('formatTime', () => {
  it('writes times the way policies write durations', () => {
    const cases = [0, ms('5m'), ms('1h15m'), ms('47h45m'), ms('48h'), 1500, 0.25, -ms('1m'), Infinity];
    expect(cases.map(formatTime)).toEqual(['0s', '5m', '1h15m', '47h45m', '48h', '1s500ms', '0.25ms', '-1m', 'never']);
  });
});

describe('VirtualClock', () => {
  it('only moves forward, and only when told to', () => {
    const clock = new VirtualClock(100);
    clock.waitUntil(50);
    expect(clock.now()).toBe(100);
    clock.waitUntil(ms('48h'));
    clock.advance(5);
    expect(clock.now()).toBe(ms('48h') + 5);
  });

  it('can be shared, so a run starts at the clock reading', async () => {
    const clock = new VirtualClock(ms('1h'));
    const result = await run(policy([step('S')]), { steps: { S: sequence({ status: 'ok', duration: ms('1m') }) } }, { clock });
    expect(rows(result)).toEqual(['1h attempt S #1', '1h1m ok S #1', '1h1m migrated']);
    expect(clock.now()).toBe(ms('1h1m'));
  });

  it('may be replaced by a caller clock that waits asynchronously', async () => {
    let time = 0;
    const waits: number[] = [];
    const clock = {
      now: () => time,
      waitUntil: async (until: number) => {
        waits.push(until);
        time = until;
      },
    };
    const result = await run(policy([step('S')]), { steps: { S: sequence({ status: 'ok', duration: 7 }) } }, { clock });
    expect(waits).toEqual([7]);
    expect(result.outcome).toEqual({ status: 'migrated', at: 7 });
  });
});

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 1000 }, () => random.next());
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
    for (const value of draw(3)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    const mean = draw(5).reduce((sum, value) => sum + value, 0) / 1000;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
