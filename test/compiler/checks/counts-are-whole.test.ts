import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['invalid-count']);

describe('counts-are-whole', () => {
  it('reports a tier count of zero or with a fraction, at the count', () => {
    expectErrors(`retry Z ref "1" { tier a: 0 retries every 1m }`, [['invalid-count', '0']]);
    expectErrors(`retry F ref "1" { tier a: 1.5 retries every 1m }`, [['invalid-count', '1.5']]);
  });

  it('names what is counted', () => {
    const [found] = compileSnippet(`retry F ref "1" { tier short: 1.5 retries every 1m }`).filter((d) => d.code === 'invalid-count');
    expect(found?.message).toBe('the retry count of tier `short` must be a whole number greater than 0');
    expect(found?.help).toBe('write a whole number such as `2`');
  });

  it('reports an `attempts` limit of zero, and nothing about the timeline', () => {
    expectErrors(`retry Z ref "1" { tier a: 3 retries every 1m attempts 0 }`, [['invalid-count', '0']]);
  });

  it('reports an `exclude` count that is not whole', () => {
    expectErrors(`exclude after 2.5 failed attempts ref "1"`, [['invalid-count', '2.5']]);
  });

  it('accepts whole positive counts', () => {
    expectValid(`retry W ref "1" { tier a: 3 retries every 1m attempts 4 }\nexclude after 5 failed attempts ref "1"`);
  });
});
