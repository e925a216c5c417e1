/**
 * Bounded work and memory in the executor: a strategy that may make more
 * than 10,000 attempts in one step is refused before anything runs, and a
 * timeline can be bounded, as every sampled timeline of a simulation is.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MigrationUsageError, simulate, type TimelineEvent } from '../../runtime/index.js';
import { TimelineRecorder } from '../../runtime/migrate/recorder.js';
import { sampleTimelineLimit } from '../../runtime/simulate/samples.js';
import { policy, retry, rows, run, sequence, step } from './builder.js';

const withStrategy = (spec: Parameters<typeof retry>[0]) => policy([step('A', { retry: 'R' })], { retries: { R: retry(spec) } });
const failing = { steps: { A: sequence('transient') } };

describe('the attempt limit', () => {
  it('refuses a strategy that retries every millisecond for two days, naming the count and the tier', async () => {
    const refused = run(withStrategy({ tiers: ['2 every 1m', 'every 1ms'], within: '48h' }), failing);
    await expect(refused).rejects.toThrow(MigrationUsageError);
    await expect(refused).rejects.toThrow(
      'retry strategy `R` may make 172,680,003 attempts in one step, more than the limit of 10,000 (tier `t2` takes it past the limit)',
    );
  });

  it('refuses an `attempts` limit the tiers can reach above the limit, and a tier that waits nothing', async () => {
    await expect(run(withStrategy({ tiers: ['every 1ms'], attempts: 99_999_999_999 }), failing)).rejects.toThrow('may make 99,999,999,999 attempts');
    await expect(run(withStrategy({ tiers: ['every 0ms'], within: '48h' }), failing)).rejects.toThrow('may make unlimited attempts');
    await expect(run(withStrategy({ tiers: ['every 1h'], within: '48h', jitter: 'full' }), failing)).rejects.toThrow('may make unlimited attempts');
  });

  it('runs a strategy at the limit to its end', async () => {
    const result = await run(withStrategy({ tiers: ['every 1ms'], within: '9999ms' }), failing);
    expect(result.timeline.filter((event) => event.kind === 'attempt')).toHaveLength(10_000);
    expect(result.outcome).toMatchObject({ status: 'failed', cause: 'exhausted', at: 9999 });
  });
});

describe('a bounded timeline', () => {
  const long = withStrategy({ tiers: ['every 1ms'], within: '9999ms' });

  it('keeps the first and the last events, with one `omitted` event saying how many were left out', async () => {
    const full = await run(long, failing);
    const bounded = await run(long, failing, { timelineLimit: 7 });
    expect(rows(bounded)).toEqual([
      ...rows(full).slice(0, 3),
      `1ms omitted (${(full.timeline.length - 6).toLocaleString('en-GB')} events)`,
      ...rows(full).slice(-3),
    ]);
    expect(bounded.outcome).toEqual(full.outcome);
  });

  it('is whole when it fits, and refuses a limit below 3', async () => {
    const full = await run(long, failing);
    expect(JSON.stringify((await run(long, failing, { timelineLimit: full.timeline.length })).timeline)).toBe(JSON.stringify(full.timeline));
    for (const timelineLimit of [2, 0, -1, 1.5, NaN]) {
      await expect(run(long, failing, { timelineLimit })).rejects.toThrow('`timelineLimit` must be a whole number from 3');
    }
  });

  it('bounds every sampled timeline of a simulation', async () => {
    const result = await simulate(long, { faults: { steps: { A: { transient: 1 } } }, cohorts: { C: 3 }, samples: 3 });
    expect(result.samples).toHaveLength(3);
    for (const sample of result.samples) {
      expect(sample.timeline).toHaveLength(sampleTimelineLimit);
      expect(sample.timeline.map((event) => event.kind)).toContain('omitted');
      expect(sample.timeline[sample.timeline.length - 1]).toMatchObject({ kind: 'failed', at: 9999 });
    }
  });
});

describe('the timeline recorder', () => {
  it('keeps every event up to its limit, and otherwise the first, `omitted`, and the last, `limit` in all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 3, max: 20 }), (count, limit) => {
        const events: TimelineEvent[] = Array.from({ length: count }, (_, at) => ({ at, kind: 'attempt' }));
        const recorder = new TimelineRecorder(limit);
        events.forEach((event) => recorder.record(event));
        const kept = recorder.events();
        if (count <= limit) {
          expect(kept).toEqual(events);
          return;
        }
        const head = Math.floor((limit - 1) / 2);
        const tail = limit - 1 - head;
        expect(kept).toEqual([...events.slice(0, head), { at: head, kind: 'omitted', detail: `${count - head - tail} events` }, ...events.slice(count - tail)]);
      }),
    );
  });
});
