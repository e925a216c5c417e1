/**
 * What every scripted handler shares: it is a plain function the runtime
 * can call, and it remembers what it was called with, so a test can assert
 * how often and when the runtime asked, not only what came of it.
 */

/**
 * A handler that records its calls. `calls` holds the contexts in call
 * order; `calls.length` is how often it was called. A context is a frozen
 * copy taken at the call: its `now` and `artefacts` are as they were then.
 *
 * Scripted handlers keep state (the number of calls so far), so give each
 * run fresh ones; `handlers(policy, overrides)` makes fresh defaults.
 */
export type Scripted<Context, Result> = ((context: Context) => Result) & { readonly calls: readonly Context[] };

/** Makes a scripted handler from `answer`, which is told the call number, from 1. */
export function scripted<Context, Result>(answer: (context: Context, call: number) => Result): Scripted<Context, Result> {
  const calls: Context[] = [];
  const handler = (context: Context): Result => {
    calls.push(context);
    return answer(context, calls.length);
  };
  return Object.assign(handler, { calls });
}

/**
 * A handler of any kind that throws `new Error(message)`. The runtime turns
 * the throw into a failure, never a crash: a failed attempt, a failed check,
 * an artefact that never arrives, a failed undo or an unresolved incident,
 * with ``threw `message` `` in the timeline.
 */
export function throwError(message: string): Scripted<unknown, never> {
  return scripted(() => {
    throw new Error(message);
  });
}

/**
 * A handler of any kind whose promise never settles. The runtime gives up
 * after `handlerTimeoutMs` real milliseconds (5000 by default), so pass a
 * small `handlerTimeoutMs` to `migrate` in tests that use it. A step's
 * attempt is then cut off by its first bound (a per-attempt `timeout`, a
 * deadline, the strategy's `within`), or fails permanently with none.
 */
export function neverSettle(): Scripted<unknown, Promise<never>> {
  return scripted(() => new Promise<never>(() => {}));
}
