/**
 * `mpol/runtime/testing`: helpers for tests of harnesses and policies.
 * Scripted handlers say what each handler does in a line; `handlers` fills
 * in the rest of a policy's handlers with the happy path; timelines render
 * as tables a test compares with an inline string. See `docs/testing.md`.
 *
 * Invariant: like the rest of `runtime/`, this folder imports only runtime
 * files and no Node built-in or test framework, so it works under any
 * runner; assertions are left to the runner's own `expect`.
 */

/** Durations as policies write them, and the inverse. */
export { duration, formatTime, toMilliseconds, type Duration } from './duration.js';

/** What every scripted handler is, and helpers that fit handlers of any kind. */
export { scripted, throwError, neverSettle, type Scripted } from './scripted.js';

/** Step handlers. */
export {
  succeed,
  failTransiently,
  failAlways,
  failPermanently,
  sequence,
  type ScriptedStep,
  type SequenceItem,
} from './steps.js';

/** External checks, arrivals, incidents and undos. */
export { pass, reject, type ScriptedCheck } from './checks.js';
export { arriveNow, arriveAt, arriveAfter, neverArrive, type ScriptedArrival } from './arrivals.js';
export { resolveBy, leaveUnresolved, type ScriptedIncident } from './incidents.js';
export { undoOk, undoFails, type ScriptedUndo } from './undos.js';

/** Every handler of a policy, happy by default, with the test's overrides. */
export { handlers, type HandlerOverrides } from './handlers.js';

/** A virtual clock that takes duration text and records where the run waited. */
export { TestClock } from './clock.js';

/** Timelines as text. */
export {
  filterTimeline,
  formatEvent,
  timelineRows,
  timelineTable,
  table,
  type TimelineFilter,
} from './timeline.js';
