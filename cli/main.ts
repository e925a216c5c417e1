#!/usr/bin/env node
/**
 * The `mpol` executable: the composition root, and with the language
 * server's entry the only code that touches `process`. It builds the
 * context from the process, runs the program and sets the exit code.
 *
 * Invariant: nothing imports this file.
 * Invariant: every write goes through the guarded streams of `stdio.ts`,
 * so a closed pipe can neither crash nor hang the process.
 */
import { CommanderError } from 'commander';
import { emitPolicy } from '../compiler/index.js';
import { exitCodes, shouldColor, type CliContext, type ExitCode } from './context.js';
import { describeFileError, sizeLimit } from '../compiler/disk/host.js';
import { createProgram } from './program.js';
import { guardOutput, isClosedReader, readInput, type OutputStream } from './stdio.js';
import { isCheckWorker, runCheckWorker } from './lsp-worker.js';
import { isCampaignWorker, runCampaignWorker } from './campaign-worker.js';
import { readVersion } from './version.js';

/** Set when a write failed for a reason other than a reader that left: the run then ends with exit code 2. */
let outputFailed = false;

const stderr: OutputStream = guardOutput(process.stderr, (error) => {
  if (!isClosedReader(error)) outputFailed = true;
});
const stdout: OutputStream = guardOutput(process.stdout, (error) => {
  if (isClosedReader(error)) return;
  outputFailed = true;
  stderr.write(`mpol: error: cannot write to standard output: ${describeFileError(error)}\n`);
});

async function main(argv: readonly string[]): Promise<ExitCode> {
  const ctx: CliContext = {
    cwd: process.cwd(),
    color: shouldColor(process.env, process.stdout.isTTY === true),
    version: readVersion(),
    progress: process.stderr.isTTY === true && process.env['CI'] === undefined,
    out: (text) => stdout.write(text),
    err: (text) => stderr.write(text),
    readStdin: () => readInput(process.stdin, sizeLimit, describeFileError),
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
  stderr.write(`mpol: internal error: ${message}\n`);
  if (process.env['MPOL_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) {
    stderr.write(`${error.stack}\n`);
  } else {
    stderr.write('mpol: this is a bug in mpol; set MPOL_DEBUG=1 to print the stack trace\n');
  }
  process.exitCode = exitCodes.internal;
}

function runCommandLine(): void {
  process.on('uncaughtException', reportInternalError);
  process.on('exit', () => {
    // A failed write (a full disk, say) is an I/O problem unless a bug already explains the exit.
    if (outputFailed && process.exitCode !== exitCodes.internal) process.exitCode = exitCodes.usage;
  });

  // The exit code is set rather than passed to `process.exit`, so that
  // output still queued for a pipe is written before the process ends.
  main(process.argv).then(
    (code) => (process.exitCode = code),
    (error: unknown) => reportInternalError(error),
  );
}

// The language server's checker and a campaign's shards run in worker
// threads started from this same file (`lsp-worker.ts`, `campaign-worker.ts`):
// they are not a command line.
if (isCheckWorker()) runCheckWorker();
else if (isCampaignWorker()) runCampaignWorker();
else runCommandLine();
