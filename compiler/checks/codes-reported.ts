/**
 * Rule: every error code goes to at least one report.
 * Reports: `code-without-report`.
 * Enforces: docs/language.md, "Declarations" › `error`: "Every code must go
 * to at least one report".
 */
import type { Check } from './check.js';

export const checkCodesReported: Check = (ctx, { model, table }) => {
  for (const error of model.errors.values()) {
    const node = table.symbols.get(error.name)?.node;
    if (node?.kind !== 'Error' || node.name.kind === 'Missing') continue;
    // A `report` item whose names recovery lost still counts: it was reported as a syntax error.
    if (node.items.some((item) => item.kind === 'ErrorReports')) continue;
    const help = 'add `report NAME` inside the braces, such as `{ report MRR6 }`';
    ctx.report('code-without-report', error.source.file, node.name, { code: error.name }, { help });
  }
};
