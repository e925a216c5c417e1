/**
 * Comment attachment: every comment of a file is given to one node, so the
 * printer puts it back where it was. The rule (docs/decisions, "comment
 * attachment") in short:
 *
 * - The *enclosing* node is the innermost one whose text holds the
 *   comment. Its children (`grammar/visit.ts`) before and after the
 *   comment are its *preceding* and *following* nodes; inside a block's
 *   braces only the block's items count, before them only its header.
 * - A comment alone on its line leads the following node, or trails the
 *   preceding one when nothing follows (the last comment of a block).
 * - A comment after code on its line trails the preceding node; right after
 *   a block's `{`, it stays on the brace's line. A line comment inside an
 *   expression the printer never breaks (a comparison, `not`, `cohort X`)
 *   is *held*: printed where it is, the rest of the expression on the next
 *   line, since moving it to the end of the line would move it past code
 *   and comments that now break differently. A second line comment after
 *   the same node (one after the operator that follows it) is *lifted*: it
 *   leads the following node on a line of its own, as if written there.
 * - A comment between code on one line leads the following node when only
 *   white space separates them (outside a block's items), or else trails
 *   the preceding one.
 * - With neither, it is *dangling*: inside empty braces, or a file that
 *   holds only comments.
 */
import { childKeys, type Comment, type SourceFile, type Span, type SyntaxNode } from '../../grammar/index.js';

/** The comments given to one node. */
export interface Attached {
  readonly leading: Comment[];
  readonly trailing: Comment[];
  /** Inside the node's empty braces, or a file without declarations. */
  readonly dangling: Comment[];
  /** On the line of the node's `{`, before its first item. */
  readonly afterBrace: Comment[];
  /** Trailing line comments inside an expression that cannot break: a line break follows each. */
  readonly held: Comment[];
  /** Leading comments that go on a line of their own though code stands before them on theirs. */
  readonly lifted: Comment[];
}

/** The key of each braced kind's items: the children inside its braces. */
const blockItemsKey: Partial<Record<SyntaxNode['kind'], string>> = {
  Installation: 'fields',
  Error: 'items',
  Retry: 'items',
  Cohort: 'groups',
  Migration: 'items',
  Stage: 'items',
  Step: 'items',
};

export function attachComments(tree: SourceFile, comments: readonly Comment[], text: string): Map<SyntaxNode, Attached> {
  const attached = new Map<SyntaxNode, Attached>();
  const slot = (node: SyntaxNode): Attached => {
    let entry = attached.get(node);
    if (entry === undefined) {
      entry = { leading: [], trailing: [], dangling: [], afterBrace: [], held: [], lifted: [] };
      attached.set(node, entry);
    }
    return entry;
  };
  const children = new ChildCache();
  for (const comment of comments) {
    const { enclosing, preceding, following, inBraces } = locate(tree, comment, children);
    const ownLine = startsLine(text, comment.start);
    const endOfLine = endsLine(text, comment.end);
    if (ownLine) {
      if (following !== undefined) slot(following).leading.push(comment);
      else if (preceding !== undefined) slot(preceding).trailing.push(comment);
      else slot(enclosing).dangling.push(comment);
    } else if (endOfLine) {
      if (preceding !== undefined && following !== undefined && comment.kind === 'LineComment' && slot(preceding).trailing.some((c) => c.kind === 'LineComment')) {
        // A second line comment after the same node (`a // one⏎and // two⏎b`) would share the first one's line: it leads what follows, on its own.
        slot(following).leading.push(comment);
        slot(following).lifted.push(comment);
      } else if (preceding !== undefined) {
        slot(preceding).trailing.push(comment);
        if (comment.kind === 'LineComment' && isUnbreakable(enclosing)) slot(preceding).held.push(comment);
      }
      else if (inBraces) slot(enclosing).afterBrace.push(comment);
      else if (following !== undefined) slot(following).leading.push(comment);
      else slot(enclosing).dangling.push(comment);
    } else if (following !== undefined && !inBraces && onlyOpenings(text, comment.end, following.start)) slot(following).leading.push(comment);
    else if (preceding !== undefined) slot(preceding).trailing.push(comment);
    else if (following !== undefined) slot(following).leading.push(comment);
    else slot(enclosing).dangling.push(comment);
  }
  return attached;
}

interface Location {
  readonly enclosing: SyntaxNode;
  readonly preceding: SyntaxNode | undefined;
  readonly following: SyntaxNode | undefined;
  /** Whether the comment is inside the enclosing node's braces. */
  readonly inBraces: boolean;
}

function locate(tree: SourceFile, comment: Span, cache: ChildCache): Location {
  let enclosing: SyntaxNode = tree;
  for (;;) {
    const braces = (enclosing as { braces?: Span }).braces;
    const inBraces = braces !== undefined && comment.start > braces.start;
    const candidates = cache.of(enclosing, inBraces);
    // The last child that starts before the comment: it holds the comment, or precedes it.
    let low = 0;
    let high = candidates.length - 1;
    let before = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (candidates[middle]!.start < comment.start) {
        before = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const holder = before >= 0 ? candidates[before]! : undefined;
    if (holder !== undefined && holder.end >= comment.end && holder.kind !== 'Missing') {
      enclosing = holder;
      continue;
    }
    return { enclosing, preceding: holder, following: candidates[before + 1], inBraces };
  }
}

/** An expression the printer never breaks: a comparison, `not` and the simple conditions. */
function isUnbreakable(node: SyntaxNode): boolean {
  switch (node.kind) {
    case 'Binary':
      return node.operator !== 'and' && node.operator !== 'or';
    case 'Not':
    case 'CohortIs':
    case 'GroupIs':
    case 'FieldRef':
      return true;
    default:
      return false;
  }
}

/** Each node's children in source order, split at its braces, made once per node the comments reach. */
class ChildCache {
  private readonly header = new Map<SyntaxNode, SyntaxNode[]>();
  private readonly items = new Map<SyntaxNode, SyntaxNode[]>();

  of(node: SyntaxNode, inBraces: boolean): readonly SyntaxNode[] {
    const cache = inBraces ? this.items : this.header;
    let list = cache.get(node);
    if (list === undefined) {
      list = [];
      const itemsKey = blockItemsKey[node.kind];
      const keys: readonly string[] = childKeys[node.kind];
      for (const key of keys) {
        if ((key === itemsKey) !== inBraces) continue;
        const value = (node as unknown as Record<string, SyntaxNode | readonly SyntaxNode[] | undefined>)[key];
        if (value === undefined) continue;
        if (Array.isArray(value)) list.push(...(value as readonly SyntaxNode[]));
        else list.push(value as SyntaxNode);
      }
      // Recovery may leave a missing node out of order: comments only go to real ones.
      list = list.filter((child) => child.kind !== 'Missing');
      cache.set(node, list);
    }
    return list;
  }
}

/** Whether only white space stands between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether only white space stands between `offset` and the end of its line. */
export function endsLine(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether only white space and opening parentheses (printed with the node they open) stand between `from` and `to`. */
function onlyOpenings(text: string, from: number, to: number): boolean {
  return /^[\s(]*$/.test(text.slice(from, to));
}

/** Whether the text between `from` and `to` holds an empty line. */
export function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++newlines >= 2) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) newlines = 0;
  }
  return false;
}
