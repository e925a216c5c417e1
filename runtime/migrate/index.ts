/**
 * The executor: runs a compiled policy's flow for one installation, on a
 * clock it is given (virtual by default), with the handlers a harness
 * supplies, and records every attempt, wait, retry, rollback, incident and
 * outcome in a timeline (docs/runtime.md).
 *
 * `migrate.ts` is the entry; `run.ts` holds one installation's state;
 * `step.ts` and `attempts.ts` run a step's attempts on its retry schedule
 * (`schedule.ts`), bounded by its deadlines (`deadlines.ts`); `check.ts`
 * evaluates checks; `actions.ts`, `failure.ts` and `rollback.ts` carry out
 * what a failure does; `invoke.ts` and `results.ts` call a handler under
 * the real-time guard and read what it returned. The simulator
 * (`../simulate/`) is measured against this folder.
 */
export { migrate, type MigrateOptions, type MigrateSettings } from './migrate.js';
export { missingHandlers, type HandlersFor } from './handler-table.js';
