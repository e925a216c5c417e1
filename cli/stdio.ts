/**
 * Standard output and standard error, guarded. A write can fail long after
 * it was made: the reader of a pipe went away (`mpol check . | head`, a CI
 * step piping into `grep -q`), the disk behind a redirection is full. Node
 * reports such a failure as an `error` event, and an `error` event nobody
 * listens to becomes an uncaught exception, whose report is another write
 * that fails: that loop once made `mpol check nonexist 2>&1 | true` spin
 * forever.
 *
 * So every write of mpol goes through an `OutputStream`: after its first
 * failure a stream drops every later write, and the command carries on to
 * its end, so files are still written and the exit code is the one it
 * would have had. A reader that left early (`EPIPE`) is not a problem worth
 * reporting; any other failure is, once, on the other stream, and makes
 * the exit code 2 (an I/O problem), as GNU tools do for `> /dev/full`.
 */

export interface OutputStream {
  /** Writes `text`, or drops it once the stream has failed. Never throws. */
  write(text: string): void;
  /** The first failure, if a write has failed. */
  readonly failure: NodeJS.ErrnoException | undefined;
}

/** The part of a Node writable stream this module needs. */
export interface WritableLike {
  write(text: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export function guardOutput(stream: WritableLike, onFailure: (error: NodeJS.ErrnoException) => void = () => {}): OutputStream {
  let failure: NodeJS.ErrnoException | undefined;
  const fail = (error: unknown): void => {
    if (failure !== undefined) return;
    failure = error instanceof Error ? (error as NodeJS.ErrnoException) : Object.assign(new Error(String(error)), { code: undefined });
    onFailure(failure);
  };
  // Invariant: the listener is attached before the first write, so no
  // failure of this stream can become an uncaught exception.
  stream.on('error', fail);
  return {
    write(text) {
      if (failure !== undefined) return;
      try {
        stream.write(text);
      } catch (error) {
        fail(error);
      }
    },
    get failure() {
      return failure;
    },
  };
}

/** Whether a failure only means the reader stopped reading: not worth a word. */
export function isClosedReader(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || error.code === 'ECONNRESET';
}

export type InputResult = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'error'; readonly reason: string };

/** The part of a Node readable stream `readInput` needs. */
export interface ReadableLike {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  destroy(): unknown;
}

/**
 * Everything on standard input, for commands that read it (`--stdin`).
 * Settles exactly once whatever the stream does: an input closed before
 * it was opened (`<&-`) or at once (`< /dev/null`) is empty text, a failed
 * read is a reason in words, and input past `limit` bytes is refused and
 * the stream let go rather than read to its end.
 */
export function readInput(stream: ReadableLike, limit: number, describe: (error: unknown) => string): Promise<InputResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: InputResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    stream.on('data', (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > limit) {
        settle({ kind: 'error', reason: `standard input is larger than ${limit} bytes` });
        stream.destroy();
        return;
      }
      chunks.push(bytes);
    });
    const finish = (): void => settle({ kind: 'text', text: Buffer.concat(chunks).toString('utf8') });
    stream.on('end', finish);
    // Invariant: a stream that closes without ending was cut off; half an input is never taken for all of it.
    stream.on('close', () => settle({ kind: 'error', reason: 'standard input was closed before its end' }));
    stream.on('error', (error) => settle(error.code === 'EBADF' ? { kind: 'text', text: '' } : { kind: 'error', reason: describe(error) }));
  });
}
