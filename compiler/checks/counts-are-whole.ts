/**
 * Rule: every count is a whole number greater than 0: a tier's retries,
 * `attempts`, and `exclude after N failed attempts`.
 * Reports: `invalid-count`.
 * Enforces: docs/language.md, "Declarations" › `retry` (`N retries`,
 * `attempts N`) and `exclude`.
 */
import type * as A from '../../grammar/index.js';
import type { PassContext } from '../context.js';
import type { Check } from './check.js';

export const checkCountsAreWhole: Check = (ctx, { model }) => {
  for (const retry of model.retries.values()) {
    const file = retry.source.file;
    for (const item of retry.node.items) {
      if (item.kind === 'Tier' && item.count?.kind === 'Number') {
        const tier = item.name.kind === 'Ident' ? ` of tier \`${item.name.name}\`` : '';
        checkCount(ctx, file, item.count, `the retry count${tier}`);
      }
      if (item.kind === 'RetryAttempts' && item.count.kind === 'Number') checkCount(ctx, file, item.count, '`attempts`');
    }
  }
  // Every `exclude` is checked, not only the first that lowering keeps: each is written.
  for (const file of ctx.files) {
    for (const item of file.tree.items) {
      if (item.kind === 'Exclusion' && item.attempts.kind === 'Number') {
        checkCount(ctx, file.path, item.attempts, 'the number of failed attempts in `exclude`');
      }
    }
  }
};

function checkCount(ctx: PassContext, file: string, count: A.NumberLit, what: string): void {
  if (Number.isInteger(count.value) && count.value > 0) return;
  const whole = Math.max(1, Math.round(count.value));
  ctx.report('invalid-count', file, count, { what }, { help: `write a whole number such as \`${whole}\`` });
}
