/**
 * Writes one output file of a command (`doc`, `simulate --out`) as `build`
 * writes its modules: its folder made one level at a time
 * (`make-folder.ts`), a target that is not a regular file refused, and the
 * text written whole or not at all (`write-atomic.ts`); any failure said in
 * one line.
 */
import path from 'node:path';
import { exitCodes, fail, type CliContext, type ExitCode } from './context.js';
import { describeFileError, shownPath } from '../compiler/disk/host.js';
import { makeFolder } from './make-folder.js';
import { targetProblem, writeFileAtomic } from './write-atomic.js';

/** `undefined` when written, else the exit code after saying why not. */
export function writeOutput(ctx: CliContext, file: string, text: string): ExitCode | undefined {
  const shown = (absolute: string): string => shownPath(ctx.cwd, absolute);
  const folder = path.dirname(file);
  const folderProblem = makeFolder(folder, shown);
  if (folderProblem !== null) return fail(ctx, `cannot create folder '${shown(folder)}': ${folderProblem}`);
  const problem = targetProblem(file);
  if (problem !== null) return fail(ctx, `cannot write '${shown(file)}': ${problem}`);
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    return fail(ctx, `cannot write '${shown(file)}': ${describeFileError(error)}`);
  }
  return undefined;
}

/**
 * A report's `text` to standard output, or written whole to `--out` while
 * the terminal gets the summary (made only then) and what the file holds.
 */
export function printOrWrite(ctx: CliContext, text: string, out: string | undefined, summary: () => string, what: string): ExitCode {
  if (out === undefined) {
    ctx.out(text);
    return exitCodes.ok;
  }
  const file = path.resolve(ctx.cwd, out);
  const failed = writeOutput(ctx, file, text);
  if (failed !== undefined) return failed;
  ctx.out(`${summary()}\nwrote ${shownPath(ctx.cwd, file)}: ${what}\n`);
  return exitCodes.ok;
}
