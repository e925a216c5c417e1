/**
 * `mpol build <paths...> --out <dir>`: checks, then writes one TypeScript
 * module per policy, named after its root file. Writes nothing at all
 * unless every policy is free of errors, so a build folder never mixes
 * fresh and stale modules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledPolicy } from '../../compiler/index.js';
import { checkPaths } from '../check-paths.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { describeFileError, shownPath } from '../fs-host.js';
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

function write(outputs: readonly Output[], outFolder: string, ctx: CliContext): ExitCode {
  try {
    mkdirSync(outFolder, { recursive: true });
  } catch (error) {
    return fail(ctx, `cannot create folder '${shownPath(ctx.cwd, outFolder)}': ${describeFileError(error)}`);
  }
  for (const output of outputs) {
    const shown = shownPath(ctx.cwd, output.file);
    try {
      writeFileSync(output.file, output.text);
    } catch (error) {
      return fail(ctx, `cannot write '${shown}': ${describeFileError(error)}`);
    }
    ctx.out(`wrote ${shown}\n`);
  }
  return exitCodes.ok;
}
