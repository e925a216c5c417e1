/**
 * Calling a handler so that nothing it does can crash or hang the run: a
 * throw, a rejection or a promise that does not settle in time becomes a
 * `HandlerFailure` value. Synchronous handlers cost no promise at all.
 */
import { describeThrown } from './describe.js';

/** Why a handler produced no usable value. */
export class HandlerFailure {
  constructor(
    readonly reason: string,
    /** True when the handler did not settle within the real-time guard. */
    readonly timedOut: boolean,
  ) {}
}

/**
 * Calls `handler(argument)`. Returns its value directly when it is not a
 * promise, a `HandlerFailure` when it throws, and otherwise a native
 * `Promise` that settles with the value or a `HandlerFailure` after at most
 * `timeoutMs` real milliseconds. Callers test `instanceof Promise` and await
 * only then.
 */
export function invoke<A>(handler: (argument: A) => unknown, argument: A, timeoutMs: number): unknown {
  try {
    const value = handler(argument);
    return isThenable(value) ? settle(value, timeoutMs) : value;
  } catch (error) {
    return new HandlerFailure(`threw ${describeThrown(error)}`, false);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function settle(thenable: PromiseLike<unknown>, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve(new HandlerFailure(`did not settle within ${timeoutMs}ms`, true)),
      timeoutMs,
    );
    try {
      thenable.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          resolve(new HandlerFailure(`rejected ${describeThrown(error)}`, false));
        },
      );
    } catch (error) {
      clearTimeout(timer);
      resolve(new HandlerFailure(`threw ${describeThrown(error)}`, false));
    }
  });
}

