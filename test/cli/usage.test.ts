import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleCopy, hasStackTrace, runCli, tempFolder } from './run-cli.js';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('mpol usage', () => {
  it('prints the version from package.json', () => {
    const run = runCli(['--version'], tempFolder());
    expect(run.stdout).toBe(`${manifest.version}\n`);
    expect(run.status).toBe(0);
  });

  it('prints help listing the commands and exit codes', () => {
    const run = runCli(['--help'], tempFolder());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mpol/);
    expect(run.stdout).toContain('check [options] <paths...>');
    expect(run.stdout).toContain('build [options] <paths...>');
    expect(run.stdout).toContain('Exit codes:');
  });

  it('prints the help of a command', () => {
    const run = runCli(['check', '--help'], tempFolder());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--format <format>');
    expect(runCli(['build', '--help'], tempFolder()).stdout).toContain('--out <dir>');
  });

  it.each([
    [['check', '--frob', '.'], "mpol: error: unknown option '--frob'"],
    [['chek', '.'], "mpol: error: unknown command 'chek'"],
    [['check'], "mpol: error: missing required argument 'paths'"],
    [['check', '--format', 'xml', '.'], "mpol: error: option '--format <format>' argument 'xml' is invalid"],
    [['build', '.'], "mpol: error: required option '--out <dir>' not specified"],
  ])('exits 2 with one clear message for `mpol %s`', (args, message) => {
    const run = runCli(args, exampleCopy());
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(message);
    expect(run.stdout).toBe('');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('exits 2 and shows the help when no command is given', () => {
    const run = runCli([], tempFolder());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Usage: mpol/);
  });

  it('turns a bug into one line and exit code 70, with the stack only on request', () => {
    // A preloaded module breaks `process.cwd`, standing in for a bug that
    // the command line cannot otherwise be made to show.
    const folder = exampleCopy();
    const preload = path.join(folder, 'break-cwd.mjs');
    writeFileSync(preload, "process.cwd = () => { throw new Error('simulated bug'); };\n");
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` };
    const run = runCli(['check', '.'], folder, env);
    expect(run.status).toBe(70);
    expect(run.stderr.split('\n')[0]).toBe('mpol: internal error: simulated bug');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(hasStackTrace(runCli(['check', '.'], folder, { ...env, MPOL_DEBUG: '1' }).stderr)).toBe(true);
  });
});
