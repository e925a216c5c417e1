/**
 * A retry strategy's attempt timeline as a Mermaid gantt chart: one
 * diamond per attempt on a time axis from the first attempt, one row per
 * tier (a tier of more than `dotsPerTier` attempts drawn as one bar), and
 * the instant the step is exhausted. With jitter, the earliest timeline
 * (every draw at its minimum) and the latest (every draw at its maximum)
 * are drawn one above the other.
 *
 * Gantt charts work in calendar time. The chart's time 0 is 1 January 2000
 * at midnight, written without a zone: Mermaid reads and prints it in the
 * reader's own zone, so the axis shows the time since the first attempt
 * (`00:45`, or `day 2 23:45` past the first day) wherever it is read.
 */
import { formatDuration } from '../../common/duration.js';
import type { RetryModel, TierModel } from '../model.js';
import { retryTimeline, type Draws, type PlannedAttempt, type RetryTimeline } from '../retry-timeline.js';
import { mermaidPlain } from './mermaid-text.js';

/** Above this many attempts, a tier is drawn as one bar rather than one diamond each. */
export const dotsPerTier = 120;

/** The timelines a picture of the strategy shows: one without jitter, else the earliest and the latest. */
export function retryTimelines(retry: RetryModel): { readonly draws: Draws; readonly timeline: RetryTimeline }[] {
  const earliest = { draws: 'earliest' as const, timeline: retryTimeline(retry, 'earliest') };
  return retry.jitter.kind === 'none' ? [earliest] : [earliest, { draws: 'latest', timeline: retryTimeline(retry, 'latest') }];
}

/** Tier styles in turn; `crit` (red) is kept for the instant the step is exhausted. */
const tierTags = ['', 'active, ', 'done, '];

export function retryDiagram(retry: RetryModel): string {
  const timelines = retryTimelines(retry);
  const span = Math.max(1, ...timelines.map(({ timeline }) => Math.max(timeline.exhaustedAt, timeline.attempts.at(-1)?.at ?? 0)));
  const lines = [
    '---',
    'config:',
    '  gantt:',
    '    displayMode: compact',
    '    leftPadding: 130',
    '---',
    'gantt',
    `  accTitle: ${mermaidPlain(`Attempts of the retry strategy ${retry.name}`)}`,
    `  accDescr: ${mermaidPlain(`When each attempt is made if every attempt fails, from the first attempt to the instant the step is exhausted`)}`,
    '  dateFormat YYYY-MM-DD HH:mm:ss.SSS',
    `  axisFormat ${axisFormat(span)}`,
    '  todayMarker off',
  ];
  const jitter = timelines.length > 1;
  for (const { draws, timeline } of timelines) {
    const suffix = jitter ? ` (${draws})` : '';
    for (const [index, { tier, attempts }] of byTier(retry, timeline.attempts).entries()) {
      if (attempts.length === 0) continue;
      lines.push(`  section ${mermaidPlain(`${tier?.name ?? 'first attempt'}${suffix}`)}`);
      lines.push(...tierTasks(attempts, tierTags[index % tierTags.length]!, span));
    }
  }
  // One row for the end when the timelines share it, else one each, so their labels do not collide.
  const ends = sameEnd(timelines) ? [{ suffix: '', at: timelines[0]!.timeline.exhaustedAt }] : timelines.map(({ draws, timeline }) => ({ suffix: ` (${draws})`, at: timeline.exhaustedAt }));
  for (const { suffix, at } of ends) {
    lines.push(`  section exhausted${suffix}`, `  ${formatDuration(at)} :milestone, crit, ${calendarTime(at)}, 0ms`);
  }
  return `${lines.join('\n')}\n`;
}

function sameEnd(timelines: readonly { readonly timeline: RetryTimeline }[]): boolean {
  return new Set(timelines.map(({ timeline }) => timeline.exhaustedAt)).size === 1;
}

/** The attempts of each tier in order; the first attempt goes with the first tier. */
function byTier(retry: RetryModel, attempts: readonly PlannedAttempt[]): { tier: TierModel | undefined; attempts: PlannedAttempt[] }[] {
  const groups = retry.tiers.map((tier) => ({ tier: tier as TierModel | undefined, attempts: [] as PlannedAttempt[] }));
  if (groups.length === 0) groups.push({ tier: undefined, attempts: [] });
  for (const attempt of attempts) {
    const index = attempt.tier === undefined ? 0 : retry.tiers.indexOf(attempt.tier);
    groups[index]!.attempts.push(attempt);
  }
  return groups;
}

/**
 * One diamond per attempt, labelled with its number unless it would crowd
 * the label before it; a crowded tier is one bar from its first attempt to
 * its last.
 */
function tierTasks(attempts: readonly PlannedAttempt[], tag: string, span: number): string[] {
  const first = attempts[0]!;
  const last = attempts.at(-1)!;
  if (attempts.length > dotsPerTier) {
    const label = `attempts ${first.number} to ${last.number}`;
    return [`  ${label} :${tag}${calendarTime(first.at)}, ${calendarTime(last.at)}`];
  }
  const room = span / 40;
  let labelledAt = -Infinity;
  return attempts.map((attempt) => {
    const labelled = attempt.at - labelledAt >= room;
    if (labelled) labelledAt = attempt.at;
    // `#160;` is a no-break space: Mermaid needs some name for a task.
    return `  ${labelled ? String(attempt.number) : '#160;'} :milestone, ${tag}${calendarTime(attempt.at)}, 0ms`;
  });
}

/** Milliseconds after the first attempt as a time of 1 January 2000 onwards, without a zone. */
export function calendarTime(milliseconds: number): string {
  const date = new Date(Date.UTC(2000, 0, 1) + Math.round(milliseconds));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

/** An axis that reads as time since the first attempt, fine enough for the span. */
export function axisFormat(span: number): string {
  if (span >= 86_400_000) return 'day %-j %H:%M';
  if (span >= 600_000) return '%H:%M';
  if (span >= 10_000) return '%H:%M:%S';
  return '%M:%S.%L';
}
