/**
 * Calling a handler so that nothing it does can crash, hang or fool the
 * run: a throw, a rejection, a promise that does not settle in time, a
 * result whose getters throw, and a synchronous handler that overran the
 * guard each become a `HandlerFailure` value. The result is read once,
 * inside the guard, by the caller's reader into a plain snapshot; the run
 * never sees the handler's own object. Synchronous handlers cost no promise.
 *
 * The guard is real time. A promise that does not settle is given up on
 * after `timeoutMs`; a synchronous handler cannot be interrupted (the run
 * waits for it, on the one JavaScript thread), so it is timed and, if it
 * took longer than the guard, its answer is discarded as an overrun. A
 * synchronous handler that never returns cannot be stopped in process.
 */
import { describeThrown } from './describe.js';

/** Why a handler produced no usable value. */
export class HandlerFailure {
  constructor(
    readonly reason: string,
    /** True when the handler did not settle within the real-time guard. */
    readonly timedOut: boolean,
    /** True when a synchronous handler (or the synchronous part of one) ran longer than the guard. */
    readonly overran = false,
  ) {}
}

/** Reads a handler's value into a snapshot, or says why it is invalid. It may throw: a getter of the value did. */
export type Reader<T> = (value: unknown) => T | HandlerFailure;

const clock: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Calls `handler(argument)` and reads its value with `read`. Returns the
 * snapshot (or a `HandlerFailure`) directly when the handler returns a
 * plain value, and otherwise a native `Promise` that settles with one after
 * at most `timeoutMs` real milliseconds. Callers test `instanceof Promise`
 * and await only then.
 */
export function invoke<A, T>(
  handler: (argument: A) => unknown,
  argument: A,
  timeoutMs: number,
  read: Reader<T>,
): T | HandlerFailure | Promise<T | HandlerFailure> {
  const started = clock();
  let value: unknown;
  let then: unknown;
  try {
    value = handler(argument);
  } catch (error) {
    return new HandlerFailure(`threw ${describeThrown(error)}`, false);
  }
  try {
    // `then` is read once: a getter cannot make the value a promise and then not.
    then = value !== null && (typeof value === 'object' || typeof value === 'function') ? (value as { then?: unknown }).then : undefined;
  } catch (error) {
    return new HandlerFailure(`reading its result threw ${describeThrown(error)}`, false);
  }
  const elapsed = clock() - started;
  if (elapsed > timeoutMs) {
    return new HandlerFailure(`ran synchronously for ${Math.round(elapsed)}ms, longer than the ${timeoutMs}ms guard`, false, true);
  }
  if (typeof then === 'function') return settle(value as object, then as PromiseLike<unknown>['then'], timeoutMs, read);
  return readGuarded(value, read);
}

function readGuarded<T>(value: unknown, read: Reader<T>): T | HandlerFailure {
  try {
    return read(value);
  } catch (error) {
    return new HandlerFailure(`reading its result threw ${describeThrown(error)}`, false);
  }
}

/**
 * Waits for a thenable. Whatever it calls back with is read at once into a
 * snapshot, so the promise here never adopts a value of the handler's (a
 * thenable resolved with another thenable that never settles cannot hang
 * the run), and a callback after the first, or after the guard, changes
 * nothing.
 */
function settle<T>(thenable: object, then: PromiseLike<unknown>['then'], timeoutMs: number, read: Reader<T>): Promise<T | HandlerFailure> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: T | HandlerFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => finish(new HandlerFailure(`did not settle within ${timeoutMs}ms`, true)), timeoutMs);
    try {
      then.call(
        thenable,
        (value: unknown) => {
          if (!settled) finish(readGuarded(value, read));
        },
        (error: unknown) => finish(new HandlerFailure(`rejected ${describeThrown(error)}`, false)),
      );
    } catch (error) {
      finish(new HandlerFailure(`threw ${describeThrown(error)}`, false));
    }
  });
}
