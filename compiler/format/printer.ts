/**
 * The printer's core: comments around the nodes they are attached to,
 * blocks and their items with blank lines kept, and the dispatch to the
 * per-construct printers (`print-declarations.ts`, `print-flow.ts`,
 * `print-expressions.ts`). It builds a Prettier document; Prettier's
 * document printer lays it out for the width.
 */
import { builders } from 'prettier/doc';
import type { Comment, SourceFile, Span, SyntaxNode } from '../../grammar/index.js';
import { attachComments, hasBlankLine, startsLine, type Attached } from './comments.js';
import { printComment } from './print-comment.js';

type Doc = builders.Doc;

const { breakParent, group, hardline, indent, line, lineSuffix } = builders;

export interface PrintSettings {
  readonly tabWidth: number;
  /** Called once for every comment the document holds (Prettier's plugin marks it printed). */
  readonly onComment?: (comment: Comment) => void;
}

/**
 * The parts of a document side by side: one string when they all are
 * strings (most declarations without comments), which keeps the document
 * small for Prettier's printer, or the list of parts.
 */
export function cat(...parts: Doc[]): Doc {
  for (const part of parts) if (typeof part !== 'string') return parts;
  return parts.join('');
}

/** The items of a block and how they share it. */
export type Layout = 'lines' | 'fit';

const none: Attached = { leading: [], trailing: [], dangling: [], afterBrace: [], held: [], lifted: [] };

export class Printer {
  private readonly attached: Map<SyntaxNode, Attached>;

  constructor(
    readonly text: string,
    readonly tree: SourceFile,
    comments: readonly Comment[],
    private readonly settings: PrintSettings,
  ) {
    this.attached = attachComments(tree, comments, text);
  }

