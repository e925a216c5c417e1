// The guarded streams of the command line, in process: writes after a
// failure are dropped, and standard input is read to its end or refused,
// settling exactly once whatever the stream does.
import { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeFileError } from '../../compiler/disk/host.js';
import { guardOutput, isClosedReader, readInput } from '../../cli/stdio.js';

class FailingWritable extends EventEmitter {
  readonly written: string[] = [];
  constructor(private readonly failAfter: number, private readonly how: 'throw' | 'event') {
    super();
  }
  write(text: string): boolean {
    if (this.written.length < this.failAfter) {
      this.written.push(text);
      return true;
    }
    const error = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    if (this.how === 'throw') throw error;
    queueMicrotask(() => this.emit('error', error));
    return false;
  }
}

describe('guarded output', () => {
  it.each(['throw', 'event'] as const)('drops every write after the first failure (%s), reporting it once', async (how) => {
    const stream = new FailingWritable(1, how);
    const failures: string[] = [];
    const out = guardOutput(stream, (error) => failures.push(String(error.code)));
    out.write('a');
    out.write('b');
    await Promise.resolve();
    out.write('c');
    await Promise.resolve();
    expect(stream.written).toEqual(['a']);
    expect(failures).toEqual(['EPIPE']);
    expect(out.failure?.code).toBe('EPIPE');
  });

  it('treats a reader that left as no problem, and anything else as one', () => {
    expect(isClosedReader(Object.assign(new Error(), { code: 'EPIPE' }))).toBe(true);
    expect(isClosedReader(Object.assign(new Error(), { code: 'ENOSPC' }))).toBe(false);
  });
});

describe('reading standard input', () => {
  it('reads every chunk to the end', async () => {
    expect(await readInput(Readable.from([Buffer.from('policy '), Buffer.from('X')]), 100, describeFileError)).toEqual({ kind: 'text', text: 'policy X' });
  });

  it('reads an input that ends at once as empty text', async () => {
    const input = new PassThrough();
    input.end();
    expect(await readInput(input, 100, describeFileError)).toEqual({ kind: 'text', text: '' });
  });

  it('refuses an input past the limit without reading it to its end', async () => {
    const input = new PassThrough();
    const result = readInput(input, 4, describeFileError);
    input.write('12345');
    expect(await result).toEqual({ kind: 'error', reason: 'standard input is larger than 4 bytes' });
    expect(input.destroyed).toBe(true);
  });

  it('says why a read failed, in words', async () => {
    const input = new PassThrough();
    const result = readInput(input, 100, describeFileError);
    input.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    expect(await result).toEqual({ kind: 'error', reason: 'input/output error' });
  });

  it('refuses an input cut off before its end', async () => {
    const input = new PassThrough();
    const result = readInput(input, 100, describeFileError);
    input.write('half');
    input.destroy();
    expect(await result).toEqual({ kind: 'error', reason: 'standard input was closed before its end' });
  });
});

describe('file errors in words', () => {
  it.each([
    ['ENOENT', "ENOENT: no such file or directory, open 'nope.json'", 'no such file'],
    ['EEXIST', "EEXIST: file already exists, mkdir 'x'", 'something of that name already exists'],
    ['ESTALE', "ESTALE: stale file handle, open 'x'", 'stale file handle'],
  ])('describes %s as a sentence', (code, message, words) => {
    expect(describeFileError(Object.assign(new Error(message), { code }))).toBe(words);
  });
});
