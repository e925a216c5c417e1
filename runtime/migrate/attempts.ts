/**
 * The attempts of one step, per its retry strategy (docs/language.md, "The
 * schedule" and "Exhaustion"), racing the step's deadline.
 */
import { deadlinePassed } from './deadlines.js';
import type { StepFailure } from './failure.js';
import { lookupHandler } from './handler-table.js';
import type { StepHandler, StepResult } from '../handlers.js';
import { HandlerFailure, invoke } from './invoke.js';
import type { StepNode } from '../policy.js';
import { readStepResult } from './results.js';
import type { Run } from './run.js';
import { Schedule } from './schedule.js';
import { formatTime } from '../timeline.js';

/**
 * Makes attempts from the current time (t0) until one succeeds (`null`), one
 * fails permanently, the schedule is exhausted, or the deadline passes.
 *
 * An attempt is made when its start (its scheduled time, or the end of the
 * previous attempt if that ran late) is no later than t0 + `within`, no
 * later than the deadline, and within the `attempts` limit.
 */
export async function makeAttempts<I>(run: Run<I>, step: StepNode<I>): Promise<StepFailure | null> {
  const handler = lookupHandler<StepHandler<I>>(run.handlers, 'steps', step.name);
  const strategy = step.retry === null ? null : run.strategy(step.retry);
  const schedule = strategy === null ? null : new Schedule(strategy, run.random);
  const limit = strategy === null ? 1 : (strategy.attempts ?? Infinity);
  const timeout = strategy === null ? null : strategy.timeout;
  const periodEnd = strategy === null || strategy.within === null ? Infinity : run.now + strategy.within;
  let scheduled = run.now;

  for (let attempt = 1; ; attempt++) {
    const start = run.now;
    run.emit('attempt', step.name, attempt);
    let value = invoke(handler, run.stepContext(step.name, attempt), run.handlerTimeoutMs, (result) => readStepResult(result, step.mayFail));
    if (value instanceof Promise) value = await value;

    let status: StepResult['status'] | 'timeout' = 'transient';
    let end = start;
    let code: string | null = null;
    let detail: string | undefined;
    if (value instanceof HandlerFailure) {
      detail = value.reason;
      // An attempt that never settles is infinitely slow: each bound of the attempt cuts it off at its own instant.
      if (value.timedOut) end = Infinity;
      // A synchronous handler that overran the guard answered too late to count: a timed-out attempt.
      if (value.overran) status = 'timeout';
    } else {
      status = value.status;
      end = start + value.duration;
      code = value.code;
      detail = value.detail ?? (code === null ? undefined : code);
    }
    // On a real clock the handler itself may have taken time.
    end = Math.max(end, run.clock.now());
    if (timeout !== null && end - start > timeout) {
      status = 'timeout';
      end = start + timeout;
      detail = `longer than ${formatTime(timeout)}`;
    }
    if (end === Infinity) return cutOff(run, step, attempt, periodEnd, detail);
    if (end > run.deadlineAt) return deadlinePassed(run, step);
    await run.advance(end);
    run.emit(status, step.name, attempt, detail);
    if (status === 'ok') return null;
    if (status === 'permanent') return { cause: 'permanent', code, deadline: -1 };

    const wait = attempt < limit && schedule !== null ? schedule.nextWait() : -1;
    if (wait >= 0) {
      scheduled += wait;
      const next = Math.max(scheduled, run.now);
      if (next <= periodEnd) {
        if (next > run.deadlineAt) return deadlinePassed(run, step);
        run.emit('wait', step.name, undefined, `until ${formatTime(next)}`);
        await run.advance(next);
        continue;
      }
    }
    // Exhausted: at the end of the retry period when there is one, else now.
    const exhaustedAt = periodEnd === Infinity ? run.now : Math.max(periodEnd, run.now);
    if (exhaustedAt > run.deadlineAt) return deadlinePassed(run, step);
    await run.advance(exhaustedAt);
    run.emit('exhausted', step.name, attempt);
    return { cause: 'exhausted', code: null, deadline: -1 };
  }
}

/**
 * An attempt that never ends (its handler never settled, and no per-attempt
 * timeout cut it off): the earlier of the retry period's end and the
 * deadline ends it, the period winning a tie as exhaustion does. With
 * neither, nothing can end the attempt and no later attempt can start:
 * waiting forever is not an outcome, so the step fails permanently now.
 */
async function cutOff<I>(run: Run<I>, step: StepNode<I>, attempt: number, periodEnd: number, detail: string | undefined): Promise<StepFailure> {
  if (periodEnd !== Infinity && periodEnd <= run.deadlineAt) {
    await run.advance(periodEnd);
    run.emit('timeout', step.name, attempt, `${detail}; cut off at the end of the retry period`);
    run.emit('exhausted', step.name, attempt);
    return { cause: 'exhausted', code: null, deadline: -1 };
  }
  if (run.deadlineAt !== Infinity) return deadlinePassed(run, step);
  // On a real clock the real-time guard itself took time.
  await run.advance(run.clock.now());
  run.emit('permanent', step.name, attempt, `${detail}, and nothing bounds the attempt`);
  return { cause: 'permanent', code: null, deadline: -1 };
}
