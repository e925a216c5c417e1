/**
 * One go at a step: its deadlines, its awaited artefact, its attempts. What
 * a failure leads to is `actions.ts`.
 */
import { makeAttempts } from './attempts.js';
import { deadlinePassed, missedWhileWaiting, watchDeadlines } from './deadlines.js';
import type { StepFailure } from './failure.js';
import { lookupHandler } from './handler-table.js';
import { HandlerFailure, invoke } from './invoke.js';
import type { ArrivalHandler } from '../handlers.js';
import type { StepNode } from '../policy.js';
import { readArrival } from './results.js';
import type { Run } from './run.js';

/**
 * One go at a step with a fresh schedule: a step deadline already past
 * fails at once; then the awaited artefact, if it has not arrived yet (one
 * that has is judged by the arrival deadlines all the same); then attempts.
 * Used for the step itself and for an incident's `then retry`.
 */
export async function attemptStep<I>(run: Run<I>, step: StepNode<I>): Promise<StepFailure | null> {
  watchDeadlines(run, step);
  if (run.deadlineAt < run.now) return deadlinePassed(run, step);
  if (step.await !== null) {
    const arrived = run.artefactTime(step.await);
    if (arrived === undefined) {
      const failure = await awaitArtefact(run, step, step.await);
      if (failure !== null) return failure;
    } else if (missedWhileWaiting(run, step, arrived, run.now)) return deadlinePassed(run, step);
  }
  return makeAttempts(run, step);
}

/**
 * Waits for an artefact to arrive, racing the step deadline, while its
 * arrival deadlines judge the arrival time itself. The arrival time the
 * handler gives is stamped as the artefact's time, even when it lies in
 * the past; the wait ends no earlier than now. An artefact that never
 * arrives (or whose handler fails) fails the step at the deadline when one
 * applies, and otherwise at once, as a permanent failure.
 */
async function awaitArtefact<I>(run: Run<I>, step: StepNode<I>, artefact: string): Promise<StepFailure | null> {
  run.emit('await', step.name, undefined, artefact);
  const handler = lookupHandler<ArrivalHandler<I>>(run.handlers, 'arrivals', artefact);
  let value = invoke(handler, run.arrivalContext(artefact), run.handlerTimeoutMs, readArrival);
  if (value instanceof Promise) value = await value;
  const problem = value instanceof HandlerFailure ? value.reason : null;
  const arrival = value instanceof HandlerFailure ? Infinity : value;
  const arrivesAt = Math.max(arrival, run.now, run.clock.now());
  if (missedWhileWaiting(run, step, arrival, arrivesAt)) return deadlinePassed(run, step);
  if (problem !== null) {
    run.emit('no-arrival', step.name, undefined, `${artefact}: ${problem}`);
    return { cause: 'permanent', code: null, deadline: -1 };
  }
  await run.advance(arrivesAt);
  run.stampArtefact(artefact, arrival);
  run.emit('arrival', step.name, undefined, artefact);
  // The arrival may anchor a deadline of this very step.
  watchDeadlines(run, step);
  if (run.deadlineAt < run.now) return deadlinePassed(run, step);
  return null;
}
