/**
 * Rule: every rule says where in the document it comes from.
 * Reports: `missing-ref` (warning).
 * Enforces: docs/language.md, "`ref`": "a step, stage, check, error or
 * retry strategy with no `ref` at all is a warning".
 *
 * Steps and checks inherit their stage's `ref`. A stage without one is
 * reported once, and the items inside it without their own are not: giving
 * the stage a `ref` settles them all.
 */
import type * as A from '../../grammar/index.js';
import type { PassContext } from '../context.js';
import type { Check } from './check.js';
import { migrationNode } from './syntax-lookup.js';

const help = 'add `ref "SECTION"` after the name';

export const checkRefsPresent: Check = (ctx, { model, table }) => {
  for (const { name, source } of [...model.errors.values(), ...model.retries.values()]) {
    const node = table.symbols.get(name)?.node;
    if ((node?.kind !== 'Error' && node?.kind !== 'Retry') || node.ref !== undefined) continue;
    warn(ctx, source.file, node.name, node.kind === 'Error' ? 'error' : 'retry strategy');
  }
  const migration = migrationNode(ctx);
  const file = ctx.files.find((f) => migration !== undefined && f.tree.items.includes(migration))?.path;
  if (migration === undefined || file === undefined) return;
  for (const item of migration.items) {
    if (item.kind !== 'Stage') {
      checkItem(ctx, file, item);
      continue;
    }
    if (item.ref !== undefined) continue;
    if (item.name.kind === 'Ident') warn(ctx, file, item.name, 'stage');
  }
};

function checkItem(ctx: PassContext, file: string, item: A.StageItem): void {
  if (item.kind === 'Step' && item.ref === undefined) warn(ctx, file, item.name, 'step');
  if (item.kind === 'Check' && item.ref === undefined) warn(ctx, file, item.code, 'check');
}

function warn(ctx: PassContext, file: string, name: A.Name, what: string): void {
  if (name.kind === 'Missing') return;
  ctx.report('missing-ref', file, name, { what: `${what} \`${name.name}\`` }, { help });
}
