import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duration, formatTime, toMilliseconds } from 'mpol/runtime/testing';

describe('duration', () => {
  it('reads durations as policies write them', () => {
    expect(duration('1h30m')).toBe(5_400_000);
    expect(duration('250ms')).toBe(250);
    expect(duration('2d')).toBe(172_800_000);
    expect(duration('1m30s500ms')).toBe(90_500);
    expect(duration('0s')).toBe(0);
  });

  it('throws on anything else, naming it', () => {
    for (const text of ['', '10', '1h 30m', '1.5h', 'ten minutes', '-1m', '5mm']) {
      expect(() => duration(text), text).toThrow(`\`${text}\` is not a duration`);
    }
  });

  it('reads back what formatTime writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (milliseconds) => duration(formatTime(milliseconds)) === milliseconds),
    );
  });
});

describe('toMilliseconds', () => {
  it('takes text or milliseconds', () => {
    expect(toMilliseconds('10m')).toBe(600_000);
    expect(toMilliseconds(1_500)).toBe(1_500);
  });

  it('refuses negative and non-finite numbers', () => {
    for (const value of [-1, Number.NaN, Infinity]) expect(() => toMilliseconds(value)).toThrow('is not a duration');
  });
});
