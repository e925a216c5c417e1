/**
 * Rule: every party, artefact, report and retry strategy is referred to.
 * Reports: `unused-declaration` (warning).
 * Enforces: docs/language.md, "Declarations" › `party`, `artefact`,
 * `report`: "named declarations that everything else refers to", and
 * `retry`: a strategy only matters through the steps that use it.
 */
import { describeKind, type DeclKind } from '../symbols.js';
import type { Check } from './check.js';
import { referencedNames } from './referenced-names.js';

const checkedKinds: readonly DeclKind[] = ['party', 'artefact', 'report', 'retry'];

export const checkDeclarationsUsed: Check = (ctx, { table }) => {
  const referenced = referencedNames(table);
  for (const symbol of table.symbols.values()) {
    if (!checkedKinds.includes(symbol.kind) || referenced.has(symbol.name)) continue;
    ctx.report('unused-declaration', symbol.file, symbol.span, { kind: describeKind(symbol.kind), name: symbol.name });
  }
};
