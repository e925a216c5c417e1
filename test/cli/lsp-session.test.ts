// The language server's standard input, followed message by message: the
// protocol library sees `exit` and the end of the input only once every
// request it was given has been answered, or once patience runs out.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FrameReader } from '../../cli/lsp-frames.js';
import { answeredSession } from '../../cli/lsp-session.js';

const frame = (message: object): Buffer => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

/** A session over a fake standard input, with what the library would read and whether the input has ended for it. */
function setUp(patience = 60_000, settled?: () => Promise<void>) {
  const stdin = new PassThrough();
  const written: Buffer[] = [];
  const { input, output } = answeredSession(stdin, { write: (bytes) => written.push(bytes), flush: (done) => setImmediate(done), patience, ...(settled ? { settled } : {}) });
  const seen: string[] = [];
  const raw: Buffer[] = [];
  let ended = false;
  const reader = new FrameReader();
  input.on('data', (chunk: Buffer) => raw.push(chunk));
  input.on('data', (chunk: Buffer) => seen.push(...reader.push(chunk).map((f) => JSON.parse(f.bytes.toString('utf8').split('\r\n\r\n')[1]!).method as string)));
  input.on('end', () => (ended = true));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { stdin, output, written, seen, settle, raw: () => Buffer.concat(raw).toString('utf8'), ended: () => ended };
}

describe('answeredSession', () => {
  it('holds the end of the input, once every request is answered, until the server has settled', async () => {
    let settle: () => void = () => {};
    const session = setUp(60_000, () => new Promise<void>((resolve) => (settle = resolve)));
    session.stdin.end(frame({ method: 'textDocument/didOpen', params: {} }));
    await session.settle();
    expect(session.ended()).toBe(false);
    settle();
    await session.settle();
    expect(session.ended()).toBe(true);
  });

  it('ends the input after patience when the server never settles', async () => {
    const session = setUp(50, () => new Promise<void>(() => {}));
    session.stdin.end(frame({ method: 'textDocument/didOpen', params: {} }));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(session.ended()).toBe(true);
  });

  it('holds the end of the input until every request is answered', async () => {
    const session = setUp();
    session.stdin.end(Buffer.concat([frame({ id: 1, method: 'initialize', params: {} }), frame({ id: 'a', method: 'textDocument/hover', params: {} })]));
    await session.settle();
    expect(session.seen).toEqual(['initialize', 'textDocument/hover']);
    expect(session.ended()).toBe(false);
    // The header and the body of a response come in separate writes.
    const response = frame({ id: 1, result: {} });
    const split = response.indexOf('\r\n\r\n') + 4;
    session.output.write(response.subarray(0, split));
    session.output.write(response.subarray(split));
    await session.settle();
    expect(session.ended()).toBe(false);
    session.output.write(frame({ id: 'a', result: null }));
    await session.settle();
    expect(session.ended()).toBe(true);
    expect(Buffer.concat(session.written).toString('utf8')).toContain('"id":"a"');
  });

  it('holds `exit` back until the requests before it are answered, and passes everything before it on at once', async () => {
    const session = setUp();
    session.stdin.write(Buffer.concat([frame({ id: 1, method: 'shutdown' }), frame({ method: 'exit' })]));
    await session.settle();
    expect(session.seen).toEqual(['shutdown']);
    session.output.write(frame({ id: 1, result: null }));
    await session.settle();
    expect(session.seen).toEqual(['shutdown', 'exit']);
    expect(session.ended()).toBe(false);
  });

  it('reads messages split across chunks anywhere, even inside a header', async () => {
    const session = setUp();
    const bytes = Buffer.concat([frame({ id: 1, method: 'initialize' }), frame({ method: 'initialized' })]);
    for (let at = 0; at < bytes.length; at += 7) session.stdin.write(bytes.subarray(at, at + 7));
    session.stdin.end();
    await session.settle();
    expect(session.seen).toEqual(['initialize', 'initialized']);
    expect(session.ended()).toBe(false);
    session.output.write(frame({ id: 1, result: {} }));
    await session.settle();
    expect(session.ended()).toBe(true);
  });

  it('ends the input after its patience when a request is never answered', async () => {
    const session = setUp(50);
    session.stdin.end(frame({ id: 1, method: 'textDocument/definition' }));
    await session.settle();
    expect(session.ended()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(session.ended()).toBe(true);
  });

  it('passes input it cannot read as frames on as it is, and ends it with the input', async () => {
    const session = setUp();
    session.stdin.end(Buffer.from('Content-Type: text/plain\r\n\r\nhello', 'ascii'));
    await session.settle();
    expect(session.raw()).toBe('Content-Type: text/plain\r\n\r\nhello');
    expect(session.ended()).toBe(true);
  });
});
