/**
 * The command line never hangs on its standard streams: every command, run
 * with standard output, standard error or both closed by their reader
 * before it writes (`mpol check . | head`, a CI step piping into
 * `grep -q`), ends at once with the exit code it would have had, and still
 * does its work. Standard input is left open and never written to, so a
 * command that read it would hang here too. Signals end a long simulation.
 */
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFolder, hasStackTrace, mainScript, runCli } from './run-cli.js';

// The cases run concurrently, so their folders outlive each test (the shared
// `tempFolder` removes every folder after each test) and go at the end.
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function exampleCopy(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-streams-'));
  folders.push(folder);
  cpSync(exampleFolder, folder, { recursive: true });
  return folder;
}

type Closed = 'stdout' | 'stderr' | 'both';

interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

/** Runs `mpol args` with the reading end of the `closed` streams shut before the child writes anything. */
function runClosed(args: readonly string[], cwd: string, closed: Closed, env: Record<string, string> = {}): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [mainScript, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closed === 'stdout' || closed === 'both') child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    if (closed === 'stderr' || closed === 'both') child.stderr.destroy();
    else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mpol ${args.join(' ')} with ${closed} closed did not end within 15 s`));
    }, 15_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, milliseconds: performance.now() - started });
    });
  });
}

const repo = path.resolve(import.meta.dirname, '../..');

interface Case {
  readonly name: string;
  readonly args: (folder: string) => string[];
  readonly status: number;
  /** What must exist afterwards, however the output went. */
  readonly wrote?: (folder: string) => string;
  readonly env?: (folder: string) => Record<string, string>;
}

function brokenPolicy(folder: string): string {
  writeFileSync(path.join(folder, 'broken.mpol'), 'policy Broken version "1" "Broken"\nparty P "p"\nparty P "again"\n');
  return path.join(folder, 'broken.mpol');
}

function breakingPreload(folder: string): Record<string, string> {
  const preload = path.join(folder, 'break-cwd.mjs');
  writeFileSync(preload, "process.cwd = () => { throw new Error('simulated bug'); };\n");
  return { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` };
}

const cases: Case[] = [
  { name: '--version', args: () => ['--version'], status: 0 },
  { name: '--help', args: () => ['--help'], status: 0 },
  { name: 'no command', args: () => [], status: 2 },
  { name: 'an unknown command', args: () => ['chek', '.'], status: 2 },
  { name: 'check', args: () => ['check', path.join(repo, 'policies')], status: 0 },
  { name: 'check --format json', args: () => ['check', '.', '--format', 'json'], status: 0 },
  { name: 'check --format sarif', args: () => ['check', '.', '--format', 'sarif'], status: 0 },
  { name: 'check of a policy with errors', args: (folder) => ['check', brokenPolicy(folder)], status: 1 },
  { name: 'check of a missing path', args: () => ['check', 'nonexist'], status: 2 },
  { name: 'build', args: () => ['build', '.', '--out', 'generated'], status: 0, wrote: (folder) => path.join(folder, 'generated', 'example.ts') },
  { name: 'build of a policy with errors', args: (folder) => ['build', brokenPolicy(folder), '--out', 'generated'], status: 1 },
  { name: 'diff', args: () => ['diff', path.join(repo, 'policies/mehrs/v2.0'), path.join(repo, 'policies/mehrs/v2.1')], status: 0 },
  { name: 'diff --format markdown', args: () => ['diff', path.join(repo, 'policies/mehrs/v2.0'), path.join(repo, 'policies/mehrs/v2.1'), '--format', 'markdown'], status: 0 },
  { name: 'simulate', args: () => ['simulate', '.', '--cohort', 'IOC=200'], status: 0 },
  { name: 'simulate --json', args: () => ['simulate', '.', '--cohort', 'IOC=200', '--json'], status: 0 },
  { name: 'simulate with a bad fault model', args: () => ['simulate', '.', '--faults', 'nope.json'], status: 2 },
  { name: 'an internal error', args: () => ['check', '.'], status: 70, env: breakingPreload },
];

describe('closed output streams', () => {
  for (const closed of ['both', 'stdout', 'stderr'] as const) {
    describe(`with ${closed === 'both' ? 'both streams' : closed} closed early`, () => {
      it.concurrent.each(cases.map((c) => [c.name, c] as const))('%s ends with its own exit code', async (_name, testCase) => {
        const folder = exampleCopy();
        const run = await runClosed(testCase.args(folder), folder, closed, testCase.env?.(folder));
        expect(run.signal).toBe(null);
        expect(run.status).toBe(testCase.status);
        if (testCase.wrote !== undefined) expect(existsSync(testCase.wrote(folder))).toBe(true);
        // Whatever stream is still open shows no trace of the closed one's failure.
        expect(run.stderr).not.toMatch(/EPIPE|internal error: (?!simulated bug)/);
        expect(hasStackTrace(run.stderr)).toBe(false);
      });
    });
  }

  it('says once that standard output could not be written for any other reason, and exits 2', () => {
    const full = '/dev/full';
    if (!existsSync(full)) return;
    const folder = exampleCopy();
    const descriptor = openSync(full, 'w');
    try {
      const run = runCli(['check', '.'], folder, {}, { stdout: descriptor });
      expect(run.stderr).toBe('mpol: error: cannot write to standard output: no space left on the device\n');
      expect(run.status).toBe(2);
    } finally {
      closeSync(descriptor);
    }
  });
});

describe('signals', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s ends a long simulation at once', async (signal) => {
    const child = spawn(process.execPath, [mainScript, 'simulate', 'policies/mehrs/v2.1', '--cohort', 'IOC=1000000000', '--force'], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const ended = new Promise<{ status: number | null; signal: NodeJS.Signals | null; milliseconds: number }>((resolve) => {
      let sent = 0;
      child.stdout.resume();
      child.stderr.resume();
      setTimeout(() => {
        sent = performance.now();
        child.kill(signal);
      }, 1000);
      child.on('close', (status, received) => resolve({ status, signal: received, milliseconds: performance.now() - sent }));
    });
    const run = await ended;
    // Ended by the signal, or by a handler that restored the terminal and then exited as the signal would.
    expect(run.signal === signal || run.status === 128 + (signal === 'SIGINT' ? 2 : 15)).toBe(true);
    expect(run.milliseconds).toBeLessThan(5000);
  });
});
