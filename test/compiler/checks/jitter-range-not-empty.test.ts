import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['invalid-jitter-range']);

describe('jitter-range-not-empty', () => {
  it('reports a range whose low end is above its high end, at the range', () => {
    expectErrors(`retry J ref "1" { tier a: 3 retries every 1m jitter 30s..10s }`, [['invalid-jitter-range', '30s..10s']]);
  });

  it('suggests the range the other way round', () => {
    const [found] = compileSnippet(`retry J ref "1" { tier a: 3 retries every 1m jitter 1m..10s }`).filter((d) => d.code === 'invalid-jitter-range');
    expect(found?.message).toBe('jitter range `1m..10s` is empty: the low end is above the high end');
    expect(found?.help).toBe('did you mean `10s..1m`?');
  });

  it('accepts a range, including one of a single value', () => {
    expectValid(`retry J ref "1" { tier a: 3 retries every 1m jitter 0s..30s }`);
    expectValid(`retry J ref "1" { tier a: 3 retries every 1m jitter 5s..5s }`);
  });
});
