import { describe, it } from 'vitest';
import { ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['empty-retry']);

describe('retry-has-tiers', () => {
  it('reports a strategy with no tier, at its name', () => {
    expectErrors(`retry Empty ref "1" { within 1h }`, [['empty-retry', 'Empty']]);
  });

  it('reports nothing else about an empty strategy', () => {
    expectErrors(`retry Empty ref "1" { attempts 3 timeout 1m jitter full }`, [['empty-retry', 'Empty']]);
  });

  it('accepts a strategy with one tier', () => {
    expectValid(`retry One ref "1" { tier only: 3 retries every 5m }`);
  });
});
