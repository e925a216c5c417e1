/**
 * Not a check: the ways checks reach back from the model to the syntax
 * tree, for a precise span or to tell a gap that error recovery left (and
 * that was reported already) from something the author left out.
 */
import type * as A from '../../grammar/index.js';
import type { PassContext } from '../context.js';
import type { RetryModel, Source, StepModel } from '../model.js';
import { isSchedulable } from '../retry-timeline.js';
import type { SymbolTable } from '../symbols.js';

/** The source text under a span, as the author wrote it. */
export function sourceText(ctx: PassContext, file: string, span: A.Span): string {
  const text = ctx.files.find((f) => f.path === file)?.text ?? '';
  return text.slice(span.start, span.end);
}

/**
 * Whether the checks of retry timelines may judge `retry`: it is well
 * formed, and no syntax error lies inside it, where recovery may have
 * dropped a tier, a `within` or an `attempts` (an unread tier would
 * otherwise be judged as a schedule the author never wrote).
 */
export function schedulable(ctx: PassContext, retry: RetryModel): boolean {
  return isSchedulable(retry) && !ctx.recovered(retry.source.file, retry.node);
}

/** The stage declaration a step or check sits in, if any. */
export function stageNode(table: SymbolTable, stage: string | undefined): A.StageDecl | undefined {
  const node = stage === undefined ? undefined : table.symbols.get(stage)?.node;
  return node?.kind === 'Stage' ? node : undefined;
}

/** The `migration` block the model was lowered from: the first one, in file order. */
export function migrationNode(ctx: PassContext): A.MigrationDecl | undefined {
  for (const file of ctx.files) {
    const migration = file.tree.items.find((item) => item.kind === 'Migration');
    if (migration !== undefined) return migration;
  }
  return undefined;
}

/** The item lists a step's failure handlers and deadlines come from: its own, its stage's, the migration's. */
export function levelsOf(migration: A.MigrationDecl | undefined, table: SymbolTable, step: StepModel): readonly (readonly (A.StepItem | A.MigrationItem)[])[] {
  const stage = stageNode(table, step.stage);
  return [step.node.items, stage?.items ?? [], migration?.items ?? []];
}

/** A key for a syntax node's location, to find it again from a model's `Source`. */
export function sourceKey(source: Source): string {
  return `${source.file}:${source.span.start}:${source.span.end}`;
}

const deadlinesByContext = new WeakMap<PassContext, ReadonlyMap<string, A.Deadline>>();

/**
 * Every deadline written in a `migration` block, by `sourceKey`, to reach
 * its anchor's span and its `within`. Built once per compilation: two
 * checks ask, and a large policy has thousands of deadlines.
 */
export function deadlineNodes(ctx: PassContext): ReadonlyMap<string, A.Deadline> {
  const cached = deadlinesByContext.get(ctx);
  if (cached !== undefined) return cached;
  const nodes = new Map<string, A.Deadline>();
  deadlinesByContext.set(ctx, nodes);
  forEachFlowItem(ctx, (item, file) => {
    if (item.kind === 'Deadline') nodes.set(sourceKey({ file, span: item }), item);
  });
  return nodes;
}

/** Visits every failure action written in a `migration` block: handlers and deadlines at every level. */
export function forEachAction(ctx: PassContext, visit: (action: A.Action, file: string) => void): void {
  forEachFlowItem(ctx, (item, file) => {
    if (item.kind === 'FailureHandler' || item.kind === 'Deadline') visit(item.action, file);
  });
}

/** Visits every item written in every `migration` block, at every depth: stages, steps and what they hold, an `await`'s deadline included. */
function forEachFlowItem(ctx: PassContext, visit: (item: A.MigrationItem | A.StepItem, file: string) => void): void {
  for (const file of ctx.files) {
    for (const item of file.tree.items) if (item.kind === 'Migration') visitItems(item.items, file.path, visit);
  }
}

// Module level rather than a closure inside forEachFlowItem: no function is allocated per walk, and V8 optimises one shared function.
function visitItems(items: readonly (A.MigrationItem | A.StepItem)[], file: string, visit: (item: A.MigrationItem | A.StepItem, file: string) => void): void {
  for (const item of items) {
    visit(item, file);
    if (item.kind === 'Stage' || item.kind === 'Step') visitItems(item.items, file, visit);
    else if (item.kind === 'StepAwait' && item.deadline !== undefined) visit(item.deadline, file);
  }
}
