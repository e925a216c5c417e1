/**
 * Rule: a per-attempt `timeout` is longer than 0.
 * Reports: `zero-timeout`.
 * Enforces: docs/language.md, "Declarations" › `retry` (`timeout D`): an
 * attempt slower than the timeout fails at `start + timeout`, so a timeout
 * of 0 would fail every attempt that takes any time; the runtime refuses it.
 */
import type { Check } from './check.js';

export const checkTimeoutIsPositive: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    for (const item of retry.node.items) {
      if (item.kind !== 'RetryTimeout' || item.limit.kind !== 'Duration' || item.limit.ms > 0) continue;
      ctx.report('zero-timeout', retry.source.file, item.limit, {}, { help: 'give the longest an attempt may take, such as `timeout 10m`, or remove `timeout`' });
    }
  }
};
