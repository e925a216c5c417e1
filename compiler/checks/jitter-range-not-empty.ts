/**
 * Rule: a jitter range `A..B` has A no greater than B.
 * Reports: `invalid-jitter-range`.
 * Enforces: docs/language.md, "Declarations" › `retry`: "`A..B` adds a
 * wait drawn uniformly from `[A, B]`", which is empty when A > B.
 */
import { nearNameExtras } from '../../grammar/index.js';
import type { Check } from './check.js';
import { sourceText } from './syntax-lookup.js';

export const checkJitterRangeNotEmpty: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const file = retry.source.file;
    for (const item of retry.node.items) {
      if (item.kind !== 'RetryJitter' || item.jitter.kind !== 'JitterRange') continue;
      const range = item.jitter;
      const { low, high } = range;
      if (low.kind === 'Missing' || high.kind === 'Missing' || low.ms <= high.ms) continue;
      const [lowText, highText] = [sourceText(ctx, file, low), sourceText(ctx, file, high)];
      ctx.report('invalid-jitter-range', file, range, { low: lowText, high: highText }, nearNameExtras(file, range, `${lowText}..${highText}`, `${highText}..${lowText}`));
    }
  }
};
