/**
 * The timeline of a run: one event for everything that happens, in order,
 * with times that never go backwards.
 */

/**
 * What an event records. Steps: `attempt` (an attempt starts; attempts from
 * 2 on are retries), then `ok`, `transient`, `timeout` (longer than the
 * strategy's per-attempt timeout) or `permanent` when it ends; `wait` (until
 * the next attempt, in `detail`); `exhausted`; `deadline`; `await`,
 * `arrival` and `no-arrival` for awaited artefacts; `commit`. Failure
 * handling: `incident`, `resolved`, `unresolved`, `rollback`, `undo`,
 * `undone`, `undo-failed`. Checks: `check-passed`, `check-failed`. Guards:
 * `skip`. With a `timelineLimit`, `omitted` stands for the events left out
 * between the first and the last ones kept. The last event is always the
 * outcome: `migrated`, `failed` or `rolled-back`.
 */
export type TimelineKind =
  | 'skip'
  | 'check-passed'
  | 'check-failed'
  | 'await'
  | 'arrival'
  | 'no-arrival'
  | 'attempt'
  | 'ok'
  | 'transient'
  | 'timeout'
  | 'permanent'
  | 'wait'
  | 'exhausted'
  | 'deadline'
  | 'commit'
  | 'incident'
  | 'resolved'
  | 'unresolved'
  | 'rollback'
  | 'undo'
  | 'undone'
  | 'undo-failed'
  | 'omitted'
  | 'migrated'
  | 'failed'
  | 'rolled-back';

/**
 * One event. `step` names the step it concerns (for `undo` events, the step
 * being undone); `attempt` numbers step attempts from 1; `detail` is a short
 * human note: a check's code, an artefact, a handler's detail, an error code.
 */
export interface TimelineEvent {
  readonly at: number;
  readonly kind: TimelineKind;
  readonly step?: string | undefined;
  readonly attempt?: number | undefined;
  readonly detail?: string | undefined;
}

/** Times in timelines print as policies write durations (`47h45m`, `1s500ms`). */
export { formatDuration as formatTime } from '../common/duration.js';
