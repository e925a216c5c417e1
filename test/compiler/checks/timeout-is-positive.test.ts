import { describe, expect, it } from 'vitest';
import { messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['zero-timeout']);

describe('timeout-is-positive', () => {
  it('reports a timeout of 0, which the runtime refuses', () => {
    const source = `retry T ref "1" { tier t: 3 retries every 5m timeout 0ms }`;
    expectErrors(source, [['zero-timeout', '0ms']]);
    expect(messageOf(source, 'zero-timeout')).toBe('an attempt `timeout` must be longer than 0');
    expectErrors(`retry T ref "1" { tier t: 3 retries every 5m timeout 0s }`, [['zero-timeout', '0s']]);
  });

  it('accepts any timeout longer than 0', () => {
    expectValid(`retry T ref "1" { tier t: 3 retries every 5m timeout 1ms }`);
  });
});
