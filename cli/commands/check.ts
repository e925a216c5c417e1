/**
 * `mpol check <paths...>`: checks every policy found and prints its
 * diagnostics as text (with a summary line), JSON or SARIF.
 */
import { renderDiagnostics, summary } from '../../compiler/index.js';
import { checkPaths, type Checked } from '../check-paths.js';
import { fail, type CliContext, type ExitCode } from '../context.js';
import { formatJson } from '../format-json.js';
import { formatSarif } from '../format-sarif.js';

export const formats = ['text', 'json', 'sarif'] as const;
export type Format = (typeof formats)[number];

export interface CheckOptions {
  readonly format: Format;
}

export function check(paths: readonly string[], options: CheckOptions, ctx: CliContext): ExitCode {
  const outcome = checkPaths(paths, ctx.cwd);
  if (outcome.kind === 'usage') return fail(ctx, outcome.message);
  const { checked } = outcome;
  const { diagnostics, texts } = checked.result;
  switch (options.format) {
    case 'text':
      ctx.out(formatText(checked, ctx.color));
      break;
    case 'json':
      ctx.out(formatJson(diagnostics, texts));
      break;
    case 'sarif':
      ctx.out(formatSarif(diagnostics, texts, { version: ctx.version, cwd: ctx.cwd }));
      break;
  }
  return checked.exitCode;
}

/** The rendered diagnostics, a blank line, then the summary line. */
export function formatText(checked: Checked, color: boolean): string {
  const { diagnostics, texts } = checked.result;
  const rendered = renderDiagnostics(diagnostics, texts, { color });
  return (rendered === '' ? '' : rendered + '\n') + summary(diagnostics, checked.fileCount) + '\n';
}
