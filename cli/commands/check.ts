/**
 * `mpol check <paths...>`: checks every policy found and prints its
 * diagnostics as text (with a summary line), JSON or SARIF.
 */
import { renderDiagnostics, summary } from '../../compiler/index.js';
import { checkPaths, type Checked } from '../check-paths.js';
import { fixPaths } from '../fix-paths.js';
import { fail, type CliContext, type ExitCode } from '../context.js';
import { formatJson } from '../format-json.js';
import { formatSarif } from '../format-sarif.js';

export const formats = ['text', 'json', 'sarif'] as const;
export type Format = (typeof formats)[number];

export interface CheckOptions {
  readonly format: Format;
  /** Apply the first fix of each diagnostic to the files, then report what is left. */
  readonly fix?: boolean;
}

export function check(paths: readonly string[], options: CheckOptions, ctx: CliContext): ExitCode {
  // What was fixed goes with the report in text, and beside it for the machine formats, which must stay parseable.
  const say = options.format === 'text' ? (line: string) => ctx.out(line) : (line: string) => ctx.err(line);
  const outcome = options.fix === true ? fixPaths(paths, ctx.cwd, say) : checkPaths(paths, ctx.cwd);
  if (outcome.kind !== 'checked') return fail(ctx, outcome.message);
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
