import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['retry-unbounded', 'uncounted-tier-not-last']);

describe('retry-is-bounded', () => {
  it('reports an uncounted last tier with no `within` or `attempts`, at the strategy name', () => {
    expectErrors(`retry Forever ref "1" { tier long: every 30m }`, [['retry-unbounded', 'Forever']]);
  });

  it('points at the tier and says how to bound it', () => {
    const [found] = compileSnippet(`retry Forever ref "1" { tier short: 3 retries every 5m tier long: every 30m }`).filter((d) => d.code === 'retry-unbounded');
    expect(found?.notes).toEqual(['tier long: every 30m']);
    expect(found?.help).toBe('add a total period such as `within 48h`, or an `attempts` limit');
  });

  it('reports an uncounted tier followed by another, once, even without a limit', () => {
    expectErrors(`retry Stuck ref "1" { tier long: every 30m tier short: 3 retries every 5m }`, [['uncounted-tier-not-last', 'long']]);
    expectErrors(`retry Stuck ref "1" { tier long: every 30m tier short: every 5m within 1h }`, [['uncounted-tier-not-last', 'long']]);
  });

  it('accepts an uncounted last tier with a period or a limit', () => {
    expectValid(`retry Ioc ref "1" { tier short: 3 retries every 5m tier long: every 30m within 48h }`);
    expectValid(`retry Capped ref "1" { tier long: every 30m attempts 10 }`);
  });

  it('accepts counted tiers with no limit at all', () => {
    expectValid(`retry Counted ref "1" { tier short: 3 retries every 5m tier long: 2 retries every 1h }`);
  });
});
