import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from 'mpol/runtime';
import { filterTimeline, formatEvent, table, timelineRows, timelineTable } from 'mpol/runtime/testing';

const timeline: TimelineEvent[] = [
  { at: 0, kind: 'check-passed', detail: 'EX001' },
  { at: 0, kind: 'attempt', step: 'Commission', attempt: 1 },
  { at: 600_000, kind: 'timeout', step: 'Commission', attempt: 1, detail: 'longer than 10m' },
  { at: 600_000, kind: 'wait', step: 'Commission', detail: 'until 10m' },
  { at: 600_000, kind: 'attempt', step: 'Commission', attempt: 2 },
  { at: 660_000, kind: 'ok', step: 'Commission', attempt: 2 },
  { at: 660_000, kind: 'commit', step: 'Commission' },
  { at: 660_000, kind: 'migrated' },
];

describe('timeline rows', () => {
  it('show time, kind, step and attempt, then the detail', () => {
    expect(timelineTable(timeline)).toBe(table`
      0s      check-passed  EX001
      0s      attempt       Commission #1
      10m     timeout       Commission #1: longer than 10m
      10m     wait          Commission: until 10m
      10m     attempt       Commission #2
      11m     ok            Commission #2
      11m     commit        Commission
      11m     migrated
    `);
  });

  it('widen the time column for long times, aligning every row', () => {
    const jittered: TimelineEvent[] = [
      { at: 0, kind: 'attempt', step: 'S', attempt: 1 },
      { at: 77_202, kind: 'attempt', step: 'S', attempt: 2 },
    ];
    expect(timelineRows(jittered)).toEqual(['0s          attempt       S #1', '1m17s202ms  attempt       S #2']);
    expect(formatEvent(jittered[1]!)).toBe('1m17s202ms  attempt       S #2');
  });

  it('filter by kind, by step, or both', () => {
    expect(timelineRows(timeline, { kinds: ['attempt', 'migrated'] })).toEqual([
      '0s      attempt       Commission #1',
      '10m     attempt       Commission #2',
      '11m     migrated',
    ]);
    expect(filterTimeline(timeline, { steps: ['Commission'] })).toHaveLength(6);
    expect(filterTimeline(timeline, { steps: ['Commission'], kinds: ['ok', 'migrated'] })).toEqual([timeline[5]]);
    expect(filterTimeline(timeline, { steps: [] })).toEqual([]);
    expect(timelineTable(timeline, { kinds: ['deadline'] })).toBe('');
  });
});

describe('table', () => {
  it('removes the indentation and the blank first and last lines', () => {
    const text = table`
        first
          indented
        last   
    `;
    expect(text).toBe('first\n  indented\nlast');
  });

  it('keeps blank lines inside, writes interpolations, and leaves one-liners alone', () => {
    const kind = 'ok';
    expect(table`
      a

      b ${kind} ${2}
    `).toBe(`a\n\nb ok 2`);
    expect(table`one line`).toBe('one line');
    expect(table``).toBe('');
  });
});
