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
export { migrate, missingHandlers, type MigrateOptions, type MigrateSettings, type HandlersFor } from './migrate/index.js';

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

/** The one error the runtime throws, for a caller's misuse. */
export { MigrationUsageError } from './errors.js';

/** Simulating many installations against a fault model; see `docs/simulation.md`. */
export * from './simulate/index.js';

/** Fault models: validation with errors naming the field, and handlers that draw from a model for `migrate`; see `docs/fault-model.md`. */
export * from './fault-model/index.js';

/** Campaigns: a whole estate migrated day by day within a capacity, with resubmissions and exclusion; see `docs/campaign.md`. */
export * from './campaign/index.js';
