import { describe, expect, it } from 'vitest';
import { compileSnippet, messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['time-too-long', 'flow-too-long']);

describe('times-within-range', () => {
  it('accepts the IOC strategy, and a growing tier bounded by its period whatever it would wait', () => {
    expectValid(`retry Ioc ref "1" { tier short: 3 retries every 5m tier long: every 30m within 48h timeout 10m }`);
    expectValid(`retry Grows ref "1" { tier t: every 1h factor 99999 within 48h }`);
  });

  it('reports a factor whose waits pass 2^53 − 1 ms, with the tier that takes it past', () => {
    // 1h, 99,999h, then 9,999,800,001h: 3.6 × 10^16 ms.
    const source = `retry Huge ref "1" { tier t: 3 retries every 1h factor 99999 }`;
    expectErrors(source, [['time-too-long', 'Huge']]);
    expect(messageOf(source, 'time-too-long')).toBe(
      'retry strategy `Huge` may last longer than about 285,616 years (2^53 − 1 ms) in one step, past which times are not exact (tier `t` takes it past)',
    );
    const [found] = compileSnippet(source).filter((d) => d.code === 'time-too-long');
    expect(found?.notes).toEqual(['tier t: 3 retries every 1h factor 99999']);
  });

  it('counts an `attempts` limit that lets waits double past the limit', () => {
    // 1h × 2^42 is past 2^53 ms; 60 attempts get there.
    expectErrors(`retry Doubling ref "1" { tier t: every 1h factor 2 attempts 60 }`, [['time-too-long', 'Doubling']]);
    expectValid(`retry Doubling ref "1" { tier t: every 1h factor 2 attempts 30 }`);
  });

  it('counts the longest jitter draw and attempts cut at their timeout', () => {
    // Each of 5 retries waits its 1h interval plus up to 3,000,000,000,000,000ms of jitter.
    expectErrors(`retry Jittered ref "1" { tier t: 5 retries every 1h jitter 0ms..3000000000000000ms }`, [['time-too-long', 'Jittered']]);
    expectValid(`retry Jittered ref "1" { tier t: 2 retries every 1h jitter 0ms..3000000000000000ms }`);
    // A timeout longer than every interval is what each retry waits: 4 × 2,500,000,000,000,000ms.
    const timed = `retry Slow ref "1" { tier t: 3 retries every 1h timeout 2500000000000000ms }`;
    // One slip, one diagnostic: no `timeout-exceeds-interval` warning beside the error.
    expect(compileSnippet(timed).filter((d) => d.code !== 'unused-declaration').map((d) => d.code)).toEqual(['time-too-long']);
  });

  it('bounds a go by its period and one timeout only when they fit: past the limit, the waits count', () => {
    expectValid(`retry Long ref "1" { tier t: every 1h within 4000000000000000ms timeout 10m attempts 3 }`);
    expectErrors(`retry Long ref "1" { tier t: every 1h within 5000000000000000ms timeout 5000000000000000ms attempts 3 }`, [['time-too-long', 'Long']]);
  });

  it('leaves a strategy with too many attempts to `too-many-attempts`: one mistake, one error', () => {
    expectErrors(`retry Busy ref "1" { tier t: every 1ms factor 1.000001 attempts 20000 }`, [['too-many-attempts', 'Busy']]);
  });

  it('adds up the steps that run one after another, with the second go of an incident `then retry`', () => {
    // Each go lasts at most 39,000,000 days (3.37 × 10^15 ms): two fit, three do not.
    const steps = (count: number, incident = false) => `retry Long ref "1" { tier t: 3 retries every 13000000d }
migration {
  on failure fail E1
${Array.from({ length: count }, (_, index) => `  step S${index} ref "1" by P { retry Long${index === 1 && incident ? ' on exhausted incident resolved by P then retry else fail E1' : ''} }`).join('\n')}
}`;
    expectValid(steps(2));
    expectErrors(steps(3), [['flow-too-long', 'S2']]);
    expect(messageOf(steps(3), 'flow-too-long')).toBe(
      'the migration may last longer than about 285,616 years (2^53 − 1 ms) by the end of step `S2`, past which times are not exact',
    );
    // The incident gives S1 a second go: S0, S1 twice.
    expectErrors(steps(2, true), [['flow-too-long', 'S1']]);
  });
});
