/**
 * The shape of the tree as data: for every kind of node, the keys that hold
 * its child nodes, in the order they appear in the text. One list serves
 * every walk that is about the tree's shape rather than its meaning: the
 * formatter's comment attachment, the node at an offset (hover,
 * completion, selection ranges), folding and the outline.
 *
 * The compiler's own walks (`compiler/walk.ts`) stay written out by hand:
 * they follow meaning (which names a place expects), not shape.
 */
import type { SourceFile, Span, SyntaxNode } from './ast.js';

type Kind = SyntaxNode['kind'];
type NodeOfKind<K extends Kind> = Extract<SyntaxNode, { readonly kind: K }>;
type ChildValue = SyntaxNode | readonly SyntaxNode[] | undefined;
/** The keys of `N` that hold a node, a list of nodes, or an optional node. */
type ChildKey<N> = { [P in keyof N]-?: P extends 'kind' ? never : N[P] extends ChildValue ? P : never }[keyof N];
type ChildKeys = { readonly [K in Kind]: readonly ChildKey<NodeOfKind<K>>[] };

/** The keys holding each kind's children, in source order. */
export const childKeys = {
  SourceFile: ['items'],
  Policy: ['name', 'version', 'title'],
  Import: ['path'],
  Section: ['number', 'title'],
  Party: ['name', 'title'],
  Artefact: ['name', 'title', 'producer'],
  Report: ['name', 'title', 'recipient'],
  Installation: ['fields'],
  Field: ['name', 'type'],
  PrimitiveType: [],
  EnumType: ['members'],
  Ref: ['section'],
  Error: ['name', 'title', 'ref', 'items'],
  ErrorReports: ['reports'],
  ErrorResubmit: [],
  ErrorResponsible: ['party'],
  Retry: ['name', 'ref', 'items'],
  Tier: ['name', 'count', 'every', 'factor', 'cap'],
  RetryWithin: ['period'],
  RetryAttempts: ['count'],
  RetryTimeout: ['limit'],
  RetryJitter: ['jitter'],
  JitterNone: [],
  JitterFull: [],
  JitterRange: ['low', 'high'],
  Cohort: ['name', 'title', 'groups'],
  Group: ['name', 'title'],
  Exclusion: ['attempts', 'ref'],
  Migration: ['items'],
  Guard: ['expr'],
  Stage: ['name', 'ref', 'party', 'guard', 'items'],
  Check: ['code', 'ref', 'guard', 'predicate'],
  Step: ['name', 'ref', 'party', 'guard', 'items'],
  StepRetry: ['strategy'],
  StepAwait: ['artefact', 'deadline'],
  Deadline: ['within', 'anchor', 'action', 'ref'],
  StepProduces: ['artefact'],
  StepMayFail: ['codes'],
  Undo: ['name', 'party', 'ref'],
  StepCommit: [],
  FailureHandler: ['action', 'ref'],
  Fail: ['code'],
  Rollback: ['code'],
  Incident: ['resolvers', 'then', 'elseCode'],
  Continue: [],
  RetryStep: [],
  Binary: ['left', 'right'],
  Not: ['operand'],
  CohortIs: ['cohort'],
  GroupIs: ['group'],
  FieldRef: ['field'],
  Bool: [],
  Number: [],
  Duration: [],
  String: [],
  Ident: [],
  Missing: [],
} as const satisfies ChildKeys;

// Invariant: the list is complete. A node key holding children that is not
// listed above fails to compile here, naming the kind and the key.
type Unlisted = { [K in Kind]: Exclude<ChildKey<NodeOfKind<K>>, (typeof childKeys)[K][number]> };
type Complete = { [K in Kind]: [Unlisted[K]] extends [never] ? true : { missingChildKeys: Unlisted[K] } };
const complete: Complete = Object.fromEntries(Object.keys(childKeys).map((kind) => [kind, true])) as { [K in Kind]: true };
void complete;

/** Calls `visit` with each child of `node`, in source order. */
export function forEachChild(node: SyntaxNode, visit: (child: SyntaxNode) => void): void {
  const keys: readonly string[] = childKeys[node.kind];
  for (const key of keys) {
    const value = (node as unknown as Record<string, ChildValue>)[key];
    if (value === undefined) continue;
    if (isList(value)) for (const child of value) visit(child);
    else visit(value);
  }
}

/** The children of `node`, in source order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}

/**
 * The nodes whose text holds `offset`, from the file down to the
 * innermost: the ancestor chain an editor asks for at its cursor. A node
 * holds the offsets from its start to its end, both included, so a cursor
 * just after a name is on that name; where two siblings touch at the
 * offset, the one that starts there wins. The file itself is always
 * first, even past its last token. Never throws, for any tree `parse`
 * returns.
 */
export function nodePathAt(tree: SourceFile, offset: number): SyntaxNode[] {
  const path: SyntaxNode[] = [tree];
  let node: SyntaxNode | undefined = tree;
  while ((node = childAt(node, offset)) !== undefined) path.push(node);
  return path;
}

/** The innermost node whose text holds `offset` (`nodePathAt`'s last). */
export function nodeAt(tree: SourceFile, offset: number): SyntaxNode {
  const path = nodePathAt(tree, offset);
  return path[path.length - 1]!;
}

function childAt(node: SyntaxNode, offset: number): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  const keys: readonly string[] = childKeys[node.kind];
  for (const key of keys) {
    const value = (node as unknown as Record<string, ChildValue>)[key];
    if (value === undefined) continue;
    if (isList(value)) {
      // Lists are in source order: look from the last item that starts at or before the offset.
      for (let index = lastStartingBy(value, offset); index >= 0; index--) {
        const child = value[index]!;
        if (child.end < offset) break;
        if (holds(child, offset) && (found === undefined || child.start >= found.start)) found = child;
      }
    } else if (holds(value, offset) && (found === undefined || value.start >= found.start)) found = value;
  }
  return found;
}

function holds(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The index of the last node of `list` that starts at or before `offset`, or -1. */
function lastStartingBy(list: readonly SyntaxNode[], offset: number): number {
  let low = 0;
  let high = list.length - 1;
  let result = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.start <= offset) {
      result = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return result;
}

function isList(value: SyntaxNode | readonly SyntaxNode[]): value is readonly SyntaxNode[] {
  return Array.isArray(value);
}
