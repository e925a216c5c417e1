/**
 * The shape of a file as an editor folds and selects it: every braced
 * block and every comment of several lines folds, and so does a run of
 * imports; a selection grows from a name to each node around it.
 */
import { childrenOf, nodePathAt, type Comment, type SourceFile, type Span, type SyntaxNode } from '../../grammar/index.js';

export interface Fold extends Span {
  readonly kind: 'block' | 'comment' | 'imports';
}

/** The folds of a file, in order of their start. Each spans from its block's `{` to its `}`, or over its comment or imports. */
export function foldsOf(text: string, tree: SourceFile, comments: readonly Comment[] = []): Fold[] {
  const folds: Fold[] = [];
  const visit = (node: SyntaxNode): void => {
    const braces = (node as { braces?: Span }).braces;
    if (braces !== undefined && node.kind !== 'SourceFile') folds.push({ kind: 'block', start: braces.start, end: braces.end });
    for (const child of childrenOf(node)) visit(child);
  };
  visit(tree);
  for (const comment of comments) if (comment.kind === 'BlockComment') folds.push({ kind: 'comment', start: comment.start, end: comment.end });
  // Consecutive line comments fold together, as do consecutive imports.
  foldRuns(text, comments.filter((c) => c.kind === 'LineComment'), 'comment', folds);
  foldRuns(text, tree.items.filter((item) => item.kind === 'Import'), 'imports', folds);
  return folds.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Folds each run of two or more items with nothing but white space between them (the caller's list holds only items of one kind). */
function foldRuns(text: string, items: readonly Span[], kind: Fold['kind'], folds: Fold[]): void {
  let runStart: Span | undefined;
  let previous: Span | undefined;
  const close = (): void => {
    if (runStart !== undefined && previous !== undefined && previous !== runStart) folds.push({ kind, start: runStart.start, end: previous.end });
  };
  for (const item of items) {
    if (previous === undefined || !/^\s*$/.test(text.slice(previous.end, item.start))) {
      close();
      runStart = item;
    }
    previous = item;
  }
  close();
}

/**
 * The spans a selection grows through at `offset`, innermost first: the
 * nodes that hold it, each larger than the one before, ending with the
 * whole file.
 */
export function selectionSpans(tree: SourceFile, offset: number): Span[] {
  const spans: Span[] = [];
  const path = nodePathAt(tree, offset);
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i]!;
    const span = i === 0 ? { start: 0, end: Math.max(node.end, offset) } : { start: node.start, end: node.end };
    const last = spans[spans.length - 1];
    if (last !== undefined && span.start === last.start && span.end === last.end) continue;
    if (last !== undefined && (span.start > last.start || span.end < last.end)) continue;
    spans.push(span);
  }
  return spans;
}
