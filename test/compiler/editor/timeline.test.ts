// Retry timelines in words.
import { describe, expect, it } from 'vitest';
import { describeTimeline, lastAttemptBy, retryOf, summarizeTimeline, type RetryModel } from '../../../compiler/index.js';
import { parse, type RetryDecl } from '../../../grammar/index.js';

function strategy(body: string): RetryModel {
  const tree = parse(`retry S { ${body} }`, 'f').tree;
  return retryOf('f', tree.items[0] as RetryDecl);
}

describe('retry timelines in words', () => {
  it('lists a short schedule whole', () => {
    expect(describeTimeline(strategy('tier t: 2 retries every 1m'))).toBe('attempt 1 at 0s, 2 at 1m, 3 at 2m; gives up at 2m');
  });

  it('lists the first attempts and the last two of a long one, and gives up at the end of the period', () => {
    expect(describeTimeline(strategy('tier short: 3 retries every 5m  tier long: every 30m  within 48h'))).toBe(
      'attempt 1 at 0s, 2 at 5m, 3 at 10m, 4 at 15m, 5 at 45m, … 98 at 47h15m, 99 at 47h45m; gives up at 48h',
    );
    expect(summarizeTimeline(strategy('tier short: 3 retries every 5m  tier long: every 30m  within 48h'))).toBe('99 attempts over 48h');
  });

  it('says when a schedule is cut off', () => {
    expect(describeTimeline(strategy('tier t: every 1s  within 100h'))).toMatch(/, and more: the schedule is cut off after 10000 attempts$/);
  });

  it('has no timeline for a strategy that is not complete', () => {
    expect(describeTimeline(strategy('within 1h'))).toBeUndefined();
    expect(summarizeTimeline(strategy('tier t: every 1m'))).toBeUndefined();
  });

  it('finds the last attempt that fits before a deadline', () => {
    const retry = strategy('tier short: 3 retries every 5m  tier long: every 30m  within 48h');
    expect(lastAttemptBy(retry, 60 * 60_000)).toMatchObject({ attempt: { number: 5, at: 45 * 60_000 }, all: false });
    expect(lastAttemptBy(retry, 100 * 3_600_000)).toMatchObject({ attempt: { number: 99 }, all: true });
  });
});
