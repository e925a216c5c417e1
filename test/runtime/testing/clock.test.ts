import { describe, expect, it } from 'vitest';
import { migrate, VirtualClock } from 'mpol/runtime';
import { failTransiently, formatTime, handlers, TestClock } from 'mpol/runtime/testing';
import { policy, retry, step } from '../builder.js';

describe('TestClock', () => {
  it('starts where it is told, and is read and moved in durations', () => {
    const clock = new TestClock('9h');
    expect(clock).toBeInstanceOf(VirtualClock);
    expect(formatTime(clock.now())).toBe('9h');
    clock.advance('1h30m');
    expect(formatTime(clock.now())).toBe('10h30m');
    clock.advanceTo('12h');
    clock.advanceTo('1h');
    expect(formatTime(clock.now())).toBe('12h');
    expect(new TestClock().now()).toBe(0);
    expect(() => clock.advance(-1)).toThrow('is not a duration');
  });

  it('records where a run waited, but not where the test moved it', async () => {
    const retried = policy([step('S', { retry: 'R' })], { retries: { R: retry({ tiers: ['3 every 5m'] }) } });
    const clock = new TestClock('9h');
    const table = handlers(retried, { steps: { S: failTransiently(2, '1m') } });
    const result = await migrate(retried, {}, { cohort: 'C', clock, handlers: table });
    expect(formatTime(result.outcome.at)).toBe('9h11m');
    expect(clock.waits.map(formatTime)).toEqual(['9h1m', '9h5m', '9h6m', '9h10m', '9h11m']);
    clock.advance('1h');
    expect(clock.waits).toHaveLength(5);
  });
});
