/**
 * The one error the runtime throws. Expected failures (a handler that throws,
 * a deadline, an undo that fails) are outcomes, never exceptions; this is
 * for mistakes in how the runtime is called, such as a missing handler or a
 * policy object that names a retry strategy it does not define.
 */
export class MigrationUsageError extends Error {
  override readonly name = 'MigrationUsageError';
}

/** Marks a `switch` as exhaustive: reaching it is a bug in the runtime. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
