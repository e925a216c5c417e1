/**
 * Rule: every cohort runs at least one step, and every group is selected
 * by some guard.
 * Reports: `unused-cohort`, `unused-group` (warnings).
 * Enforces: docs/language.md, "Declarations" › `cohort` and `group`.
 *
 * The two differ on purpose. A cohort is a population that runs the
 * migration: most cohorts follow the common path and no guard needs to name
 * them, so a cohort is unused only when every step's guards exclude it
 * (nothing would happen to its installations). A group exists only to
 * select a path within its cohort, so a group no guard or predicate
 * mentions changes nothing.
 */
import type { Check } from './check.js';
import { guardEvaluator } from './guard-truth.js';
import { referencedNames } from './referenced-names.js';

export const checkPopulationsUsed: Check = (ctx, { model, table }) => {
  const guardTruth = guardEvaluator(model);
  const steps = model.flow.filter((node) => node.kind === 'step');
  const referenced = referencedNames(table);
  for (const symbol of table.symbols.values()) {
    if (symbol.kind === 'group' && !referenced.has(symbol.name)) {
      ctx.report('unused-group', symbol.file, symbol.span, { name: symbol.name }, { help: `select it with a guard such as \`when group ${symbol.name}\`, or remove it` });
    }
    if (symbol.kind !== 'cohort' || steps.length === 0) continue;
    const groups = model.cohorts.get(symbol.name)?.groups ?? [];
    const populations = [undefined, ...groups].map((group) => ({ cohort: symbol.name, group }));
    const runsAStep = steps.some((step) => populations.some((population) => step.guards.every((guard) => guardTruth(guard, population) !== 'false')));
    if (!runsAStep) {
      ctx.report('unused-cohort', symbol.file, symbol.span, { name: symbol.name }, { help: `every step's guards exclude \`${symbol.name}\`: loosen a guard, or remove the cohort` });
    }
  }
};