  /** The source text of a node: how literals and names are printed, as written. */
  source(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  comments(node: SyntaxNode): Attached {
    return this.attached.get(node) ?? none;
  }

  /** A comment as printed, reported printed. */
  comment(comment: Comment): Doc {
    this.settings.onComment?.(comment);
    return printComment(comment, this.settings.tabWidth);
  }

  /**
   * `doc`, the printed `node`, with the node's comments, for a node in the
   * middle of a line. A comment that was alone on its line stays alone on
   * one; a line comment after the node goes to the end of its line, so it
   * never swallows the code that follows.
   */
  inline(node: SyntaxNode, doc: Doc): Doc {
    const { leading, trailing } = this.comments(node);
    if (leading.length === 0 && trailing.length === 0) return doc;
    return [this.leadingInline(node), doc, this.trailingInline(node)];
  }

  /** The leading comments of `node`, in the middle of a line (`inline`), less those `ownLineLeading` took. */
  leadingInline(node: SyntaxNode): Doc {
    const parts: Doc[] = [];
    for (const c of this.comments(node).leading) {
      if (this.taken.has(c)) continue;
      if (this.ownLine(node, c)) parts.push(hardline, this.comment(c), hardline);
      else if (c.kind === 'LineComment') parts.push(this.comment(c), hardline);
      else parts.push(this.comment(c), ' ');
    }
    return parts;
  }

  /**
   * The leading comments of `node` that were alone on their lines, each
   * followed by a line break, for a caller that prints them before the
   * keyword in front of the node (`// why⏎and group B`, not
   * `and⏎// why⏎group B`). The node then prints without them.
   */
  ownLineLeading(node: SyntaxNode): Doc[] {
    const parts: Doc[] = [];
    for (const c of this.comments(node).leading) {
      if (!this.ownLine(node, c)) continue;
      this.taken.add(c);
      parts.push(this.comment(c), hardline);
    }
    return parts;
  }

  private readonly taken = new Set<Comment>();

  /** Whether `comment`, leading `node`, goes on a line of its own: it was alone on its line, or was lifted onto one. */
  private ownLine(node: SyntaxNode, comment: Comment): boolean {
    return startsLine(this.text, comment.start) || this.comments(node).lifted.includes(comment);
  }

  /** The trailing comments of `node`, in the middle of a line (`inline`). */
  trailingInline(node: SyntaxNode): Doc {
    const parts: Doc[] = [];
    this.trailing(node, this.comments(node).trailing, parts, false);
    return parts;
  }

  /** `doc`, the printed `node`, with its comments, for a node that starts a line (a declaration, a block's item). */
  item(node: SyntaxNode, doc: Doc): Doc {
    const { leading, trailing } = this.comments(node);
    if (leading.length === 0 && trailing.length === 0) return doc;
    const parts: Doc[] = [];
    leading.forEach((c, index) => {
      const next = leading[index + 1]?.start ?? node.start;
      parts.push(this.comment(c));
      if (c.kind === 'BlockComment' && !this.text.slice(c.end, next).includes('\n')) parts.push(' ');
      else parts.push(hardline, hasBlankLine(this.text, c.end, next) ? hardline : '');
    });
    parts.push(doc);
    this.trailing(node, trailing, parts, true);
    return parts;
  }

  /**
   * Trailing comments: on the node's line, after it; a comment that was on
   * a line of its own after an item stays on one. After a node in the
   * middle of a line, a line comment goes to the end of the line, so it
   * cannot swallow the code after the node; inside an expression that
   * cannot break there, it stays and the code after it takes a new line.
   */
  private trailing(node: SyntaxNode, trailing: readonly Comment[], parts: Doc[], isItem: boolean): void {
    let previousEnd = node.end;
    for (const c of trailing) {
      const sameLine = !this.text.slice(previousEnd, c.start).includes('\n');
      if (isItem && !sameLine) parts.push(hardline, hasBlankLine(this.text, previousEnd, c.start) ? hardline : '', this.comment(c));
      else if (this.comments(node).held.includes(c)) parts.push(' ', this.comment(c), hardline);
      else if (c.kind === 'LineComment') parts.push(lineSuffix([' ', this.comment(c)]), breakParent);
      else if (sameLine) parts.push(' ', this.comment(c));
      else parts.push(hardline, this.comment(c));
      previousEnd = c.end;
    }
  }

  /** Where the text of `node` and its comments begins and ends: what blank lines are measured between. */
  extent(node: SyntaxNode): Span {
    const { leading, trailing } = this.comments(node);
    return { start: leading[0]?.start ?? node.start, end: trailing[trailing.length - 1]?.end ?? node.end };
  }

  /**
   * The items of a block, each printed by `print` with its comments, one
   * per line (or separated by `line` for a block that fits on one), with
   * one blank line where the source had at least one.
   */
  lines(items: readonly SyntaxNode[], print: (node: SyntaxNode) => Doc, separator: Doc = hardline): Doc[] {
    const parts: Doc[] = [];
    let previous: Span | undefined;
    for (const node of items) {
      const extent = this.extent(node);
      if (previous !== undefined) parts.push(separator, hasBlankLine(this.text, previous.end, extent.start) ? hardline : '');
      parts.push(this.item(node, print(node)));
      previous = extent;
    }
    return parts;
  }

  /** Comments with nothing to attach to (empty braces, a file of comments), one per line. */
  dangling(comments: readonly Comment[]): Doc[] {
    const parts: Doc[] = [];
    comments.forEach((c, index) => {
      if (index > 0) parts.push(hardline, hasBlankLine(this.text, comments[index - 1]!.end, c.start) ? hardline : '');
      parts.push(this.comment(c));
      // A line comment ends its line: the block around it cannot stay on one.
      if (c.kind === 'LineComment') parts.push(breakParent);
    });
    return parts;
  }

  /**
   * A block: `{`, its items, `}`. `lines` puts each item on a line of its
   * own; `fit` keeps the block on the line of its owner while it fits
   * (`{ report R1 resubmit }`). Empty braces print `{}`; a comment inside
   * them, on lines of its own.
   */
  block(owner: SyntaxNode, items: readonly SyntaxNode[], print: (node: SyntaxNode) => Doc, layout: Layout): Doc {
    const { dangling, afterBrace } = this.comments(owner);
    const open: Doc[] = ['{'];
    for (const c of afterBrace) open.push(' ', this.comment(c), breakParent);
    if (items.length === 0 && dangling.length === 0) return [...open, afterBrace.length > 0 ? [hardline, '}'] : '}'];
    const body = items.length === 0 ? this.dangling(dangling) : this.lines(items, print, layout === 'fit' ? line : hardline);
    if (layout === 'fit') return group([...open, indent([line, ...body]), line, '}']);
    return [...open, indent([hardline, ...body]), hardline, '}'];
  }
}
