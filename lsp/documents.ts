/**
 * The documents the client has open: their text and version, kept in step
 * with incremental changes, and the edits made since each version as
 * offsets, so that a result computed for an older version (the semantic
 * diagnostics of a check that was running while the author typed) can be
 * moved onto the current text instead of shown in the wrong place.
 */
import type { Span } from '../grammar/index.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** One change as offsets: the text `[start, end)` of the version before `version` became `length` characters. */
interface OffsetEdit {
  readonly version: number;
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

/** Edits kept per document: enough to move results across a burst of typing, bounded for a document edited for hours. */
const editLogLimit = 2_000;

export class OpenDocument {
  private document: TextDocument;
  private readonly edits: OffsetEdit[] = [];
  /** The oldest version whose spans can still be moved to the current text. */
  private oldestMappable: number;

  constructor(
    /** The URI as the client named it. */
    readonly uri: string,
    readonly path: string,
    version: number,
    text: string,
  ) {
    this.document = TextDocument.create(uri, 'mpol', version, text);
    this.oldestMappable = version;
  }

  get text(): string {
    return this.document.getText();
  }

  get version(): number {
    return this.document.version;
  }

  /** Applies the changes of one `didChange`, in order, each to the text the one before left. */
  apply(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      const before = this.document.getText().length;
      if ('range' in change) {
        const a = this.document.offsetAt(change.range.start);
        const b = this.document.offsetAt(change.range.end);
        this.edits.push({ version, start: Math.min(a, b), end: Math.max(a, b), length: change.text.length });
      } else {
        this.edits.push({ version, start: 0, end: before, length: change.text.length });
      }
      this.document = TextDocument.update(this.document, [change], version);
    }
    if (this.edits.length > editLogLimit) {
      const dropped = this.edits.splice(0, this.edits.length - editLogLimit);
      this.oldestMappable = dropped[dropped.length - 1]!.version;
    }
  }

  /**
   * Where a span of `version`'s text is in the current text, or `undefined`
   * when an edit since then touched it (or the version is too old to tell).
   */
  mapSpan(span: Span, version: number): Span | undefined {
    if (version === this.version) return span;
    if (version < this.oldestMappable || version > this.version) return undefined;
    let { start, end } = span;
    for (const edit of this.edits) {
      if (edit.version <= version) continue;
      // An edit that touches the span, even at its ends, may have changed what it points at: `MA12` typed on to `MA122`.
      if (edit.start <= end && start <= edit.end) return undefined;
      if (edit.end < start) {
        const shift = edit.length - (edit.end - edit.start);
        start += shift;
        end += shift;
      }
    }
    return { start, end };
  }

  /** Forgets the edits up to `version`: nothing older will be asked for. */
  forgetBefore(version: number): void {
    let count = 0;
    while (count < this.edits.length && this.edits[count]!.version <= version) count++;
    if (count > 0) this.edits.splice(0, count);
    this.oldestMappable = Math.max(this.oldestMappable, version);
  }
}
