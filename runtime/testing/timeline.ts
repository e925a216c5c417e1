/**
 * Timelines as text a test compares with an inline table, so a failing test
 * shows a line-by-line diff of what happened rather than of event objects:
 *
 *     0s      attempt       Commission #1
 *     0s      transient     Commission #1
 *     0s      wait          Commission: until 5m
 *     5m      attempt       Commission #2
 */
import type { TimelineEvent, TimelineKind } from '../timeline.js';
import { formatTime } from './duration.js';

/** Which events to keep; every event when empty. Both lists must match when both are given. */
export interface TimelineFilter {
  /** Keep only events of these kinds. */
  readonly kinds?: readonly TimelineKind[];
  /** Keep only events about these steps (which drops checks and a migrated outcome, which name no step). */
  readonly steps?: readonly string[];
}

// The kind column is as wide as the longest kind (`check-passed`), so a row
// whose kind changes does not re-align the others in a diff. The time column
// grows past `47h45m` only for the jittered times a table actually shows.
const kindWidth = 12;
const timeWidth = 6;

/** The events that pass `filter`, in timeline order. */
export function filterTimeline(timeline: readonly TimelineEvent[], filter: TimelineFilter = {}): TimelineEvent[] {
  const { kinds, steps } = filter;
  return timeline.filter(
    (event) =>
      (kinds === undefined || kinds.includes(event.kind)) &&
      (steps === undefined || (event.step !== undefined && steps.includes(event.step))),
  );
}

/**
 * One row: time, kind, then the step and attempt, then the detail after a
 * colon. Events without a step show the detail alone (`check-passed  EX001`).
 * `timeColumn` is the width the time is padded to.
 */
export function formatEvent(event: TimelineEvent, timeColumn = timeWidth): string {
  let subject = event.step ?? '';
  if (event.attempt !== undefined) subject += ` #${event.attempt}`;
  if (event.detail !== undefined) subject += subject === '' ? event.detail : `: ${event.detail}`;
  const row = `${formatTime(event.at).padEnd(timeColumn)}  ${event.kind.padEnd(kindWidth)}  ${subject}`;
  return row.trimEnd();
}

/** The filtered timeline as aligned rows, for `toEqual` on arrays or for picking rows out. */
export function timelineRows(timeline: readonly TimelineEvent[], filter: TimelineFilter = {}): string[] {
  const events = filterTimeline(timeline, filter);
  const timeColumn = events.reduce((width, event) => Math.max(width, formatTime(event.at).length), timeWidth);
  return events.map((event) => formatEvent(event, timeColumn));
}

/**
 * The filtered timeline as one string of rows, to compare with `toBe`
 * against a `table` literal.
 */
export function timelineTable(timeline: readonly TimelineEvent[], filter: TimelineFilter = {}): string {
  return timelineRows(timeline, filter).join('\n');
}

/**
 * An inline multi-line string, indented to sit in the test: drops the first
 * and last lines when blank, removes the indentation common to every other
 * line, and trailing spaces. Interpolated values are written with `String`.
 */
export function table(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += String(value) + (strings[index + 1] ?? '');
  });
  const lines = text.split('\n').map((line) => line.trimEnd());
  if (lines.length > 1 && lines[0] === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const indents = lines.filter((line) => line !== '').map((line) => line.length - line.trimStart().length);
  const indent = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(indent)).join('\n');
}
