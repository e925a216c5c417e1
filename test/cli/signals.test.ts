/**
 * The command line ends promptly when told to or when its input is gone:
 * SIGINT or SIGTERM during a long simulation or campaign ends it within a
 * few seconds, with the signal's conventional exit (killed by it, or
 * 128 + its number after giving the terminal back) and no stack trace; a
 * command that reads standard input (`fmt --stdin`, `lsp --stdio`) ends
 * with its own exit code when that input is empty, closed before it
 * started (`<&-`) or a pipe whose writer left.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../child-env.js';
import { hasStackTrace, mainScript, tempFolder } from './run-cli.js';
import { runClosed, timeLimit } from './run-closed.js';

const repo = path.resolve(import.meta.dirname, '../..');
const signalNumbers = { SIGINT: 2, SIGTERM: 15 } as const;

interface Stopped {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly milliseconds: number;
}

/** Starts `mpol args`, sends `signal` once it has run a second, and reports how it ended and how long after the signal. */
function interrupt(args: readonly string[], signal: NodeJS.Signals): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainScript, ...args], { cwd: repo, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let sent = 0;
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    setTimeout(() => {
      sent = performance.now();
      child.kill(signal);
    }, 1000);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mpol ${args.join(' ')} did not end within ${timeLimit / 1000} s of ${signal}`));
    }, timeLimit);
    child.on('close', (status, received) => {
      clearTimeout(timer);
      resolve({ status, signal: received, stderr, milliseconds: performance.now() - sent });
    });
  });
}

const long = {
  simulation: ['simulate', 'policies/mehrs/v2.1', '--cohort', 'IOC=1000000000', '--force'],
  campaign: ['simulate', 'policies/mehrs/v2.1', '--campaign', '--threads', '2'],
};

describe('signals', () => {
  for (const [what, args] of Object.entries(long)) {
    it.each(['SIGINT', 'SIGTERM'] as const)(`%s ends a long ${what} at once, quietly`, async (signal) => {
      const run = await interrupt(args, signal);
      // Ended by the signal, or by a handler that restored the terminal and then exited as the signal would.
      expect(run.signal === signal || run.status === 128 + signalNumbers[signal], `status ${run.status}, signal ${run.signal}`).toBe(true);
      expect(run.milliseconds).toBeLessThan(5000);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(run.stderr).not.toMatch(/internal error/);
    });
  }
});

describe('a standard input that is empty, closed or gone', () => {
  const readers = [
    { args: ['fmt', '--stdin'], status: 0 },
    { args: ['fmt', '--stdin', '--stdin-filepath', 'policy.mpol'], status: 0 },
    { args: ['lsp', '--stdio'], status: 1 },
  ];

  for (const { args, status } of readers) {
    const command = `mpol ${args.join(' ')}`;

    it(`${command} ends with ${status} on an empty input (< /dev/null)`, () => {
      const run = spawnSync(process.execPath, [mainScript, ...args], { cwd: tempFolder(), env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: timeLimit });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(status);
      expect(hasStackTrace(run.stderr)).toBe(false);
    });

    it(`${command} ends with ${status} when standard input was closed before it started (<&-)`, () => {
      const quoted = [process.execPath, mainScript, ...args].map((word) => `'${word}'`).join(' ');
      const run = spawnSync('sh', ['-c', `exec ${quoted} <&-`], { cwd: tempFolder(), env: childEnv(), encoding: 'utf8', timeout: timeLimit });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(status);
      expect(hasStackTrace(run.stderr)).toBe(false);
    });

    it(`${command} ends with ${status} when the writer of its input pipe leaves, with its output closed too`, async () => {
      const run = await runClosed(args, tempFolder(), 'both', {}, { text: '' });
      expect(run.signal).toBe(null);
      expect(run.status).toBe(status);
    });
  }
});
