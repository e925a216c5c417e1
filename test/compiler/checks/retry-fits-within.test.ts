import { describe, expect, it } from 'vitest';
import { compileSnippet, messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['retry-exceeds-within']);

describe('retry-fits-within', () => {
  it('accepts the IOC strategy: its uncounted long tier runs until the period ends', () => {
    expectValid(`retry Ioc ref "1" { tier short: 3 retries every 5m tier long: every 30m within 48h }`);
  });

  it('reports the first counted retry after the period, at the tier count', () => {
    // Short retries at 5m, 10m, 15m; long retry k at 15m + k × 30m.
    // k = 95 is at 47h45m, inside 48h; k = 96 is at 48h15m, outside.
    const source = `retry Ioc ref "1" { tier short: 3 retries every 5m tier long: 200 retries every 30m within 48h }`;
    expectErrors(source, [['retry-exceeds-within', '200']]);
    expect(messageOf(source, 'retry-exceeds-within')).toBe('retry 96 of tier `long` is scheduled at 48h15m, after the retry period of 48h');
    const [found] = compileSnippet(source).filter((d) => d.code === 'retry-exceeds-within');
    expect(found?.notes).toEqual(['within 48h']);
    expect(found?.help).toBe('only 95 retries of tier `long` fit: write `95 retries`, or lengthen `within`');
  });

  it('makes a retry exactly at the end of the period', () => {
    // Retry 4 at 4 × 15m = 1h: made. Retry 5 at 1h15m: not.
    expectValid(`retry Edge ref "1" { tier a: 4 retries every 15m within 1h }`);
    expect(messageOf(`retry Edge ref "1" { tier a: 5 retries every 15m within 1h }`, 'retry-exceeds-within')).toBe(
      'retry 5 of tier `a` is scheduled at 1h15m, after the retry period of 1h',
    );
  });

  it('grows exponential intervals up to their cap', () => {
    // Intervals 1m, 2m, 4m, 8m, 16m, then 32m capped to 20m: retries at 1m, 3m, 7m, 15m, 31m.
    const source = `retry Backoff ref "1" { tier b: 6 retries every 1m factor 2 cap 20m within 30m }`;
    expect(messageOf(source, 'retry-exceeds-within')).toBe('retry 5 of tier `b` is scheduled at 31m, after the retry period of 30m');
  });

  it('adds the low end of a jitter range to every wait', () => {
    // Waits of at least 50m + 10m: retries at 1h, 2h (made), 3h (outside).
    expectValid(`retry J ref "1" { tier a: 2 retries every 50m jitter 10m..20m within 2h }`);
    expect(messageOf(`retry J ref "1" { tier a: 3 retries every 50m jitter 10m..20m within 2h }`, 'retry-exceeds-within')).toBe(
      'retry 3 of tier `a` is scheduled at 3h, after the retry period of 2h',
    );
  });

  it('takes full jitter at its minimum, a wait of nothing', () => {
    expectValid(`retry Full ref "1" { tier a: 10 retries every 1h jitter full within 2h }`);
  });

  it('ignores retries the `attempts` limit stops first', () => {
    expectValid(`retry Limited ref "1" { tier a: 10 retries every 1h within 2h attempts 3 }`);
  });

  it('reports a later tier that cannot start, naming its first retry', () => {
    const source = `retry Late ref "1" { tier a: 2 retries every 1h tier b: 3 retries every 1m within 2h }`;
    expectErrors(source, [['retry-exceeds-within', '3']]);
    expect(messageOf(source, 'retry-exceeds-within')).toBe('retry 1 of tier `b` is scheduled at 2h1m, after the retry period of 2h');
  });
});
