/**
 * Rule: an exponential tier grows, and only an exponential tier has a cap.
 * Reports: `invalid-factor`, `cap-without-factor`.
 * Enforces: docs/language.md, "Declarations" › `retry`: "with `factor F`
 * (F > 1) the k-th retry of the tier waits `D × F^(k−1)`, never more than
 * `C` when `cap` is given".
 *
 * A tier with a cap and no factor in the tree may still have a `factor`
 * whose number recovery dropped: a tier with a syntax error inside is not
 * told it lacks one.
 */
import type { Check } from './check.js';
import { sourceText } from './syntax-lookup.js';

export const checkTierGrowth: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const file = retry.source.file;
    for (const tier of retry.node.items) {
      if (tier.kind !== 'Tier') continue;
      if (tier.factor?.kind === 'Number' && !(tier.factor.value > 1)) {
        const help = 'use a factor above 1, such as `factor 2`, or remove `factor` for a fixed interval';
        ctx.report('invalid-factor', file, tier.factor, { factor: sourceText(ctx, file, tier.factor) }, { help });
      }
      if (tier.cap?.kind === 'Duration' && tier.factor === undefined && !ctx.recovered(file, tier)) {
        ctx.report('cap-without-factor', file, tier.cap, {}, { help: 'add a `factor` before `cap`, or remove `cap`' });
      }
    }
  }
};
