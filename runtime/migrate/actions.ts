/**
 * Failure actions (docs/language.md, "Failure actions"): which action a
 * step's failure leads to, and `fail` and `incident`. `rollback` has its own
 * file.
 */
import { assertNever } from '../errors.js';
import { failed, type StepFailure } from './failure.js';
import { lookupHandler } from './handler-table.js';
import { HandlerFailure, invoke } from './invoke.js';
import type { IncidentHandler } from '../handlers.js';
import type { Outcome } from '../outcome.js';
import type { ActionDefinition, StepNode } from '../policy.js';
import { readResolution } from './results.js';
import { rollback } from './rollback.js';
import type { Run } from './run.js';
import { attemptStep } from './step.js';

type IncidentAction = Extract<ActionDefinition, { kind: 'incident' }>;

/**
 * Runs the action for a step's failure: the deadline's own action, else
 * `onExhausted` or `onFailure`. Returns `null` when an incident resolves
 * with `continue` (or its retry succeeds) and the flow goes on.
 */
export function handleFailure<I>(run: Run<I>, step: StepNode<I>, failure: StepFailure): Promise<Outcome | null> | Outcome {
  const action: ActionDefinition =
    failure.cause === 'deadline'
      ? step.deadlines[failure.deadline]!.action
      : failure.cause === 'exhausted'
        ? step.onExhausted
        : step.onFailure;
  switch (action.kind) {
    case 'fail':
      return failed(run, failure.code ?? action.code, step.name, failure.cause);
    case 'rollback':
      return rollback(run, step.name, failure.code ?? action.code, failure.cause);
    case 'incident':
      return incident(run, step, action, failure);
    default:
      return assertNever(action);
  }
}

/**
 * Pauses the installation until the incident handler says who resolved it
 * and when. Unresolved (null, a handler failure, a party not among the
 * resolvers) fails at once with the `else` code. Deadlines do not interrupt
 * the pause; a `retry` checks them again from the resolution time.
 */
async function incident<I>(
  run: Run<I>,
  step: StepNode<I>,
  action: IncidentAction,
  failure: StepFailure,
): Promise<Outcome | null> {
  run.emit('incident', step.name, undefined, `resolved by ${action.resolvers.join(' or ')}`);
  const handler = lookupHandler<IncidentHandler<I>>(run.handlers, 'incidents', step.name);
  let resolution = invoke(handler, run.incidentContext(step.name, action.resolvers), run.handlerTimeoutMs, (value) => readResolution(value, action.resolvers));
  if (resolution instanceof Promise) resolution = await resolution;
  if (resolution instanceof HandlerFailure) {
    run.emit('unresolved', step.name, undefined, resolution.reason);
    return failed(run, failure.code ?? action.elseCode, step.name, failure.cause);
  }
  await run.advance(resolution.at);
  run.emit('resolved', step.name, undefined, `by ${resolution.resolvedBy}, then ${action.then}`);
  switch (action.then) {
    case 'continue':
      run.complete(step);
      return null;
    case 'fail':
      return failed(run, failure.code ?? action.code, step.name, failure.cause);
    case 'retry': {
      const again = await attemptStep(run, step);
      if (again === null) {
        run.complete(step);
        return null;
      }
      return failed(run, again.code ?? action.code, step.name, again.cause);
    }
    default:
      return assertNever(action.then);
  }
}
