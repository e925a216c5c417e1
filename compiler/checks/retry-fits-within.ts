/**
 * Rule: every counted retry is scheduled within the strategy's `within`
 * period, even on the earliest timeline.
 * Reports: `retry-exceeds-within`.
 * Enforces: docs/language.md, "Declarations" › `retry`, "The schedule" and
 * "What the compiler checks": "a counted retry scheduled after the `within`
 * period, with its time".
 *
 * An uncounted last tier is meant to run until the period ends, so only a
 * tier that promises a number of retries can break its promise. A retry the
 * `attempts` limit stops first is never scheduled, so it is not reported.
 */
import { firstScheduledAfter } from '../retry-timeline.js';
import type { Check } from './check.js';
import { schedulable } from './syntax-lookup.js';
import { formatDuration } from '../../common/duration.js';

export const checkRetryFitsWithin: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const { within } = retry;
    if (within === undefined || !schedulable(ctx, retry)) continue;
    const outside = firstScheduledAfter(retry, within);
    const tier = outside?.tier;
    if (outside === undefined || tier === undefined || tier.count === undefined) continue;
    const file = retry.source.file;
    const tierNode = retry.node.items.find((item) => item.kind === 'Tier' && item.start === tier.source.span.start);
    const span = tierNode?.kind === 'Tier' && tierNode.count !== undefined ? tierNode.count : tier.source.span;
    const withinItem = retry.node.items.find((item) => item.kind === 'RetryWithin');
    const fitting = outside.retryOfTier - 1;
    const help =
      fitting === 0
        ? `no retry of tier \`${tier.name}\` fits: lengthen \`within\` or remove the tier`
        : `only ${fitting} ${fitting === 1 ? 'retry' : 'retries'} of tier \`${tier.name}\` fit: write \`${fitting} retries\`, or lengthen \`within\``;
    ctx.report(
      'retry-exceeds-within',
      file,
      span,
      { retry: String(outside.retryOfTier), tier: tier.name, time: formatDuration(outside.at), within: formatDuration(within) },
      { notes: withinItem ? [{ message: 'the retry period is set here, from the first attempt', file, span: withinItem }] : [], help },
    );
  }
};

