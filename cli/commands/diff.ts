/**
 * `mpol diff <old> <new>`: the semantic diff of two versions of a policy,
 * each given as its root file or a folder holding one policy.
 */
import { diffPolicies, formatDiffJson, formatDiffMarkdown, formatDiffText, type PolicyModel } from '../../compiler/index.js';
import { checkPaths } from '../check-paths.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { formatText } from './check.js';

export const diffFormats = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof diffFormats)[number];

export function diff(before: string, after: string, options: { format: DiffFormat }, ctx: CliContext): ExitCode {
  const old = load(before, ctx);
  if (typeof old === 'number') return old;
  const current = load(after, ctx);
  if (typeof current === 'number') return current;
  const changes = diffPolicies(old, current);
  const formatted = {
    text: () => formatDiffText(changes, old, current),
    json: () => formatDiffJson(changes),
    markdown: () => formatDiffMarkdown(changes, old, current),
  }[options.format]();
  ctx.out(formatted);
  return exitCodes.ok;
}

/** The one policy at `path`, or the exit code after saying why there is none. */
function load(path: string, ctx: CliContext): PolicyModel | ExitCode {
  const outcome = checkPaths([path], ctx.cwd);
  if (outcome.kind === 'usage') return fail(ctx, outcome.message);
  const { checked } = outcome;
  if (checked.exitCode !== exitCodes.ok) {
    // A policy with errors cannot be compared: show why, as `check` would.
    ctx.err(formatText(checked, ctx.color));
    return checked.exitCode;
  }
  const policies = checked.result.policies;
  if (policies.length !== 1) {
    const found = policies.length === 0 ? 'no policy' : `${policies.length} policies (${policies.map((p) => p.root).join(', ')})`;
    return fail(ctx, `'${path}' holds ${found}; name one policy's root file or folder`);
  }
  return policies[0]!.model;
}
