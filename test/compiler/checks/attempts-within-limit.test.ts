import { describe, expect, it } from 'vitest';
import { compileSnippet, messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['too-many-attempts']);

describe('attempts-within-limit', () => {
  it('accepts the IOC strategy: 99 attempts', () => {
    expectValid(`retry Ioc ref "1" { tier short: 3 retries every 5m tier long: every 30m within 48h }`);
  });

  it('reports a strategy retrying every millisecond for two days, with its count and its tier', () => {
    const source = `retry Busy ref "1" { tier t: every 1ms within 48h }`;
    expectErrors(source, [['too-many-attempts', 'Busy']]);
    expect(messageOf(source, 'too-many-attempts')).toBe(
      'retry strategy `Busy` may make 172,800,001 attempts in one step, more than the limit of 10,000 (tier `t` takes it past the limit)',
    );
    const [found] = compileSnippet(source).filter((d) => d.code === 'too-many-attempts');
    expect(found?.notes).toEqual(['tier t: every 1ms']);
    expect(found?.help).toBe('lengthen the interval, shorten `within`, or add `attempts N` with N at most 10,000');
  });

  it('reports an `attempts` limit above the limit that the tiers can reach', () => {
    expect(messageOf(`retry Many ref "1" { tier t: every 1ms attempts 99999999999 }`, 'too-many-attempts')).toBe(
      'retry strategy `Many` may make 99,999,999,999 attempts in one step, more than the limit of 10,000 (tier `t` takes it past the limit)',
    );
  });

  it('names the tier that takes the count past the limit, and counts retries of every tier', () => {
    // 1 + 5,000 + 5,000 attempts by 2h46m40s, then 45 hourly retries before 48h.
    const source = `retry Tiers ref "1" { tier a: 5000 retries every 1s tier b: 5000 retries every 1s tier c: every 1h within 48h }`;
    expect(messageOf(source, 'too-many-attempts')).toBe(
      'retry strategy `Tiers` may make 10,046 attempts in one step, more than the limit of 10,000 (tier `b` takes it past the limit)',
    );
  });

  it('reports a tier that waits nothing until its period ends as unlimited', () => {
    const source = `retry Zero ref "1" { tier t: every 0ms within 48h }`;
    expect(messageOf(source, 'too-many-attempts')).toBe(
      'retry strategy `Zero' + '` may make unlimited attempts in one step, more than the limit of 10,000 (tier `t` takes it past the limit)',
    );
    expect(compileSnippet(source).find((d) => d.code === 'too-many-attempts')?.help).toBe('give tier `t` a wait longer than 0, or add `attempts N` with N at most 10,000');
    // Full jitter may wait nothing every time: only a limit bounds it.
    expectErrors(`retry Full ref "1" { tier t: every 1h within 48h jitter full }`, [['too-many-attempts', 'Full']]);
    expectValid(`retry Full ref "1" { tier t: every 1h within 48h jitter full attempts 50 }`);
  });

  it('accepts exactly the limit, and a tier whose interval grows past the period', () => {
    expectValid(`retry Edge ref "1" { tier t: every 1ms within 9999ms }`);
    expectErrors(`retry Edge ref "1" { tier t: every 1ms within 10s }`, [['too-many-attempts', 'Edge']]);
    expectValid(`retry Grow ref "1" { tier t: every 1ms factor 2 within 48h }`);
  });

  it('leaves a malformed strategy to the check that reports it', () => {
    expectErrors(`retry Open ref "1" { tier t: every 1ms }`, [['retry-unbounded', 'Open']]);
  });
});
