/**
 * `mpol build <paths...> --out <dir> [--root <dir>]`: checks, then writes
 * one TypeScript module per policy. The modules mirror the layout of the
 * root files under `--out`, as `tsc` mirrors its root folder: the root is
 * the deepest folder holding every policy's root file, or `--root`, so
 * `policies/mehrs/v2.0/mehrs.mpol` and `policies/mehrs/v2.1/mehrs.mpol`
 * become `v2.0/mehrs.ts` and `v2.1/mehrs.ts`. Writes nothing at all unless
 * every policy is free of errors, and then every module or none, so a build
 * folder never mixes fresh and stale modules.
 */
import path from 'node:path';
import type { CompiledPolicy } from '../../compiler/index.js';
import { checkPaths } from '../check-paths.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { describeFileError, shownPath } from '../../compiler/disk/host.js';
import { makeFolder } from '../make-folder.js';
import { targetProblem, WriteFailure, writeFilesAtomic } from '../write-atomic.js';
import { formatText } from './check.js';

export interface BuildOptions {
  readonly out: string;
  /** The folder whose layout the modules mirror; by default the deepest one holding every root file. */
  readonly root?: string;
}

/** Turns a checked policy into the text of its module. */
export type Emit = (policy: CompiledPolicy) => string;

/** Where one policy's module goes. */
interface Target {
  readonly policy: CompiledPolicy;
  readonly file: string;
}

interface Output {
  readonly file: string;
  readonly text: string;
}

export function build(paths: readonly string[], options: BuildOptions, ctx: CliContext, emit: Emit): ExitCode {
  const outcome = checkPaths(paths, ctx.cwd);
  if (outcome.kind === 'usage') return fail(ctx, outcome.message);
  const { checked } = outcome;
  ctx.out(formatText(checked, ctx.color));
  if (checked.exitCode !== exitCodes.ok) {
    ctx.err('mpol: nothing was written, because of the errors above\n');
    return checked.exitCode;
  }

  const { policies } = checked.result;
  if (policies.length === 0) return fail(ctx, 'no file declares a `policy`, so there is nothing to build');
  const outFolder = path.resolve(ctx.cwd, options.out);
  const roots = policies.map((policy) => path.resolve(ctx.cwd, policy.root));
  const rootFolder = options.root === undefined ? commonFolder(roots) : path.resolve(ctx.cwd, options.root);
  const outside = policies.find((_, i) => !isInside(rootFolder, roots[i]!));
  if (outside !== undefined) {
    return fail(ctx, `'${outside.root}' is not under the --root folder '${options.root}'; give a --root that holds every policy`);
  }
  const targets = policies.map((policy, i): Target => ({ policy, file: path.join(outFolder, path.relative(rootFolder, roots[i]!).replace(/\.mpol$/, '.ts')) }));

  // Every module is emitted before any is written, so an emitter failure
  // leaves the output folder untouched.
  const outputs = targets.map((target): Output => ({ file: target.file, text: emit(target.policy) }));
  return write(outputs, outFolder, ctx);
}

/** The deepest folder that holds every file of `files` (absolute paths). */
function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0]!);
  while (!files.every((file) => isInside(folder, file))) {
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return folder;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Writes every module or none: the folders first (refusing a system file
 * system such as /proc), every target checked (a named pipe would block),
 * then all the texts to temporary files, renamed into place only once every
 * one is on the disk (write-atomic.ts).
 */
function write(outputs: readonly Output[], outFolder: string, ctx: CliContext): ExitCode {
  const shown = (absolute: string): string => shownPath(ctx.cwd, absolute);
  for (const folder of new Set([outFolder, ...outputs.map((output) => path.dirname(output.file))])) {
    const problem = makeFolder(folder, shown);
    if (problem !== null) return fail(ctx, `cannot create folder '${shown(folder)}': ${problem}`);
  }
  for (const output of outputs) {
    const problem = targetProblem(output.file);
    if (problem !== null) return fail(ctx, `cannot write '${shown(output.file)}': ${problem}; nothing was written`);
  }
  try {
    writeFilesAtomic(outputs);
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    return fail(ctx, `cannot write '${shown(error.file)}': ${describeFileError(error.cause)}; nothing was written`);
  }
  for (const output of outputs) ctx.out(`wrote ${shown(output.file)}\n`);
  return exitCodes.ok;
}
