/**
 * A small indentation-aware text writer for emitted code. Output is built
 * line by line, so indentation is never computed by hand.
 */

/**
 * Lines are joined into one flat string every this many lines. A 10 MB
 * policy emits some 300,000 lines; held until the end, each line and the
 * pieces it was concatenated from survive every young-generation
 * collection and get copied and promoted, which cost more than building
 * them. Joined early, the pieces die young. 1,024 lines (about 85 KB) keep
 * a chunk a regular heap object: 4,096-line chunks were as fast on 10 MB
 * but 4% slower on 1 MB, each taking fresh large-object pages.
 * Halved `emitPolicy`'s time on the 10 MB benchmark policy.
 */
const linesPerChunk = 1024;

/** Indentation by depth, built once: `'  '.repeat` per block allocated a string each time. */
const indents: string[] = [''];

export class CodeWriter {
  private readonly chunks: string[] = [];
  private readonly lines: string[] = [];
  private depth = 0;
  private indent = '';

  /** Writes one line at the current indentation (an empty call writes a blank line). */
  line(text = ''): this {
    const lines = this.lines;
    lines.push(text === '' ? '' : this.indent + text);
    if (lines.length === linesPerChunk) {
      this.chunks.push(lines.join('\n'));
      lines.length = 0;
    }
    return this;
  }

  /** Writes `open`, the body one level deeper, then `close`. */
  block(open: string, body: () => void, close = '}'): this {
    this.open(open);
    body();
    return this.close(close);
  }

  /** Writes `text` and indents what follows: `block` without a closure, for code run per flow node. */
  open(text: string): this {
    this.line(text);
    this.indent = indentation(++this.depth);
    return this;
  }

  /** Ends what `open` began: one level less, then `text`. */
  close(text = '}'): this {
    this.indent = indentation(--this.depth);
    return this.line(text);
  }

  toString(): string {
    // Chunks hold whole lines, so joining them with the same separator gives the same text.
    const all = this.lines.length > 0 ? [...this.chunks, this.lines.join('\n')] : this.chunks;
    return `${all.join('\n')}\n`;
  }
}

function indentation(depth: number): string {
  while (indents.length <= depth) indents.push('  '.repeat(indents.length));
  return indents[depth]!;
}
