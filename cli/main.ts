#!/usr/bin/env node
/**
 * The `mpol` executable: the composition root, and with the language
 * server's entry the only code that touches `process`. It builds the
 * context from the process, runs the program and sets the exit code.
 *
 * Invariant: nothing imports this file.
 */
import { CommanderError } from 'commander';
import { emitPolicy } from '../compiler/index.js';
import { exitCodes, shouldColor, type CliContext, type ExitCode } from './context.js';
import { createProgram } from './program.js';
import { readVersion } from './version.js';

async function main(argv: readonly string[]): Promise<ExitCode> {
  const ctx: CliContext = {
    cwd: process.cwd(),
    color: shouldColor(process.env, process.stdout.isTTY === true),
    version: readVersion(),
    progress: process.stderr.isTTY === true && process.env['CI'] === undefined,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
  let exitCode: ExitCode = exitCodes.ok;
  const program = createProgram(ctx, (policy) => emitPolicy(policy), (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'node' });
  } catch (error) {
    // Commander has already printed its message (or the help, or the
    // version); only its exit code needs translating.
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    throw error;
  }
  return exitCode;
}

/** The last resort for bugs: one line, no stack trace unless asked for. */
function reportInternalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mpol: internal error: ${message}\n`);
  if (process.env['MPOL_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) {
    process.stderr.write(`${error.stack}\n`);
  } else {
    process.stderr.write('mpol: this is a bug in mpol; set MPOL_DEBUG=1 to print the stack trace\n');
  }
  process.exitCode = exitCodes.internal;
}

// A reader that stops early (`mpol check . | head`) closes the pipe; that
// is not an error worth reporting.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? exitCodes.ok);
  reportInternalError(error);
});
process.on('uncaughtException', reportInternalError);

// The exit code is set rather than passed to `process.exit`, so that
// output still queued for a pipe is written before the process ends.
main(process.argv).then(
  (code) => (process.exitCode = code),
  (error: unknown) => reportInternalError(error),
);
