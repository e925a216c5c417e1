// The earliest timeline of a strategy, the schedule the retry checks and the
// language server's hovers share.
import { describe, expect, it } from 'vitest';
import { checkWorkspace, memoryHost, type RetryModel } from '../../../compiler/index.js';
import { attemptCap, firstAttemptAfter, firstScheduledAfter, retryTimeline, scheduleAttempts } from '../../../compiler/retry-timeline.js';
import { formatDuration } from '../../../common/duration.js';

function strategy(body: string): RetryModel {
  const text = `policy T version "1" "T"\nretry S { ${body} }\nmigration {}`;
  return checkWorkspace(['/t.mpol'], memoryHost({ '/t.mpol': text })).policies[0]!.model.retries.get('S')!;
}

const times = (body: string): string[] => retryTimeline(strategy(body)).attempts.map((a) => formatDuration(a.at));

describe('retryTimeline', () => {
  it('gives the IOC strategy of the reference: 0, 5m, 10m, 15m, 45m … 47h45m, exhausted at 48h', () => {
    const timeline = retryTimeline(strategy('tier short: 3 retries every 5m tier long: every 30m within 48h'));
    const shown = timeline.attempts.map((a) => formatDuration(a.at));
    expect(shown.slice(0, 6)).toEqual(['0s', '5m', '10m', '15m', '45m', '1h15m']);
    // The first attempt, 3 short retries and 95 long ones.
    expect(timeline.attempts).toHaveLength(99);
    expect(timeline.attempts.at(-1)).toMatchObject({ retryOfTier: 95, at: 47 * 3_600_000 + 45 * 60_000 });
    expect(timeline.end).toBe('within');
    expect(formatDuration(timeline.exhaustedAt)).toBe('48h');
  });

  it('stops at the `attempts` limit, exhausted at the last attempt without a period', () => {
    const timeline = retryTimeline(strategy('tier a: every 5m attempts 3'));
    expect(timeline.attempts.map((a) => formatDuration(a.at))).toEqual(['0s', '5m', '10m']);
    expect(timeline.end).toBe('attempts');
    expect(formatDuration(timeline.exhaustedAt)).toBe('10m');
  });

  it('grows, caps and jitters intervals', () => {
    expect(times('tier b: 6 retries every 1m factor 2 cap 20m')).toEqual(['0s', '1m', '3m', '7m', '15m', '31m', '51m']);
    expect(times('tier a: 2 retries every 1m jitter 10s..20s')).toEqual(['0s', '1m10s', '2m20s']);
    expect(times('tier a: 2 retries every 1m jitter full')).toEqual(['0s', '0s', '0s']);
  });

  it('is cut off at the cap when the period holds more attempts than it', () => {
    const timeline = retryTimeline(strategy('tier a: every 1s within 48h'));
    expect(timeline.attempts).toHaveLength(attemptCap);
    expect(timeline.end).toBe('cap');
  });
});

describe('firstAttemptAfter and firstScheduledAfter', () => {
  const strategies = [
    'tier short: 3 retries every 5m tier long: every 30m within 48h',
    'tier short: 3 retries every 5m tier long: 200 retries every 30m within 48h attempts 150',
    'tier b: 6 retries every 1m factor 2 cap 20m tier c: 4 retries every 7m jitter 10s..20s',
    'tier a: 2 retries every 1m jitter full tier b: every 1h attempts 5',
    'tier a: 2 retries every 1m jitter full tier b: 3 retries every 1h factor 2 within 1h',
    'tier b: every 1s factor 2 cap 1m within 48h',
    'tier b: 40 retries every 1s factor 1.5 cap 1h tier c: 2 retries every 0s tier d: every 1m within 24h',
  ];
  const times = [-1, 0, 1, 4 * 60_000, 5 * 60_000, 3_600_000, 24 * 3_600_000, 48 * 3_600_000, 100 * 3_600_000];

  // They skip over tiers of fixed waits; a plain search of the schedule is the reference.
  it('agree with a search of the schedule', () => {
    for (const body of strategies) {
      const retry = strategy(body);
      for (const time of times) {
        const scheduled = [...scheduleAttempts(retry)].filter((a) => retry.attempts === undefined || a.number <= retry.attempts);
        expect(firstScheduledAfter(retry, time), `${body} after ${time}`).toEqual(scheduled.find((a) => a.at > time));
        const made = retryTimeline(retry).attempts.find((a) => a.at > time);
        expect(firstAttemptAfter(retry, time), `${body} after ${time}`).toEqual(made);
      }
    }
  });
});
