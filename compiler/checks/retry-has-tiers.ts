/**
 * Rule: a retry strategy has at least one tier.
 * Reports: `empty-retry`.
 * Enforces: docs/language.md, "Declarations" › `retry`: a strategy is its
 * tiers of retries; without one it retries nothing and says nothing.
 */
import { lex } from '../../grammar/index.js';
import type { PassContext } from '../context.js';
import type { PolicyModel } from '../model.js';
import type { Check } from './check.js';
import { sourceText } from './syntax-lookup.js';

export const checkRetryHasTiers: Check = (ctx, { model }) => {
  let help: string | undefined;
  for (const retry of model.retries.values()) {
    const { node } = retry;
    if (node.name.kind === 'Missing' || node.items.some((item) => item.kind === 'Tier')) continue;
    help ??= tierHelp(ctx, model);
    ctx.report('empty-retry', retry.source.file, node.name, { name: retry.name }, { help });
  }
};

/** The help: the first tier of the policy's strategies, as written there (on one line, without comments), or an example when none has one. */
function tierHelp(ctx: PassContext, model: PolicyModel): string {
  for (const retry of model.retries.values()) {
    const tier = retry.tiers[0];
    if (tier === undefined) continue;
    const tokens = lex(sourceText(ctx, tier.source.file, tier.source.span), tier.source.file).tokens;
    const written = tokens.map((token) => token.image).join(' ').replace(' :', ':');
    return `add a tier, such as the first of \`${retry.name}\`: \`${written}\``;
  }
  return 'add a tier, such as `tier main: 3 retries every 5m`';
}
