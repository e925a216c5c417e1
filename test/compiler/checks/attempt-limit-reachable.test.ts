import { describe, expect, it } from 'vitest';
import { compileSnippet, messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['attempt-limit-unreachable']);

describe('attempt-limit-reachable', () => {
  it('warns about a limit beyond what the tiers make, at the limit', () => {
    // The first attempt and 3 retries: 4 attempts.
    const source = `retry Few ref "1" { tier a: 3 retries every 5m attempts 7 }`;
    expectErrors(source, [['attempt-limit-unreachable', 'attempts 7']]);
    expect(messageOf(source, 'attempt-limit-unreachable')).toBe('the limit of 7 attempts is never reached: the schedule makes at most 4');
  });

  it('warns about a limit beyond what the period allows', () => {
    // Attempts at 0, 30m and 1h fit in the hour: 3 attempts.
    const source = `retry Short ref "1" { tier a: every 30m within 1h attempts 5 }`;
    expect(messageOf(source, 'attempt-limit-unreachable')).toBe('the limit of 5 attempts is never reached: the schedule makes at most 3');
    const [found] = compileSnippet(source).filter((d) => d.code === 'attempt-limit-unreachable');
    expect(found?.notes).toEqual(['within 1h']);
    expect(found?.help).toBe('lower the limit to `attempts 3`, or remove it');
  });

  it('accepts a limit the schedule reaches exactly or passes', () => {
    expectValid(`retry Rotation ref "1" { tier backoff: 5 retries every 1m factor 2 cap 10m attempts 6 jitter 0s..30s }`);
    expectValid(`retry Long ref "1" { tier a: every 5m attempts 10 }`);
    expectValid(`retry Period ref "1" { tier a: every 30m within 1h attempts 3 }`);
  });
});
