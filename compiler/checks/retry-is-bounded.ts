/**
 * Rule: a retry strategy ends. Only its last tier may omit its count, and
 * then the strategy needs a `within` period or an `attempts` limit.
 * Reports: `uncounted-tier-not-last`, `retry-unbounded`.
 * Enforces: docs/language.md, "Declarations" › `retry` ("only the last tier
 * may omit its count") and "Exhaustion" ("a strategy must be bounded").
 */
import type * as A from '../../grammar/index.js';
import type { Check } from './check.js';

export const checkRetryIsBounded: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const file = retry.source.file;
    const tiers = retry.node.items.filter((item): item is A.Tier => item.kind === 'Tier');
    tiers.forEach((tier, index) => {
      const next = tiers[index + 1];
      if (tier.count !== undefined || next === undefined || tier.name.kind === 'Missing') return;
      const nextName = next.name.kind === 'Ident' ? ` \`${next.name.name}\`` : '';
      ctx.report(
        'uncounted-tier-not-last',
        file,
        tier.name,
        { tier: tier.name.name },
        {
          notes: [{ message: `tier${nextName} never runs`, file, span: next }],
          help: `give tier \`${tier.name.name}\` a count, such as \`3 retries every ...\`, or make it the last tier`,
        },
      );
    });
    const last = tiers[tiers.length - 1];
    // An uncounted tier before the last one is reported above; one mistake, one error.
    if (last === undefined || tiers.some((tier) => tier.count === undefined && tier !== last)) continue;
    const limited = retry.node.items.some((item) => item.kind === 'RetryWithin' || item.kind === 'RetryAttempts');
    if (last.count !== undefined || limited || retry.node.name.kind === 'Missing') continue;
    ctx.report(
      'retry-unbounded',
      file,
      retry.node.name,
      { name: retry.name },
      {
        notes: [{ message: 'this tier repeats without a count', file, span: last }],
        help: 'add a total period such as `within 48h`, or an `attempts` limit',
      },
    );
  }
};
