/**
 * Runs the built `mpol` with its standard streams closed or cut short, for
 * the tests of `streams.test.ts` and `signals.test.ts`: the reading end of
 * standard output, standard error or both shut before the child writes
 * anything, standard input left open and never written to (so a command
 * that read it would hang), written and then ended, or ended at once.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { childEnv } from '../child-env.js';
import { exampleFolder, mainScript } from './run-cli.js';

export type Closed = 'stdout' | 'stderr' | 'both' | 'none';

export interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

export interface Input {
  /** Written to standard input; then it is ended after `endAfter` milliseconds (at once by default). Without it, standard input stays open. */
  readonly text: string;
  readonly endAfter?: number;
}

/** The longest any of these runs may take: far more than any needs, far less than a hang. */
export const timeLimit = 20_000;

/** Runs `mpol args` in `cwd` with the `closed` streams' readers gone. */
export function runClosed(args: readonly string[], cwd: string, closed: Closed, env: Record<string, string> = {}, input?: Input): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [mainScript, ...args], { cwd, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closed === 'stdout' || closed === 'both') child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    if (closed === 'stderr' || closed === 'both') child.stderr.destroy();
    else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A child that ends before reading its input makes writing to it fail: that is not this test's business.
    child.stdin.on('error', () => {});
    if (input !== undefined) {
      child.stdin.write(input.text);
      setTimeout(() => child.stdin.end(), input.endAfter ?? 0);
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mpol ${args.join(' ')} with ${closed} closed did not end within ${timeLimit / 1000} s`));
    }, timeLimit);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, milliseconds: performance.now() - started });
    });
  });
}

// The cases run concurrently, so their folders outlive each test (the shared
// `tempFolder` removes every folder after each test) and go at the end.
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder holding a copy of `policies/example/`, removed after the file's tests. */
export function exampleCopy(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-streams-'));
  folders.push(folder);
  cpSync(exampleFolder, folder, { recursive: true });
  return folder;
}

/** One LSP message, framed as the protocol frames it over a stream. */
export function lspFrame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** A whole language-server session: initialize, shutdown and exit. */
export const lspSession = [
  lspFrame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }),
  lspFrame({ jsonrpc: '2.0', method: 'initialized', params: {} }),
  lspFrame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }),
  lspFrame({ jsonrpc: '2.0', method: 'exit' }),
].join('');
