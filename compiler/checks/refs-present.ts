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
import { encodeString, type Name, type StageItem } from '../../grammar/index.js';
import type { PassContext } from '../context.js';
import type { SymbolTable } from '../symbols.js';
import type { Check } from './check.js';
import { oneOf } from './policy-names.js';
import { migrationNode } from './syntax-lookup.js';

export const checkRefsPresent: Check = (ctx, { model, table }) => {
  const errors = refHelp(table, [...model.errors.values()].map((error) => error.ref));
  const retries = refHelp(table, [...model.retries.values()].map((retry) => retry.ref));
  for (const { name, source } of [...model.errors.values(), ...model.retries.values()]) {
    const node = table.symbols.get(name)?.node;
    if ((node?.kind !== 'Error' && node?.kind !== 'Retry') || node.ref !== undefined) continue;
    warn(ctx, source.file, node.name, node.kind === 'Error' ? 'error' : 'retry strategy', node.kind === 'Error' ? errors : retries);
  }
  const migration = migrationNode(ctx);
  const file = ctx.files.find((f) => migration !== undefined && f.tree.items.includes(migration))?.path;
  if (migration === undefined || file === undefined) return;
  // The flow's rules: stages and their items, handlers and deadlines included.
  const flow = refHelp(table, migration.items.flatMap((item) => (item.kind === 'Stage' ? [item, ...item.items] : [item])).map((item) => (item.ref?.section.kind === 'String' ? item.ref.section.value : undefined)));
  for (const item of migration.items) {
    if (item.kind !== 'Stage') {
      checkItem(ctx, file, item, flow);
      continue;
    }
    if (item.ref !== undefined) continue;
    if (item.name.kind === 'Ident') warn(ctx, file, item.name, 'stage', flow);
  }
};

function checkItem(ctx: PassContext, file: string, item: StageItem, help: string): void {
  if (item.kind === 'Step' && item.ref === undefined) warn(ctx, file, item.name, 'step', help);
  if (item.kind === 'Check' && item.ref === undefined) warn(ctx, file, item.code, 'check', help);
}

function warn(ctx: PassContext, file: string, name: Name, what: string, help: string): void {
  if (name.kind === 'Missing') return;
  ctx.report('missing-ref', file, name, { what: `${what} \`${name.name}\`` }, { help });
}

/**
 * The help: the sections the policy declares, those that the rules of the
 * same kind refer to most first (every error of a policy often comes from
 * one appendix), or how to declare one when it has none.
 */
function refHelp(table: SymbolTable, used: readonly (string | undefined)[]): string {
  const uses = new Map<string, number>();
  for (const section of used) if (section !== undefined && table.sections.has(section)) uses.set(section, (uses.get(section) ?? 0) + 1);
  // A stable sort: sections used as often stay in the order they are declared.
  const sections = [...table.sections.keys()].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0)).map(encodeString);
  if (sections.length === 0) return 'declare the section it comes from with `section "NUMBER" "TITLE"`, then add `ref "NUMBER"` after the name';
  if (sections.length === 1) return `add \`ref ${sections[0]}\` after the name`;
  return `add \`ref "SECTION"\` after the name, with SECTION one of ${oneOf(sections)}`;
}
