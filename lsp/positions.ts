/**
 * The one place where offsets meet LSP positions. Spans in the tree are
 * UTF-16 offsets; LSP positions are a line and a UTF-16 character (the
 * encoding the server announces), so conversion is a matter of line
 * starts, which `LineMap` keeps.
 */
import { LineMap, type Span } from '../grammar/index.js';
import type { Position, Range } from 'vscode-languageserver';

/** A text and its line starts, computed once per text. */
export class TextLines {
  private map: LineMap | undefined;

  constructor(readonly text: string) {}

  private get lines(): LineMap {
    this.map ??= new LineMap(this.text);
    return this.map;
  }

  /** The offset of an LSP position; a position past a line's end is at its end, past the last line at the text's end. */
  offsetAt(position: Position): number {
    if (position.line >= this.lines.lineCount) return this.text.length;
    if (position.line < 0) return 0;
    return this.lines.offset({ line: position.line, column: Math.max(0, position.character) });
  }

  positionAt(offset: number): Position {
    const { line, column } = this.lines.position(offset);
    return { line, character: column };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The span of an LSP range, its ends in order. */
  spanOf(range: Range): Span {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return start <= end ? { start, end } : { start: end, end: start };
  }
}
