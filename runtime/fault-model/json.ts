/**
 * The first pass over a fault model: a plain copy of what the caller gave,
 * read once, within limits, before anything is validated. JSON parsed from
 * a file is plain already; a model a harness builds in code may not be: a
 * getter that throws, a proxy, a cycle, a BigInt, a value nested thousands
 * deep. Each becomes an error at its path instead of an exception, a hang
 * or a stack overflow, and validation then reads data that cannot change
 * under it. The walk keeps its own stack, so no depth overflows it.
 */
import { describeThrown } from '../migrate/describe.js';
import { at, describe, type FieldContext } from './fields.js';

/** Deeper than this is refused: a fault model's own structure is six levels deep, a `value` may nest some more. */
export const depthLimit = 32;
/** More values than this are refused: about what a 16 MiB file of small values holds. */
export const valueLimit = 4_000_000;

/** A JSON value: `null`, a boolean, a number, a string, an array or an object without a prototype. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

interface Pending {
  readonly source: unknown;
  /** The value holding this one, for its path; `null` at the root. */
  readonly up: Pending | null;
  /** The key (or array index) under which `up` holds it. */
  readonly key: string | number;
  readonly depth: number;
  /** Where the copy goes: `parent[key]`. */
  readonly parent: Record<string | number, unknown>;
}

/** Popped once every child of `object` is copied: `object` is no longer on the path being copied. */
interface Close {
  readonly close: object;
}

/** The path of a value, written only when an error needs it: most values never do. */
function pathOf(item: Pending | null): string {
  const keys: (string | number)[] = [];
  for (let at = item; at !== null && at.up !== null; at = at.up) keys.push(at.key);
  let path = '';
  for (let index = keys.length - 1; index >= 0; index--) {
    const key = keys[index]!;
    path = typeof key === 'number' ? `${path}[${key}]` : at(path, key);
  }
  return path;
}

/**
 * A plain, prototype-free copy of `value`, or `undefined` (with errors in
 * `context`) when some part of it is not JSON data or breaks a limit.
 */
export function copyJson(context: FieldContext, value: unknown): Json | undefined {
  const holder: Record<string | number, unknown> = {};
  const stack: (Pending | Close)[] = [{ source: value, up: null, key: 'root', depth: 0, parent: holder }];
  // The objects on the path from the root to the one being copied: meeting one again is a cycle.
  const open = new Set<object>();
  let values = 0;
  let valid = true;
  const fail = (item: Pending, message: string): void => {
    valid = false;
    context.report(pathOf(item), message);
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      open.delete(item.close);
      continue;
    }
    const source = item.source;
    if (++values > valueLimit) {
      context.report('', `more than ${valueLimit.toLocaleString('en-GB')} values, the most a fault model may hold`);
      return undefined;
    }
    if (typeof source !== 'object' || source === null) {
      item.parent[item.key] = copyScalar(source, item, fail);
      continue;
    }
    if (item.depth >= depthLimit) {
      fail(item, `nested more than ${depthLimit} levels deep`);
      continue;
    }
    if (open.has(source)) {
      fail(item, 'contains itself');
      continue;
    }
    const entries = readEntries(source, item, fail);
    if (entries === null) continue;
    const array = Array.isArray(source);
    const target = (array ? new Array<unknown>(entries.length / 2) : Object.create(null)) as Record<string | number, unknown>;
    item.parent[item.key] = target;
    open.add(source);
    stack.push({ close: source });
    // Children are pushed in reverse, so they are copied (and their errors reported) in document order.
    for (let index = entries.length - 2; index >= 0; index -= 2) {
      stack.push({ source: entries[index + 1], up: item, key: entries[index] as string | number, depth: item.depth + 1, parent: target });
    }
  }
  return valid ? (holder['root'] as Json) : undefined;
}

function copyScalar(value: unknown, item: Pending, fail: (item: Pending, message: string) => void): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'object':
      return value;
    case 'bigint':
      fail(item, `expected JSON data, got the BigInt ${describe(value)}`);
      return undefined;
    default:
      fail(item, `expected JSON data, got ${typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`}`);
      return undefined;
  }
}

/**
 * The entries of an array or a plain object as `key, value, key, value, ...`
 * (an array index as a number), each value read once; `null` after
 * reporting why there are none.
 */
function readEntries(object: object, item: Pending, fail: (item: Pending, message: string) => void): unknown[] | null {
  try {
    const entries: unknown[] = [];
    if (Array.isArray(object)) {
      const length = object.length;
      for (let index = 0; index < length; index++) entries.push(index, object[index]);
      return entries;
    }
    const prototype: unknown = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      fail(item, `expected JSON data, got ${describeObject(object)}`);
      return null;
    }
    for (const key of Object.keys(object)) {
      const child = (object as Record<string, unknown>)[key];
      // As in JSON.stringify, a property that is `undefined` is absent.
      if (child !== undefined) entries.push(key, child);
    }
    return entries;
  } catch (error) {
    fail(item, `reading it threw ${describeThrown(error)}`);
    return null;
  }
}

function describeObject(object: object): string {
  try {
    const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object that is not plain data';
  } catch {
    return 'an object that is not plain data';
  }
}
