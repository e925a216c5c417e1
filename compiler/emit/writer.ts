/**
 * A small indentation-aware text writer for emitted code. Output is built
 * line by line, so indentation is never computed by hand.
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;
  private indent = '';

  /** Writes one line at the current indentation (an empty call writes a blank line). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : this.indent + text);
    return this;
  }

  /** Writes `open`, the body one level deeper, then `close`. */
  block(open: string, body: () => void, close = '}'): this {
    this.line(open);
    this.indent = '  '.repeat(++this.depth);
    body();
    this.indent = '  '.repeat(--this.depth);
    return this.line(close);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
