/**
 * Reading what a caller passes to `migrate` and `simulate`: each option is
 * read once, and every mistake (a missing or mistyped option, a getter that
 * throws, a symbol where a name belongs) is a `MigrationUsageError` with a
 * message, never a `TypeError` from deep inside the runtime.
 */
import { MigrationUsageError } from './errors.js';
import { describeThrown } from './migrate/describe.js';

/** A short rendering of any value for a message; never throws. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `the BigInt ${value}n`;
    case 'undefined':
      return 'nothing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
  }
}

/**
 * The properties `keys` of `value` (named `what` in messages), each read
 * once: a usage error when `value` is not an object or a getter throws.
 */
export function readOptions<K extends string>(value: unknown, keys: readonly K[], what: string): Record<K, unknown> {
  if (typeof value !== 'object' || value === null) throw new MigrationUsageError(`\`${what}\` must be an object, not ${describeValue(value)}`);
  // Without a prototype: a key may be a name from the caller, `__proto__` included.
  const read = Object.create(null) as Record<K, unknown>;
  for (const key of keys) {
    try {
      read[key] = (value as Record<string, unknown>)[key];
    } catch (error) {
      throw new MigrationUsageError(`reading \`${what}.${key}\` threw ${describeThrown(error)}`, { cause: error });
    }
  }
  return read;
}

/** A whole number from `min` to `max` (safe integers), or a usage error naming the option. */
export function wholeNumber(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? `from ${min}` : `from ${min} to ${max}`;
  throw new MigrationUsageError(`\`${name}\` must be a whole number ${range}, not ${describeValue(value)}`);
}
