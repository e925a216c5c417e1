/**
 * The one policy a command works on (`diff`, `simulate`): a root file, or a
 * folder that holds exactly one policy, checked without errors.
 */
import type { CompiledPolicy } from '../compiler/index.js';
import { checkPaths } from './check-paths.js';
import { formatText } from './commands/check.js';
import { exitCodes, fail, type CliContext, type ExitCode } from './context.js';

/** The policy at `path`, or the exit code after saying why there is none. */
export function loadOnePolicy(path: string, ctx: CliContext): CompiledPolicy | ExitCode {
  const outcome = checkPaths([path], ctx.cwd);
  if (outcome.kind === 'usage') return fail(ctx, outcome.message);
  const { checked } = outcome;
  if (checked.exitCode !== exitCodes.ok) {
    // A policy with errors cannot be used: show why, as `check` would.
    ctx.err(formatText(checked, ctx.color));
    return checked.exitCode;
  }
  const policies = checked.result.policies;
  if (policies.length !== 1) {
    const found = policies.length === 0 ? 'no policy' : `${policies.length} policies (${policies.map((p) => p.root).join(', ')})`;
    return fail(ctx, `'${path}' holds ${found}; name one policy's root file or folder`);
  }
  return policies[0]!;
}
