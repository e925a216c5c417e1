/**
 * Writes one output file of a command (`doc`, `simulate --out`): its folder
 * created as needed, the text written whole or not at all
 * (`write-atomic.ts`), and any failure said in one line.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fail, type CliContext, type ExitCode } from './context.js';
import { describeFileError, shownPath } from './fs-host.js';
import { writeFileAtomic } from './write-atomic.js';

/** `undefined` when written, else the exit code after saying why not. */
export function writeOutput(ctx: CliContext, file: string, text: string): ExitCode | undefined {
  const folder = path.dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    return fail(ctx, `cannot create folder '${shownPath(ctx.cwd, folder)}': ${describeFileError(error)}`);
  }
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    return fail(ctx, `cannot write '${shownPath(ctx.cwd, file)}': ${describeFileError(error)}`);
  }
  return undefined;
}
