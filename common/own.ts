/**
 * Records keyed by names from the outside world: a policy may call a step
 * `constructor`, a cohort `__proto__` or a check `toString`, and a fault
 * model or a command line may name them. Such a name must find what the
 * policy declared or nothing, never a property of `Object.prototype`, and
 * writing it must add an entry, never set a prototype.
 *
 * Invariant: this folder imports nothing, so every layer may import it.
 */

/** The value `record` itself holds under `key`; never one it inherits. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record !== null && record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record without a prototype: every key, `__proto__` included, is an ordinary entry. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record without a prototype holding `entries`, in order. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}
