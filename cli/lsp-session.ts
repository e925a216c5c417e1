/**
 * The language server's standard input and output, followed message by
 * message so that every request read is answered before the server ends.
 * The protocol library ends the process at once when its input ends, and
 * at `exit`, while requests read before may still be queued or waiting
 * (for the workspace to be read, for the formatter): a client that writes
 * a whole session and closes the pipe (a script, a test, an editor that
 * quits) got no answers. So the library reads a stream fed from standard
 * input here: each message is passed on as it comes, but `exit` and the
 * end of the input are held back until every request passed on has had
 * its response written and standard output is flushed. The library then
 * ends the process as the protocol says: 0 after `shutdown`, 1 without.
 * The end also waits for the server to settle (`settled`): the check of
 * what was opened or changed runs in a worker, and its diagnostics are
 * notifications, which no response stands for. Something that cannot
 * finish (a request waiting for an `initialized` that never came) holds
 * the end back for `patience` milliseconds at most.
 */
import { PassThrough, Writable, type Readable } from 'node:stream';
import { FrameReader, type Frame } from './lsp-frames.js';

export interface SessionStreams {
  /** What the protocol library reads. */
  readonly input: Readable;
  /** What the protocol library writes. */
  readonly output: Writable;
}

export interface SessionOptions {
  /** Writes protocol output out of the process. */
  write(bytes: Buffer): void;
  /** Calls `done` once everything written so far has left the process. */
  flush(done: () => void): void;
  /** How long to wait at most, once the input has ended or `exit` has come, for the last answers. */
  readonly patience: number;
  /** Resolves once the server has done the work the messages it has handled asked for (its diagnostics written). */
  settled?(): Promise<void>;
}

export function answeredSession(stdin: Readable, options: SessionOptions): SessionStreams {
  const input = new PassThrough();
  const unanswered = new Set<string>();
  const read = new FrameReader();
  const written = new FrameReader();
  /** `exit` and what came after it, once it has come; passed on when released. */
  let held: Buffer[] | undefined;
  let ended = false;
  let closing = false;
  let patienceOver = false;
  let released = false;
  let settling = false;
  let timer: NodeJS.Timeout | undefined;

  const forward = (bytes: Buffer): void => {
    if (held !== undefined && !released) held.push(bytes);
    else if (!input.writableEnded) input.write(bytes);
  };

  /** The input ended or `exit` came: from now on, the end waits only for the answers still owed, and at most `patience`. */
  const close = (): void => {
    if (!closing) {
      closing = true;
      timer = setTimeout(() => {
        patienceOver = true;
        release();
      }, options.patience);
    }
    release();
  };

  const release = (): void => {
    if (!closing || released || (unanswered.size > 0 && !patienceOver)) return;
    if (!patienceOver && options.settled !== undefined) {
      // Every request is answered: wait for the rest of the work, then look again (unless patience ran out meanwhile).
      if (settling) return;
      settling = true;
      void options.settled().then(() => {
        settling = false;
        if (unanswered.size === 0 || patienceOver) releaseNow();
      });
      return;
    }
    releaseNow();
  };

  const releaseNow = (): void => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    options.flush(() => {
      for (const bytes of held ?? []) input.write(bytes);
      if (ended) input.end();
    });
  };

  const receive = (frame: Frame): void => {
    if (frame.kind === 'request' && frame.id !== undefined) unanswered.add(frame.id);
    if (frame.kind === 'exit' && held === undefined) held = [];
    forward(frame.bytes);
  };

  stdin.on('data', (chunk: Buffer) => {
    if (read.broken) return forward(chunk);
    for (const frame of read.push(chunk)) receive(frame);
    if (read.broken) forward(read.rest());
    if (held !== undefined) close();
  });
  const end = (): void => {
    ended = true;
    close();
  };
  stdin.on('end', end);
  stdin.on('close', end);
  stdin.on('error', end);

  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      options.write(chunk);
      if (!written.broken) {
        for (const frame of written.push(chunk)) if (frame.kind === 'response' && frame.id !== undefined) unanswered.delete(frame.id);
      }
      done();
      release();
    },
  });
  return { input, output };
}
