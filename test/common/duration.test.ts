import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../common/duration.js';

describe('parseDuration', () => {
  it('reads digits and units, largest or smallest first', () => {
    expect(['2m', '1h30m', '250ms', '1d', '0s', '1s500ms', '30m1h'].map(parseDuration)).toEqual([120_000, 5_400_000, 250, 86_400_000, 0, 1_500, 5_400_000]);
  });

  it('refuses anything else, and totals past the safe integers', () => {
    expect(['2', 'm', '1.5h', '', ' 2m', '2m ', '-2m', '2M', '9007199254740993ms'].map(parseDuration)).toEqual(Array(9).fill(undefined));
  });
});

describe('formatDuration', () => {
  it('writes what policies write, hours not folded into days', () => {
    expect([0, 300_000, 4_500_000, 172_800_000, 171_900_000, 1_500, 360_000_000].map(formatDuration)).toEqual(['0s', '5m', '1h15m', '48h', '47h45m', '1s500ms', '100h']);
  });

  it('keeps fractions of a millisecond to three places, and says never for infinity', () => {
    expect([0.5, 1000.25, Infinity, -60_000].map(formatDuration)).toEqual(['0.5ms', '1s0.25ms', 'never', '-1m']);
  });

  it('is the inverse of parseDuration on whole milliseconds', () => {
    for (const ms of [0, 1, 999, 1_000, 59_999, 3_600_001, 123_456_789]) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
