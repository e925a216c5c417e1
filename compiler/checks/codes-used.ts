/**
 * Rule: every declared error code can occur: a check, a `may fail`, a
 * failure action or a deadline names it.
 * Reports: `unused-error-code` (warning).
 * Enforces: docs/language.md, "Declarations" › `error`: "A code that no
 * check, step, deadline or handler can produce is a warning".
 *
 * A code counts as used when any of those places names it, even an action
 * that every step overrides: the warning is about codes nothing mentions.
 */
import type { Check } from './check.js';
import { referencedNames } from './referenced-names.js';

export const checkCodesUsed: Check = (ctx, { table }) => {
  const named = referencedNames(table);
  for (const symbol of table.symbols.values()) {
    if (symbol.kind !== 'error' || named.has(symbol.name)) continue;
    ctx.report('unused-error-code', symbol.file, symbol.span, { code: symbol.name });
  }
};
