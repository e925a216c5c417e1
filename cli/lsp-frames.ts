/**
 * The base protocol's frames (`Content-Length: N`, a blank line, N bytes
 * of JSON), read from a stream in whatever chunks it arrives, so that the
 * language server's standard input and output can be followed message by
 * message (`lsp-session.ts`). Only what the session needs is read from a
 * message: whether it is a request, a response or the `exit` notification.
 */

/** A whole frame: its bytes as they came, and what it is. */
export interface Frame {
  readonly bytes: Buffer;
  /** The request id (`number:1`, `string:a`) of a request or a response. */
  readonly id: string | undefined;
  readonly kind: 'request' | 'response' | 'exit' | 'other';
}

const headerEnd = Buffer.from('\r\n\r\n', 'ascii');

export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Set once a header without a length has come: nothing after it can be framed. */
  private unreadable = false;

  /** Whether the stream has stopped being readable as frames. */
  get broken(): boolean {
    return this.unreadable;
  }

  /**
   * The frames `chunk` completes, in order. Once the stream cannot be read
   * as frames (a header without `Content-Length`), `broken` is set, and
   * `rest` gives what came since the last whole frame.
   */
  push(chunk: Buffer): Frame[] {
    if (this.unreadable) return [];
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      const end = this.pending.indexOf(headerEnd);
      if (end < 0) return frames;
      const length = /(?:^|\r\n)content-length:\s*(\d+)\s*(?:\r\n|$)/i.exec(this.pending.subarray(0, end).toString('ascii'))?.[1];
      if (length === undefined) {
        this.unreadable = true;
        return frames;
      }
      const total = end + headerEnd.length + Number(length);
      if (this.pending.length < total) return frames;
      const bytes = this.pending.subarray(0, total);
      frames.push({ bytes, ...describe(bytes.subarray(end + headerEnd.length)) });
      this.pending = this.pending.subarray(total);
    }
  }

  /** What came since the last whole frame. */
  rest(): Buffer {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest;
  }
}

/** What a message's body is: a request, a response, `exit`, or something else (a notification, or text that is not JSON). */
function describe(body: Buffer): Pick<Frame, 'id' | 'kind'> {
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8'));
  } catch {
    return { id: undefined, kind: 'other' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { id: undefined, kind: 'other' };
  const { id, method } = message as { id?: unknown; method?: unknown };
  const key = typeof id === 'number' || typeof id === 'string' ? `${typeof id}:${id}` : undefined;
  if (typeof method === 'string') {
    if (key !== undefined) return { id: key, kind: 'request' };
    return { id: undefined, kind: method === 'exit' ? 'exit' : 'other' };
  }
  return key === undefined ? { id: undefined, kind: 'other' } : { id: key, kind: 'response' };
}
