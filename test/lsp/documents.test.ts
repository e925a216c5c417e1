// Open documents follow incremental changes, and spans of an older version
// move onto the current text unless an edit touched them.
import { describe, expect, it } from 'vitest';
import { OpenDocument } from '../../lsp/documents.js';
import { positionIn } from './harness.js';

function document(text: string): OpenDocument {
  return new OpenDocument('file:///a.mpol', '/a.mpol', 1, text);
}

function edit(doc: OpenDocument, start: number, end: number, text: string, version: number): void {
  const before = doc.text;
  doc.apply([{ range: { start: positionIn(before, start), end: positionIn(before, end) }, text }], version);
}

describe('an open document', () => {
  it('applies incremental changes in order, each to the text the one before left', () => {
    const doc = document('party A "a"\nparty B "b"\n');
    const before = doc.text;
    doc.apply(
      [
        { range: { start: positionIn(before, 6), end: positionIn(before, 7) }, text: 'Alpha' },
        { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } }, text: 'Beta' },
      ],
      2,
    );
    expect(doc.text).toBe('party Alpha "a"\nparty Beta "b"\n');
    expect(doc.version).toBe(2);
  });

  it('counts positions in UTF-16, as LSP does', () => {
    const doc = document('party A "🚀 rocket"\nparty B "b"\n');
    doc.apply([{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } }, text: 'ship' }], 2);
    expect(doc.text).toBe('party A "🚀 ship"\nparty B "b"\n');
  });

  it('takes a change without a range as the whole new text', () => {
    const doc = document('party A "a"\n');
    doc.apply([{ text: 'party Z "z"\n' }], 2);
    expect(doc.text).toBe('party Z "z"\n');
    expect(doc.mapSpan({ start: 6, end: 7 }, 1)).toBeUndefined();
  });
});

describe('moving a span of an older version onto the current text', () => {
  const text = 'party A "a"\nparty B "b"\nparty C "c"\n';
  const spanOfB = { start: text.indexOf('B'), end: text.indexOf('B') + 1 };

  it('shifts it past edits before it and keeps it through edits after it', () => {
    const doc = document(text);
    edit(doc, 0, 0, '// comment\n', 2);
    edit(doc, doc.text.indexOf('C'), doc.text.indexOf('C') + 1, 'Charlie', 3);
    const moved = doc.mapSpan(spanOfB, 1)!;
    expect(doc.text.slice(moved.start, moved.end)).toBe('B');
  });

  it('drops it when an edit touched it, even at its ends', () => {
    const doc = document(text);
    edit(doc, spanOfB.end, spanOfB.end, 'x', 2);
    expect(doc.mapSpan(spanOfB, 1)).toBeUndefined();
    const other = document(text);
    edit(other, spanOfB.start - 1, spanOfB.start + 1, 'Q', 2);
    expect(other.mapSpan(spanOfB, 1)).toBeUndefined();
  });

  it('maps only from versions it still has the edits of', () => {
    const doc = document(text);
    edit(doc, 0, 0, ' ', 2);
    edit(doc, 0, 0, ' ', 3);
    doc.forgetBefore(2);
    expect(doc.mapSpan(spanOfB, 1)).toBeUndefined();
    expect(doc.mapSpan({ start: spanOfB.start + 1, end: spanOfB.end + 1 }, 2)).toEqual({ start: spanOfB.start + 2, end: spanOfB.end + 2 });
    expect(doc.mapSpan(spanOfB, 4)).toBeUndefined();
  });
});
