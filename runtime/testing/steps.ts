/**
 * Scripted step handlers: what each attempt of a step returns, and how long
 * it takes on the run's clock. Every helper takes an optional per-attempt
 * duration; `sequence` scripts attempts one by one when they differ.
 */
import type { MaybePromise, StepContext, StepHandler, StepResult } from '../handlers.js';
import { toMilliseconds, type Duration } from './duration.js';
import { scripted, type Scripted } from './scripted.js';

/**
 * A scripted step handler. `C` is the `may fail` codes it may name; a
 * handler that names none (`never`) fits every step, and one that names
 * `EX301` fits only steps whose `Handlers` type allows `EX301`.
 */
export type ScriptedStep<C extends string = never> = Scripted<StepContext<unknown>, MaybePromise<StepResult<C>>>;

/** A result with `duration` only when one is given, so timelines and `toEqual` stay clean. */
function result(status: 'ok' | 'transient', duration: Duration | undefined): StepResult<never> {
  return duration === undefined ? { status } : { status, duration: toMilliseconds(duration) };
}

/** Every attempt succeeds, taking `duration` (0 by default). */
export function succeed(duration?: Duration): ScriptedStep {
  const answer = result('ok', duration);
  return scripted(() => answer);
}

/** Every attempt fails transiently, so the step retries until its strategy is exhausted. */
export function failAlways(duration?: Duration): ScriptedStep {
  const answer = result('transient', duration);
  return scripted(() => answer);
}

/**
 * The first `times` calls fail transiently, then every call succeeds. Each
 * attempt takes `duration`; for attempts of different lengths use `sequence`.
 * Calls are counted across the run, so after an incident's `then retry` the
 * count goes on rather than starting again.
 */
export function failTransiently(times: number, duration?: Duration): ScriptedStep {
  if (!(Number.isInteger(times) && times >= 0)) throw new Error(`failTransiently: ${times} is not a whole number from 0`);
  const failure = result('transient', duration);
  const success = result('ok', duration);
  return scripted((_context, call) => (call <= times ? failure : success));
}

/**
 * Every attempt fails permanently, naming `code` when given (it must be one
 * of the step's `may fail` codes, which the `Handlers` type enforces), so
 * the step's `on failure` action runs with that code.
 */
export function failPermanently(code?: undefined, duration?: Duration): ScriptedStep;
export function failPermanently<const C extends string>(code: C, duration?: Duration): ScriptedStep<C>;
// Two signatures, because `failPermanently(undefined, '2m')` would otherwise
// infer `C` as `string` and fit no step whose `may fail` codes are listed.
export function failPermanently<const C extends string = never>(code?: C, duration?: Duration): ScriptedStep<C> {
  const answer: StepResult<C> = {
    status: 'permanent',
    ...(code === undefined ? {} : { code }),
    ...(duration === undefined ? {} : { duration: toMilliseconds(duration) }),
  };
  return scripted(() => answer);
}

/** One call's answer in a `sequence`: a result as the runtime takes it, or a handler to ask. */
export type SequenceItem<C extends string> = StepResult<C> | StepHandler<unknown, C>;

/**
 * Answers call `n` with the `n`-th item; once the items run out, the last one
 * answers every further call. An item is a `StepResult` or a handler, such as
 * `throwError('boom')` or `succeed('1m')`:
 *
 * `sequence(failAlways('11m'), throwError('lost'), succeed('2m'))`
 */
export function sequence<C extends string = never>(first: SequenceItem<C>, ...rest: SequenceItem<C>[]): ScriptedStep<C> {
  const items = [first, ...rest];
  return scripted((context, call) => {
    // Invariant: `items` is never empty, so the last item exists.
    const item = items[Math.min(call, items.length) - 1]!;
    return typeof item === 'function' ? item(context) : item;
  });
}
