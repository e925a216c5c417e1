/**
 * The mpol runtime's public entry: the types a compiled policy is made of,
 * the handler contracts, and the executor that runs a policy for one
 * installation. Emitted policy modules import only this.
 *
 * Invariant: nothing under `runtime/` imports from the rest of the
 * repository, nor from Node built-ins; it runs anywhere `setTimeout` does.
 */
export type * from './policy.js';
export type * from './handlers.js';

/** Runs a compiled policy for one installation; see `docs/runtime.md`. */
export { migrate, type MigrateOptions } from './migrate.js';

/** Outcomes, results and resubmission. */
export {
  nextMigrationAttempt,
  type Outcome,
  type MigratedOutcome,
  type FailedOutcome,
  type RolledBackOutcome,
  type FailureFields,
  type FailureCause,
  type MigrationResult,
} from './outcome.js';

/** Timeline events and the duration format used to print them. */
export { formatTime, type TimelineEvent, type TimelineKind } from './timeline.js';

/** Clocks: the interface a caller may implement, and the default virtual clock. */
export { VirtualClock, type Clock } from './clock.js';

/** The seeded random source jitter draws from. */
export { SeededRandom, type RandomSource } from './random.js';

/** Handler lookup helpers and the one error the runtime throws. */
export { missingHandlers, type HandlersFor } from './handler-table.js';
export { MigrationUsageError } from './errors.js';
