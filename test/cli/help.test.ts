// `mpol help`, `mpol help <command>` and the help of every command: what a
// first user reads, with no noise (`(default: [])`, `(default: false)`) and
// required options in the usage line.
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempFolder } from './run-cli.js';

const commands = ['check', 'fmt', 'build', 'diff', 'doc', 'faults', 'simulate', 'lsp', 'help'];

describe('mpol help', () => {
  it('prints the help of mpol on standard output, as --help does', () => {
    const run = runCli(['help'], tempFolder());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(runCli(['--help'], tempFolder()).stdout);
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(commands)('prints the help of `%s`, as its --help does', (command) => {
    const run = runCli(['help', command], tempFolder());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^Usage: mpol ${command} `));
    expect(run.stdout).toBe(runCli([command, '--help'], tempFolder()).stdout);
  });

  it('refuses an unknown command with the nearest one, exit 2', () => {
    const run = runCli(['help', 'simulat'], tempFolder());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("mpol: error: unknown command 'simulat' (did you mean simulate?); run 'mpol help' for the list\n");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it.each(commands)('shows no empty or false default in the help of `%s`', (command) => {
    const help = runCli([command, '--help'], tempFolder()).stdout;
    // A default is worth showing when it says something: never a flag's `false`, an empty list or `undefined`.
    expect(help).not.toMatch(/default: (\[\]|false|undefined|"")/);
  });

  it('puts required options in the usage line: `build --out <dir>`', () => {
    const help = runCli(['build', '--help'], tempFolder()).stdout;
    expect(help.split('\n')[0]).toBe('Usage: mpol build --out <dir> [options] <paths...>');
    expect(help).toMatch(/--out <dir>\s+folder to write the modules to \(required\)/);
  });
});
