import { describe, expect, it } from 'vitest';
import { messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['timeout-exceeds-interval']);

describe('timeout-fits-interval', () => {
  it('warns when the timeout is longer than every interval, at the timeout', () => {
    expectErrors(`retry Slow ref "1" { tier a: 3 retries every 5m timeout 10m }`, [['timeout-exceeds-interval', 'timeout 10m']]);
  });

  it('names the longest interval the schedule uses', () => {
    // Intervals 1m, 2m, 4m, 8m: the longest is 8m.
    const source = `retry Backoff ref "1" { tier a: 4 retries every 1m factor 2 timeout 10m }`;
    expect(messageOf(source, 'timeout-exceeds-interval')).toBe('the attempt timeout of 10m is longer than the 8m interval, so attempts may start late');
  });

  it('accepts a timeout longer than a short tier only, as in the IOC strategy of the reference', () => {
    expectValid(`retry Ioc ref "1" { tier short: 3 retries every 5m tier long: every 30m within 48h timeout 10m }`);
  });

  it('accepts a timeout equal to the interval, and a strategy without retries to delay', () => {
    expectValid(`retry Even ref "1" { tier a: 4 retries every 1m factor 2 timeout 8m }`);
    expectValid(`retry Once ref "1" { tier a: 3 retries every 5m attempts 1 timeout 1h }`);
  });
});
