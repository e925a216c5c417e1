/**
 * `migrate`: runs a compiled policy's flow for one installation and returns
 * its outcome and timeline.
 */
import { own } from '../../common/own.js';
import { handleFailure } from './actions.js';
import { runCheck } from './check.js';
import { VirtualClock, type Clock } from '../clock.js';
import { MigrationUsageError } from '../errors.js';
import { readHandlerGroups, type HandlersFor } from './handler-table.js';
import type { MigrationResult, Outcome } from '../outcome.js';
import type { CompiledPolicy, PopulationChoice, StepNode } from '../policy.js';
import { SeededRandom } from '../random.js';
import { Run, type AnyPolicy } from './run.js';
import { attemptStep } from './step.js';

/**
 * How `migrate` runs an installation: `H` is the handlers type the policy
 * asks for, `P` the cohorts and groups it has (any names, checked when it
 * runs, for a policy without emitted types).
 */
export type MigrateOptions<H, P extends PopulationChoice = PopulationChoice> = MigrateSettings<H> & P;

/** Everything `migrate` takes besides the population (`cohort`, and `group` within it). */
export interface MigrateSettings<H> {
  readonly handlers: H;
  /** The clock the run waits on; a fresh `VirtualClock` at 0 by default. */
  readonly clock?: Clock;
  /** Seed for jitter draws; 0 by default. The same seed gives the same timeline. */
  readonly seed?: number;
  /** Which migration attempt of the installation this is, from 1 (the default). */
  readonly migrationAttempt?: number;
  /** Real milliseconds a handler may take to settle before it counts as failed; 5000 by default. */
  readonly handlerTimeoutMs?: number;
  /**
   * The most events the timeline keeps, from 3; unlimited by default. A longer
   * run keeps its first and last events with one `omitted` event between them.
   */
  readonly timelineLimit?: number;
}

/**
 * Runs `policy.flow` for one installation: checks and steps in order,
 * skipping those whose guard is false, until the flow ends (`migrated`) or a
 * failure ends it (`failed` or `rolled-back`). Expected failures, including
 * handlers that throw or hang, are outcomes; the promise rejects only with a
 * `MigrationUsageError` (a missing handler, an unknown cohort, a malformed
 * policy) or when a guard or predicate itself throws.
 */
export async function migrate<I, H, C extends string, P extends PopulationChoice>(
  policy: CompiledPolicy<I, H, C, P>,
  installation: I,
  options: MigrateOptions<HandlersFor<I, H>, NoInfer<P>>,
): Promise<MigrationResult<C>> {
  const run = startRun(policy, installation, options);
  let outcome: Outcome | null = null;
  for (const node of policy.flow) {
    if (node.guard !== null && !node.guard(installation, run.membership)) {
      if (node.kind === 'step') run.emit('skip', node.name);
      else run.emit('skip', undefined, undefined, node.code);
      continue;
    }
    outcome = node.kind === 'check' ? await runCheck(run, node) : await runStep(run, node);
    if (outcome !== null) break;
  }
  outcome ??= { status: 'migrated', at: run.now };
  if (outcome.status === 'migrated') run.emit('migrated');
  else run.emit(outcome.status, outcome.step ?? undefined, undefined, outcome.code);
  const { artefacts, migrationAttempt } = run;
  // Invariant: every code in an outcome comes from the policy, so it is a `C`.
  return { outcome: outcome as Outcome<C>, timeline: run.timeline.events(), artefacts, migrationAttempt };
}

/** Runs a step whose guard passed: `null` when the flow goes on, else the outcome. */
async function runStep<I>(run: Run<I>, step: StepNode<I>): Promise<Outcome | null> {
  const failure = await attemptStep(run, step);
  if (failure === null) {
    run.complete(step);
    return null;
  }
  return handleFailure(run, step, failure);
}

function startRun<I>(policy: AnyPolicy<I>, installation: I, options: MigrateOptions<unknown>): Run<I> {
  const { handlers, cohort, group = null, seed = 0, migrationAttempt = 1, handlerTimeoutMs = 5000, timelineLimit = Infinity } = options;
  const table = readHandlerGroups(handlers);
  const groups = own(policy.cohorts, cohort)?.groups;
  if (groups === undefined) throw new MigrationUsageError(`the policy has no cohort \`${cohort}\``);
  if (group !== null && !groups.includes(group)) {
    throw new MigrationUsageError(`cohort \`${cohort}\` has no group \`${group}\``);
  }
  if (!Number.isInteger(migrationAttempt) || migrationAttempt < 1) {
    throw new MigrationUsageError('`migrationAttempt` must be a whole number from 1');
  }
  if (!(handlerTimeoutMs > 0 && Number.isFinite(handlerTimeoutMs))) {
    throw new MigrationUsageError('`handlerTimeoutMs` must be a positive number of milliseconds');
  }
  if (timelineLimit !== Infinity && !(Number.isSafeInteger(timelineLimit) && timelineLimit >= 3)) {
    throw new MigrationUsageError('`timelineLimit` must be a whole number from 3');
  }
  const clock = options.clock ?? new VirtualClock(0);
  const random = new SeededRandom(seed);
  const membership = { cohort, group };
  return new Run(policy, installation, membership, table, clock, random, migrationAttempt, handlerTimeoutMs, timelineLimit);
}
