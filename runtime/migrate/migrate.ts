/**
 * `migrate`: runs a compiled policy's flow for one installation and returns
 * its outcome and timeline.
 */
import { handleFailure } from './actions.js';
import { runCheck } from './check.js';
import type { Clock } from '../clock.js';
import type { HandlersFor } from './handler-table.js';
import { readMigrateOptions } from './options.js';
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
  // Invariant: every code in an outcome comes from the policy, so it is a `C`.
  // The result holds copies only: a handler that calls back after this cannot change it.
  return { outcome: outcome as Outcome<C>, timeline: run.timeline.events(), artefacts: run.artefactsView(), migrationAttempt: run.migrationAttempt };
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

function startRun<I>(policy: AnyPolicy<I>, installation: I, options: unknown): Run<I> {
  const settings = readMigrateOptions(policy, options);
  const { handlers, membership, clock, seed, migrationAttempt, handlerTimeoutMs, timelineLimit } = settings;
  return new Run(policy, installation, membership, handlers, clock, new SeededRandom(seed), migrationAttempt, handlerTimeoutMs, timelineLimit);
}
