/**
 * The values of a policy that are assumed rather than taken from a public
 * source (docs/language.md, "Marking assumptions"): every declaration of a
 * file named `assumptions.mpol`, and whatever a comment containing the
 * word "assumed" is about. A comment on its own lines is about the
 * declaration or item right below it, and the ones that follow it without
 * a blank line; a comment at the end of a line is about that line.
 */
import { LineMap, lex, nodePathAt, type Span } from '../../grammar/index.js';
import type { PolicyFile } from '../context.js';
import { describeNode, isItem, itemsIn, type Node } from './syntax-nodes.js';

export interface AssumedValue {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** What is assumed, such as "retry strategy `IocS1sp`". */
  readonly subject: string;
  /** Its text in the policy, on one line. */
  readonly value: string;
  /** The comment that says why, without its `//`. */
  readonly note: string | undefined;
  /** Where the declaration or line is, to mark the rules that hold it. */
  readonly span: Span;
}

/** A comment about assumptions that is not attached to one declaration. */
export interface AssumptionNote {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface Assumptions {
  readonly values: readonly AssumedValue[];
  readonly notes: readonly AssumptionNote[];
}

const assumedWord = /\bassumed\b/i;

/** Whether a file holds assumptions by its name: `assumptions.mpol`. */
export function isAssumptionsFile(path: string): boolean {
  return /(^|[\\/])assumptions\.mpol$/.test(path);
}

export function assumptionsOf(files: readonly PolicyFile[]): Assumptions {
  const values: AssumedValue[] = [];
  const notes: AssumptionNote[] = [];
  for (const file of files) {
    const reader = new FileReader(file);
    reader.collect(values, notes);
  }
  return { values, notes };
}

interface Comment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The comment is the only thing on its lines. */
  readonly alone: boolean;
}

class FileReader {
  private readonly lines: LineMap;
  private readonly comments: Comment[];
  /** Comments already attached to a declaration, so they are not listed again as notes. */
  private readonly used = new Set<Comment>();

  constructor(private readonly file: PolicyFile) {
    this.lines = new LineMap(file.text);
    this.comments = lex(file.text, file.path).comments.map(({ kind, text, start, end }) => {
      const before = file.text.slice(file.text.lastIndexOf('\n', start - 1) + 1, start);
      const words = kind === 'LineComment' ? text.slice(2) : text.replace(/^\/\*/, '').replace(/\*\/$/, '');
      return { start, end, text: words.replace(/^\s*\*?\s?/gm, '').replace(/\s+/g, ' ').trim(), alone: before.trim() === '' };
    });
  }

  collect(values: AssumedValue[], notes: AssumptionNote[]): void {
    const wholeFile = isAssumptionsFile(this.file.path);
    this.walk(itemsIn(this.file.tree), wholeFile, values);
    for (const comment of this.comments) {
      if (!assumedWord.test(comment.text) || this.used.has(comment)) continue;
      if (!comment.alone) {
        const start = this.lineStart(comment.start);
        values.push(this.value(this.innermostAt(start), start, comment.start, comment.text));
      } else {
        const paragraph = this.paragraphOf(comment);
        for (const part of paragraph) this.used.add(part);
        const text = paragraph.map((part) => part.text).join(' ');
        notes.push({ file: this.file.path, line: this.lines.position(paragraph[0]!.start).line + 1, text });
      }
    }
  }

  /** Siblings in order: each assumed one listed, the rest searched inside. */
  private walk(nodes: readonly Node[], all: boolean, values: AssumedValue[]): void {
    let previous: { node: Node; note: Comment[] } | undefined;
    for (const node of nodes) {
      if (node.kind === 'Policy' || node.kind === 'Import') continue;
      let note = this.commentsAbove(node.start);
      if (note.length === 0 && previous !== undefined && !this.blankLineBetween(previous.node.end, node.start)) note = previous.note;
      previous = { node, note };
      const text = note.map((comment) => comment.text).join(' ');
      if (all || assumedWord.test(text)) {
        for (const comment of note) this.used.add(comment);
        values.push(this.value(node, node.start, node.end, text || undefined));
      } else {
        this.walk(itemsIn(node), false, values);
      }
    }
  }

  /** The text from `start` to `end` as an assumed value, about `node`. */
  private value(node: Node | undefined, start: number, end: number, note: string | undefined): AssumedValue {
    let code = '';
    let from = start;
    for (const comment of this.comments) {
      if (comment.start < start || comment.end > end) continue;
      code += `${this.file.text.slice(from, comment.start)} `;
      from = comment.end;
    }
    code += this.file.text.slice(from, end);
    return {
      file: this.file.path,
      line: this.lines.position(start).line + 1,
      subject: node === undefined ? 'line' : describeNode(node),
      value: code.replace(/\s+/g, ' ').trim(),
      note,
      span: node === undefined ? { start, end } : { start: node.start, end: node.end },
    };
  }

  /** The comments on their own lines right above `offset`, with no blank line between. */
  private commentsAbove(offset: number): Comment[] {
    const found: Comment[] = [];
    let from = this.lineStart(offset);
    for (let index = this.comments.length - 1; index >= 0; index--) {
      const comment = this.comments[index]!;
      if (comment.end > from) continue;
      if (!comment.alone || this.file.text.slice(comment.end, from).trim() !== '' || this.blankLineBetween(comment.end, from)) break;
      found.unshift(comment);
      from = this.lineStart(comment.start);
    }
    return found;
  }

  /** A comment on its own lines with those directly above and below it. */
  private paragraphOf(comment: Comment): Comment[] {
    const index = this.comments.indexOf(comment);
    const joined = (a: Comment, b: Comment) => a.alone && b.alone && this.file.text.slice(a.end, b.start).trim() === '' && !this.blankLineBetween(a.end, b.start);
    let first = index;
    while (first > 0 && joined(this.comments[first - 1]!, this.comments[first]!)) first--;
    let last = index;
    while (last + 1 < this.comments.length && joined(this.comments[last]!, this.comments[last + 1]!)) last++;
    return this.comments.slice(first, last + 1);
  }

  private blankLineBetween(start: number, end: number): boolean {
    return /\n[ \t]*\r?\n/.test(this.file.text.slice(start, end));
  }

  private lineStart(offset: number): number {
    return this.file.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The innermost declaration or item that holds the code of the line at `offset`. */
  private innermostAt(offset: number): Node | undefined {
    const code = offset + (/^[ \t]*/.exec(this.file.text.slice(offset))?.[0].length ?? 0);
    return nodePathAt(this.file.tree, code).filter(isItem).at(-1);
  }
}
