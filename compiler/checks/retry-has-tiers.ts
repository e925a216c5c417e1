/**
 * Rule: a retry strategy has at least one tier.
 * Reports: `empty-retry`.
 * Enforces: docs/language.md, "Declarations" › `retry`: a strategy is its
 * tiers of retries; without one it retries nothing and says nothing.
 */
import type { Check } from './check.js';

export const checkRetryHasTiers: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const { node } = retry;
    if (node.name.kind === 'Missing' || node.items.some((item) => item.kind === 'Tier')) continue;
    ctx.report('empty-retry', retry.source.file, node.name, { name: retry.name }, { help: 'add a tier, such as `tier main: 3 retries every 5m`' });
  }
};
