/**
 * Runs the built `mpol` executable in a child process, as a user would,
 * and captures what it prints. `npm test` builds `dist/` first.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { childEnv } from '../child-env.js';

export const mainScript = fileURLToPath(new URL('../../dist/mpol.js', import.meta.url));
export const exampleFolder = fileURLToPath(new URL('../../policies/example', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

/**
 * Runs `mpol args` in `cwd`. The colour variables of the test runner's own
 * environment are removed, so each test states the ones it depends on.
 */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}, streams: { stdout?: number; input?: string } = {}): CliRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, [mainScript, ...args], {
    cwd,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 20_000,
    // HTML pages inline their libraries: several megabytes.
    maxBuffer: 64 * 1024 * 1024,
    ...(streams.input === undefined ? {} : { input: streams.input }),
    ...(streams.stdout === undefined ? {} : { stdio: ['pipe', streams.stdout, 'pipe'] }),
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, milliseconds: performance.now() - started };
}

const folders: string[] = [];

/** A fresh temporary folder, removed after the current test. */
export function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-cli-'));
  folders.push(folder);
  return folder;
}

/** A temporary folder holding a copy of `policies/example/`. */
export function exampleCopy(): string {
  const folder = tempFolder();
  cpSync(exampleFolder, folder, { recursive: true });
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** True if `text` looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(?.*:\d+:\d+\)?$/m.test(text);
}

// Matches the escape sequences picocolors writes.
export const ansiEscape = /\u001b\[/;
