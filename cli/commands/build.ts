/**
 * `mpol build <paths...> --out <dir>`: checks, then writes one TypeScript
 * module per policy, named after its root file. Writes nothing at all
 * unless every policy is free of errors, and then every module or none, so
 * a build folder never mixes fresh and stale modules.
 */
import path from 'node:path';
import type { CompiledPolicy } from '../../compiler/index.js';
import { checkPaths } from '../check-paths.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { describeFileError, shownPath } from '../fs-host.js';
import { makeFolder } from '../make-folder.js';
import { targetProblem, WriteFailure, writeFilesAtomic } from '../write-atomic.js';
import { formatText } from './check.js';

export interface BuildOptions {
  readonly out: string;
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
  const targets = policies.map((policy): Target => ({ policy, file: path.join(outFolder, `${path.basename(policy.root, '.mpol')}.ts`) }));
  const clash = findClash(targets);
  if (clash !== undefined) {
    const [first, second] = clash;
    const shown = shownPath(ctx.cwd, first.file);
    return fail(ctx, `'${first.policy.root}' and '${second.policy.root}' would both be written to '${shown}': build them separately`);
  }

  // Every module is emitted before any is written, so an emitter failure
  // leaves the output folder untouched.
  const outputs = targets.map((target): Output => ({ file: target.file, text: emit(target.policy) }));
  return write(outputs, outFolder, ctx);
}

/** Two policies whose root files share a base name, and so an output file. */
function findClash(targets: readonly Target[]): [Target, Target] | undefined {
  const byFile = new Map<string, Target>();
  for (const target of targets) {
    const earlier = byFile.get(target.file);
    if (earlier !== undefined) return [earlier, target];
    byFile.set(target.file, target);
  }
  return undefined;
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
