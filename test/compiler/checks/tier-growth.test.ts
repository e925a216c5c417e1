import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['invalid-factor', 'cap-without-factor']);

describe('tier-growth', () => {
  it('reports a factor that does not grow, at the factor', () => {
    expectErrors(`retry Flat ref "1" { tier a: 3 retries every 1m factor 1 }`, [['invalid-factor', '1']]);
    expectErrors(`retry Shrinking ref "1" { tier a: 3 retries every 1m factor 0.5 cap 5m }`, [['invalid-factor', '0.5']]);
  });

  it('quotes the factor as written', () => {
    const [found] = compileSnippet(`retry Flat ref "1" { tier a: 3 retries every 1m factor 1.0 }`).filter((d) => d.code === 'invalid-factor');
    expect(found?.message).toBe('factor `1.0` must be greater than 1');
  });

  it('accepts a growing factor, with or without a cap', () => {
    expectValid(`retry Backoff ref "1" { tier a: 6 retries every 1m factor 2 cap 20m tier b: 2 retries every 1m factor 1.5 }`);
  });

  it('leaves a cap after a lost factor to the syntax error', () => {
    expectErrors(`retry Broken ref "1" { tier a: 3 retries every 1m factor cap 5m }`, [['unexpected-token', 'cap']]);
  });

  it('reports a cap on a fixed interval, at the cap', () => {
    expectErrors(`retry Fixed ref "1" { tier a: 3 retries every 1m cap 5m }`, [['cap-without-factor', '5m']]);
  });
});
