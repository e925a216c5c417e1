/**
 * The command line never hangs on its standard streams: every command, run
 * with standard output, standard error or both closed by their reader
 * before it writes (`mpol check . | head`, a CI step piping into
 * `grep -q`), ends at once with the exit code it would have had, and still
 * does its work. Standard input is left open and never written to, so a
 * command that read it would hang here too; the commands that read it
 * (`fmt --stdin`, `lsp --stdio`) get their input and its end. Every
 * command is here (`commands` below is checked against `mpol help`);
 * signals and a closed standard input are in `signals.test.ts`.
 */
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.js';
import { exampleCopy, lspSession, runClosed, type Input } from './run-closed.js';

const repo = path.resolve(import.meta.dirname, '../..');

interface Case {
  readonly name: string;
  readonly args: (folder: string) => string[];
  readonly status: number;
  /** What must exist afterwards, however the output went. */
  readonly wrote?: (folder: string) => string;
  readonly env?: (folder: string) => Record<string, string>;
  readonly input?: Input;
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
  { name: 'help', args: () => ['help'], status: 0 },
  { name: 'help simulate', args: () => ['help', 'simulate'], status: 0 },
  { name: 'help of an unknown command', args: () => ['help', 'nope'], status: 2 },
  { name: 'check --fix', args: () => ['check', '.', '--fix'], status: 0 },
  { name: 'fmt', args: (folder) => ['fmt', messyPolicy(folder)], status: 0, wrote: (folder) => path.join(folder, 'messy.mpol') },
  { name: 'fmt --check', args: (folder) => ['fmt', '--check', messyPolicy(folder)], status: 1 },
  { name: 'fmt --stdin', args: () => ['fmt', '--stdin'], status: 0, input: { text: 'policy   X version "1" "x"\n' } },
  { name: 'fmt --stdin with syntax errors', args: () => ['fmt', '--stdin'], status: 1, input: { text: 'party P\n' } },
  { name: 'doc', args: () => ['doc', '.'], status: 0 },
  { name: 'doc --format html', args: () => ['doc', '.', '--format', 'html'], status: 0 },
  { name: 'doc --out', args: () => ['doc', '.', '--out', 'policy.md'], status: 0, wrote: (folder) => path.join(folder, 'policy.md') },
  { name: 'faults', args: () => ['faults', '.'], status: 0 },
  { name: 'faults --out', args: () => ['faults', '.', '--out', 'template.json'], status: 0, wrote: (folder) => path.join(folder, 'template.json') },
  { name: 'faults of a missing policy', args: () => ['faults', 'nope'], status: 2 },
  { name: 'simulate --format html', args: () => ['simulate', '.', '--cohort', 'IOC=50', '--format', 'html'], status: 0 },
  { name: 'simulate --format markdown', args: () => ['simulate', '.', '--cohort', 'IOC=50', '--format', 'markdown'], status: 0 },
  { name: 'simulate --format csv', args: () => ['simulate', '.', '--cohort', 'IOC=50', '--format', 'csv'], status: 0 },
  { name: 'simulate --out', args: () => ['simulate', '.', '--cohort', 'IOC=50', '--out', 'report.html'], status: 0, wrote: (folder) => path.join(folder, 'report.html') },
  { name: 'simulate --progress json', args: () => ['simulate', '.', '--cohort', 'IOC=50', '--progress', 'json'], status: 0 },
  { name: 'simulate --campaign', args: () => ['simulate', path.join(repo, 'policies/mehrs/v2.1'), '--campaign', '--cohort', 'FOC=300', '--threads', '2'], status: 0 },
  { name: 'simulate --compare', args: () => ['simulate', path.join(repo, 'policies/mehrs/v2.1'), '--compare', path.join(repo, 'policies/mehrs/v2.1/faults.json'), '--cohort', 'FOC=300', '--threads', '1'], status: 0 },
  { name: 'lsp --stdio, a whole session', args: () => ['lsp', '--stdio'], status: 0, input: { text: lspSession, endAfter: 5000 } },
  { name: 'lsp --stdio, a client that goes away', args: () => ['lsp', '--stdio'], status: 1, input: { text: '' } },
  { name: 'lsp without a transport', args: () => ['lsp'], status: 2 },
];

function messyPolicy(folder: string): string {
  writeFileSync(path.join(folder, 'messy.mpol'), 'policy   Messy version "1" "Messy"\n');
  return path.join(folder, 'messy.mpol');
}

describe('closed output streams', () => {
  for (const closed of ['both', 'stdout', 'stderr'] as const) {
    describe(`with ${closed === 'both' ? 'both streams' : closed} closed early`, () => {
      it.concurrent.each(cases.map((c) => [c.name, c] as const))('%s ends with its own exit code', async (_name, testCase) => {
        const folder = exampleCopy();
        const run = await runClosed(testCase.args(folder), folder, closed, testCase.env?.(folder), testCase.input);
        expect(run.signal).toBe(null);
        expect(run.status).toBe(testCase.status);
        if (testCase.wrote !== undefined) expect(existsSync(testCase.wrote(folder))).toBe(true);
        // Whatever stream is still open shows no trace of the closed one's failure.
        expect(run.stderr).not.toMatch(/EPIPE|internal error: (?!simulated bug)/);
        expect(hasStackTrace(run.stderr)).toBe(false);
      });
    });
  }

  it('covers every command of mpol help', () => {
    const folder = exampleCopy();
    const help = runCli(['help'], folder).stdout;
    const commands = [...help.slice(help.indexOf('Commands:')).matchAll(/^  ([a-z]+) /gm)].map((match) => match[1]!);
    expect(commands.length).toBeGreaterThan(8);
    for (const command of commands) expect(cases.some((c) => c.args(folder)[0] === command), command).toBe(true);
  });

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
