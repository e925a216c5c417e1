/**
 * `mpol diff <old> <new>`: the semantic diff of two versions of a policy,
 * each given as its root file or a folder holding one policy.
 */
import { diffPolicies, formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../compiler/index.js';
import { exitCodes, type CliContext, type ExitCode } from '../context.js';
import { loadOnePolicy } from '../one-policy.js';

export const diffFormats = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof diffFormats)[number];

export function diff(before: string, after: string, options: { format: DiffFormat }, ctx: CliContext): ExitCode {
  const oldPolicy = loadOnePolicy(before, ctx);
  if (typeof oldPolicy === 'number') return oldPolicy;
  const currentPolicy = loadOnePolicy(after, ctx);
  if (typeof currentPolicy === 'number') return currentPolicy;
  const old = oldPolicy.model;
  const current = currentPolicy.model;
  // Two versions of one policy share its name; a different name is a rename, or two unrelated policies compared by mistake.
  if (old.name !== current.name) {
    ctx.err(`mpol: warning: '${before}' is policy \`${old.name}\` and '${after}' is policy \`${current.name}\`: these may be two different policies rather than two versions of one\n`);
  }
  const changes = diffPolicies(old, current);
  const formatted = {
    text: () => formatDiffText(changes, old, current),
    json: () => formatDiffJson(changes),
    markdown: () => formatDiffMarkdown(changes, old, current),
  }[options.format]();
  ctx.out(formatted);
  return exitCodes.ok;
}
