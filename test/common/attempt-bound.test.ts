import { describe, expect, it } from 'vitest';
import { attemptLimit, describeAttempts, mostAttempts, type BoundStrategy } from '../../common/attempt-bound.js';

const minute = 60_000;
const hour = 60 * minute;
const none = { kind: 'none' } as const;
const full = { kind: 'full' } as const;

/** Walks the earliest timeline attempt by attempt, as the runtime's schedule would: the reference for small strategies. */
function walk(strategy: BoundStrategy): number {
  let at = 0;
  let count = 1;
  for (const tier of strategy.tiers) {
    for (let k = 1; k <= (tier.count ?? Infinity); k++) {
      if (count >= (strategy.attempts ?? Infinity)) return count;
      const fixed = tier.factor === undefined || tier.factor === null || tier.factor === 1;
      const interval = Math.min(fixed ? tier.every : tier.every * Math.pow(tier.factor!, k - 1), tier.cap ?? Infinity);
      if (!Number.isFinite(interval)) return count;
      at += strategy.jitter.kind === 'none' ? interval : strategy.jitter.kind === 'full' ? 0 : interval + strategy.jitter.low;
      if (at > (strategy.within ?? Infinity)) return count;
      count++;
      if (count > 1_000_000) throw new Error('the reference walk is for small strategies');
    }
  }
  return count;
}

describe('mostAttempts', () => {
  it('counts the IOC strategy: 4 short attempts and 95 long retries', () => {
    const ioc = { tiers: [{ count: 3, every: 5 * minute }, { every: 30 * minute }], within: 48 * hour, jitter: none };
    expect(mostAttempts(ioc)).toEqual({ attempts: 99, exact: true, tier: -1 });
  });

  it('counts a strategy retrying every millisecond for two days, naming the tier that passes the limit', () => {
    const busy = { tiers: [{ count: 2, every: minute }, { every: 1 }], within: 48 * hour, jitter: none };
    const bound = mostAttempts(busy);
    expect(bound).toEqual({ attempts: 3 + (48 * hour - 2 * minute), exact: true, tier: 1 });
    expect(describeAttempts(bound)).toBe('172,680,003');
  });

  it('stops at the attempts limit, however many the tiers would make', () => {
    expect(mostAttempts({ tiers: [{ every: 1 }], within: 48 * hour, attempts: 20, jitter: none })).toEqual({ attempts: 20, exact: true, tier: -1 });
    expect(mostAttempts({ tiers: [{ every: 1 }], attempts: 99_999_999_999, jitter: none }).attempts).toBe(99_999_999_999);
  });

  it('finds no end in a tier that retries for ever at one instant', () => {
    for (const strategy of [
      { tiers: [{ every: 0 }], within: hour, jitter: none },
      { tiers: [{ every: minute, factor: 2, cap: 0 }], within: hour, jitter: none },
      { tiers: [{ every: minute }], within: hour, jitter: full },
      { tiers: [{ every: minute, factor: 2, cap: hour }], within: hour, jitter: full },
    ]) {
      expect(mostAttempts(strategy)).toEqual({ attempts: Infinity, exact: true, tier: 0 });
      expect(describeAttempts(mostAttempts(strategy))).toBe('unlimited');
    }
  });

  it('ends an uncapped growing tier when its interval overflows, as the runtime does', () => {
    // Full jitter waits nothing, but 1ms doubling overflows at 2^1024: 1,024 retries after the first attempt.
    const bound = mostAttempts({ tiers: [{ every: 1, factor: 2 }], within: hour, jitter: full });
    expect(bound).toEqual({ attempts: 1025, exact: true, tier: -1 });
  });

  it('gives a lower bound for a tier still growing past the limit', () => {
    const slow = mostAttempts({ tiers: [{ every: 1, factor: 1.000001 }], within: 48 * hour, jitter: none });
    expect(slow).toEqual({ attempts: attemptLimit + 1, exact: false, tier: 0 });
    expect(describeAttempts(slow)).toBe('more than 10,000');
  });

  it('agrees with a walk of the schedule on small strategies', () => {
    const strategies: BoundStrategy[] = [];
    for (const every of [0, 1, 7 * minute]) {
      for (const factor of [undefined, 1.5, 2]) {
        for (const cap of [undefined, 20 * minute]) {
          for (const jitter of [none, full, { kind: 'range', low: 30_000 } as const]) {
            for (const within of [undefined, 3 * hour]) {
              for (const attempts of [undefined, 7]) {
                strategies.push({ tiers: [{ count: 3, every: minute }, { count: within === undefined && attempts === undefined ? 40 : null, every, factor, cap }], within, attempts, jitter });
              }
            }
          }
        }
      }
    }
    let compared = 0;
    for (const strategy of strategies) {
      const bound = mostAttempts(strategy);
      if (bound.attempts > 100_000 || !bound.exact) continue;
      expect(bound.attempts, JSON.stringify(strategy)).toBe(walk(strategy));
      compared++;
    }
    expect(compared).toBeGreaterThan(strategies.length / 2);
  });
});
