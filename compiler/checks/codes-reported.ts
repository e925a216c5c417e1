/**
 * Rule: every error code goes to at least one report.
 * Reports: `code-without-report`.
 * Enforces: docs/language.md, "Declarations" › `error`: "Every code must go
 * to at least one report".
 */
import type { Check } from './check.js';
import { declaredNames, oneOf } from './policy-names.js';

export const checkCodesReported: Check = (ctx, { model, table }) => {
  for (const error of model.errors.values()) {
    const node = table.symbols.get(error.name)?.node;
    if (node?.kind !== 'Error' || node.name.kind === 'Missing') continue;
    // A `report` item whose names recovery lost still counts: it was reported as a syntax error.
    if (node.items.some((item) => item.kind === 'ErrorReports')) continue;
    const help = reportHelp(declaredNames(table, 'report'));
    ctx.report('code-without-report', error.source.file, node.name, { code: error.name }, { help });
  }
};

/** What to add, naming the policy's reports: its one report, a choice of them, or a report to declare first. */
function reportHelp(reports: readonly string[]): string {
  if (reports.length === 1) return `add \`report ${reports[0]}\` inside the braces: \`{ report ${reports[0]} }\``;
  if (reports.length > 1) return `add \`report NAME\` inside the braces, with NAME one of ${oneOf(reports)}`;
  return 'declare a report (`report NAME "title" to PARTY`), then add `report NAME` inside the braces';
}
