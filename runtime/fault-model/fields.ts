/**
 * Reading the values of a fault-model JSON document: each reader takes the
 * path of the value (`steps.Commission.transient`), reports what is wrong
 * with it through the context, and returns `null` for a bad value. Nothing
 * here throws: a user's mistake is an error in the list, never an exception.
 */
import { nearest } from '../../common/edit-distance.js';
import { parseDuration } from '../../common/duration.js';
import type { Distribution } from './fault-model.js';

/** One problem in a fault model, at the path of the bad value. */
export interface FaultModelError {
  readonly path: string;
  readonly message: string;
}

/** Errors kept with their messages; the rest are only counted, so a model with millions of mistakes is reported at once. */
export const errorsKept = 100;

export class FieldContext {
  readonly errors: FaultModelError[] = [];
  /** Errors found beyond the first `errorsKept`. */
  omitted = 0;

  /**
   * Reports a problem at `path`. A message that costs something to write (a
   * suggestion searched among names) is passed as a function, called only
   * while errors are still kept: validation stays linear in the model.
   */
  report(path: string, message: string | (() => string)): void {
    if (this.errors.length >= errorsKept) {
      this.omitted += 1;
      return;
    }
    this.errors.push({ path: path === '' ? '(root)' : path, message: typeof message === 'string' ? message : message() });
  }
}

export type JsonObject = Readonly<Record<string, unknown>>;

/** Keys longer than this are shortened in paths. */
const longestKey = 60;
const plainKey = /^[A-Za-z_$][A-Za-z0-9_$/]*$/;

/** A name from the model, shortened for a message as a key is in a path. */
export const shortName = (name: string): string => (name.length > longestKey ? `${name.slice(0, longestKey - 3)}...` : name);

/**
 * The path of `key` inside `path`: `steps.Commission`, `cohorts.MOC_Secure/DA`;
 * a key that is not a plain name is quoted (`steps["a.b"]`), and a very long
 * one shortened, so a path always reads unambiguously on one line.
 */
export function at(path: string, key: string): string {
  if (plainKey.test(key) && key.length <= longestKey) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(shortName(key))}]`;
}

/** A short rendering of a value for messages: `1.5`, `"2x"`, `an array`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return `a ${typeof value}`;
  // JSON gave a whole number past 2^53 − 1 as another one: say so, or `got 100000000000000000000` reads as a bound.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return `${value}, past 2^53 − 1, where whole numbers are not exact`;
  // A long string is cut before it is quoted: a message never copies a megabyte.
  const text = typeof value === 'number' ? String(value) : JSON.stringify(typeof value === 'string' ? value.slice(0, 41) : value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function readObject(context: FieldContext, value: unknown, path: string): JsonObject | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  context.report(path, `expected an object, got ${describe(value)}`);
  return null;
}

/** Reports every key of `object` not in `allowed`, with a suggestion when one is close. */
export function checkKeys(context: FieldContext, object: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    context.report(at(path, key), () => {
      const near = closest(key, allowed);
      return `unknown key; ${near === null ? `expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}` : `did you mean \`${near}\`?`}`;
    });
  }
}

/** The candidate within two edits of `name`, if one is. */
export function closest(name: string, candidates: Iterable<string>): string | null {
  return nearest(name, candidates, 2) ?? null;
}

export function readProbability(context: FieldContext, value: unknown, path: string): number | null {
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  context.report(path, `expected a probability between 0 and 1, got ${describe(value)}`);
  return null;
}

/** A whole number of milliseconds, or a duration string such as `"2m"` or `"1h30m"`. */
export function readDuration(context: FieldContext, value: unknown, path: string): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const parsed = typeof value === 'string' ? parseDuration(value) : undefined;
  if (parsed !== undefined) return parsed;
  context.report(path, `expected a duration such as "2m" or "1h30m", or a whole number of milliseconds, got ${describe(value)}`);
  return null;
}

/**
 * A duration distribution: a duration (fixed), `{ "uniform": [low, high] }`
 * or `{ "exponential": mean }`.
 */
export function readDistribution(context: FieldContext, value: unknown, path: string): Distribution | null {
  if (typeof value === 'number' || typeof value === 'string') {
    const fixed = readDuration(context, value, path);
    return fixed === null ? null : { kind: 'fixed', value: fixed };
  }
  const object = readObject(context, value, path);
  if (object === null) return null;
  const keys = Object.keys(object);
  if (keys.length !== 1 || (keys[0] !== 'uniform' && keys[0] !== 'exponential')) {
    checkKeys(context, object, path, ['uniform', 'exponential']);
    if (keys.length !== 1) context.report(path, 'expected exactly one of `uniform` or `exponential`');
    return null;
  }
  if (keys[0] === 'exponential') {
    const mean = readDuration(context, object.exponential, at(path, 'exponential'));
    return mean === null ? null : { kind: 'exponential', mean };
  }
  const range = readRange(context, object.uniform, at(path, 'uniform'), readDuration);
  return range === null ? null : { kind: 'uniform', low: range[0], high: range[1] };
}

type Reader = (context: FieldContext, value: unknown, path: string) => number | null;

/** `[low, high]` with `low <= high`, each read by `read`. */
export function readRange(context: FieldContext, value: unknown, path: string, read: Reader): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) {
    context.report(path, `expected [low, high], got ${describe(value)}`);
    return null;
  }
  const low = read(context, value[0], `${path}[0]`);
  const high = read(context, value[1], `${path}[1]`);
  if (low === null || high === null) return null;
  if (low > high) {
    context.report(path, `expected low <= high, got [${describe(value[0])}, ${describe(value[1])}]`);
    return null;
  }
  return [low, high];
}

export const readWhole: Reader = (context, value, path) => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  context.report(path, `expected a whole number from 0, got ${describe(value)}`);
  return null;
};

export const readInteger: Reader = (context, value, path) => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  context.report(path, `expected a whole number, got ${describe(value)}`);
  return null;
};

export const readFinite: Reader = (context, value, path) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  context.report(path, `expected a number, got ${describe(value)}`);
  return null;
};
