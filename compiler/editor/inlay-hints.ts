/**
 * Inlay hints: after a step's `retry S`, how many attempts the strategy
 * makes and over how long; after a step's deadline, the last attempt of
 * its strategy that is still in time on the earliest timeline. Both are
 * read from the strategy's own declaration, so they follow the text.
 */
import { formatDuration } from '../../common/duration.js';
import type * as A from '../../grammar/index.js';
import type { PolicyFile } from '../context.js';
import type { SymbolTable } from '../symbols.js';
import { lastAttemptBy, retryOf, summarizeTimeline } from './timeline.js';

export interface InlayHint {
  /** Where the hint shows: after this offset. */
  readonly offset: number;
  readonly label: string;
}

/** The hints whose place is within `range` of the file. */
export function inlayHints(file: PolicyFile, table: SymbolTable, range: A.Span): InlayHint[] {
  const hints: InlayHint[] = [];
  const strategyOf = (name: A.Name): ReturnType<typeof retryOf> | undefined => {
    if (name.kind !== 'Ident') return undefined;
    const symbol = table.symbols.get(name.name);
    return symbol?.node.kind === 'Retry' ? retryOf(symbol.file, symbol.node) : undefined;
  };
  const step = (node: A.StepDecl): void => {
    if (node.end < range.start || node.start > range.end) return;
    const retryItem = node.items.find((item): item is A.StepRetry => item.kind === 'StepRetry');
    const retry = retryItem === undefined ? undefined : strategyOf(retryItem.strategy);
    if (retry === undefined || retryItem === undefined) return;
    const size = summarizeTimeline(retry);
    if (size !== undefined && within(retryItem.end, range)) hints.push({ offset: retryItem.end, label: size });
    for (const item of node.items) {
      if (item.kind !== 'Deadline' || item.within.kind !== 'Duration' || !within(item.within.end, range)) continue;
      const last = lastAttemptBy(retry, item.within.ms);
      if (last === undefined) continue;
      const label = last.all ? `all ${last.attempt.number} attempts in time` : `last attempt in time: ${last.attempt.number} at ${formatDuration(last.attempt.at)}`;
      hints.push({ offset: item.within.end, label });
    }
  };
  for (const item of file.tree.items) {
    if (item.kind !== 'Migration') continue;
    for (const flow of item.items) {
      if (flow.kind === 'Step') step(flow);
      if (flow.kind === 'Stage') for (const inner of flow.items) if (inner.kind === 'Step') step(inner);
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

function within(offset: number, range: A.Span): boolean {
  return range.start <= offset && offset <= range.end;
}
