// The language server's checker in a worker thread: a worker that dies is
// replaced at the next check with everything it had been sent, never in a
// loop, and after five deaths checks are off with a message.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerChecker } from '../../cli/lsp-worker.js';
import type { CheckResponse } from '../../lsp/index.js';
import { tempFolder } from './run-cli.js';

/** A stand-in worker: dies on the files named `die`, and otherwise says how many files it was given. */
const fakeWorker = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (request) => {
  if (request.changes.some(([file]) => file === 'die')) process.exit(3);
  parentPort.postMessage({ kind: 'checked', generation: request.generation, diagnostics: [], facts: [], roots: request.changes.map(([file]) => file) });
});
`;

function start(): { request: (generation: number, files: string[]) => Promise<CheckResponse>; logged: string[]; dispose: () => void } {
  const script = path.join(tempFolder(), 'worker.mjs');
  writeFileSync(script, fakeWorker);
  const logged: string[] = [];
  let waiting: ((response: CheckResponse) => void) | undefined;
  const checker = workerChecker(script, (message) => logged.push(message))((response) => waiting?.(response));
  return {
    logged,
    request: (generation, files) =>
      new Promise((resolve) => {
        waiting = resolve;
        checker.request({ generation, changes: files.map((file) => [file, { kind: 'text', text: '' }]), paths: undefined });
      }),
    dispose: () => checker.dispose(),
  };
}

describe('the checker in a worker thread', () => {
  it('answers a request with what it checked', async () => {
    const checker = start();
    expect(await checker.request(1, ['a'])).toMatchObject({ kind: 'checked', generation: 1, roots: ['a'] });
    checker.dispose();
  });

  it('reports a check whose worker died as failed, and starts a new one with every file at the next check', async () => {
    const checker = start();
    await checker.request(1, ['a', 'b']);
    expect(await checker.request(2, ['die'])).toEqual({ kind: 'failed', generation: 2, message: 'the checker stopped' });
    expect(checker.logged).toEqual(['the checker stopped (exit code 3); it starts again with the next check']);
    // `die` is still among the files, so the new worker dies too: once, not in a loop.
    expect(await checker.request(3, [])).toMatchObject({ kind: 'failed', generation: 3 });
    expect(checker.logged).toHaveLength(2);
    checker.dispose();
  });

  it('turns checks off after five deaths', async () => {
    const checker = start();
    for (let generation = 1; generation <= 5; generation++) await checker.request(generation, ['die']);
    expect(checker.logged.at(-1)).toBe('the checker stopped 5 times; checks are off until the server restarts');
    expect(await checker.request(6, ['a'])).toEqual({ kind: 'failed', generation: 6, message: 'checks are off: the checker stopped too often' });
    checker.dispose();
  });
});
