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

/** Simulating many installations against a fault model; see `docs/simulation.md` and `docs/fault-model.md`. */
export { simulate } from './simulate.js';
export { simulateOne, type SimulatedInstallation } from './simulate-one.js';
export type { SimulationOptions, InstallationGenerator, GeneratedInstallation } from './simulate-options.js';
export type { SimulationResult, PopulationSummary, OutcomeCounts, SampleTimeline, Percentiles } from './simulate-result.js';
export { formatSummary } from './simulate-report.js';
export { SimulationBug } from './simulate-invariants.js';
export { installationSeed, jitterSeed } from './simulate-seed.js';

/** Fault models: validation with errors naming the field, and handlers that draw from a model for `migrate`. */
export {
  validateFaultModel,
  formatFaultModelError,
  type FaultModelValidation,
  type FaultModelError,
} from './fault-model-validate.js';
export type {
  FaultModel,
  Distribution,
  StepFaults,
  CheckFaults,
  ArtefactFaults,
  PartyFaults,
  UndoFaults,
  FieldSpec,
} from './fault-model.js';
export { faultHandlers, drawInstallation } from './fault-handlers.js';
