/**
 * Diagnostics as the client sees them: one list per open document, its own
 * syntax diagnostics first (from the server's parse of the current text),
 * then the policy's other diagnostics from the last completed check, moved
 * onto the current text through the edits made since (a diagnostic an edit
 * touched waits for the next check). Every list is published with the
 * document's version, so a client can tell it is not stale.
 */
import { unnecessaryCodes, type Diagnostic, type Fix, type Span } from '../grammar/index.js';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Files } from './files.js';
import { uriOf } from './uris.js';

/** Moves a span of a file, as the last check saw it, onto the file's current text; `undefined` when an edit since touched it. */
export type SpanMapper = (file: string, span: Span) => Span | undefined;

/** A diagnostic where it is in the current text, with the fixes whose edits could all be moved there too. */
export interface CurrentDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly span: Span;
  readonly fixes: readonly Fix[];
}

/** The diagnostics of a file now: its syntax diagnostics from its current parse, then the last check's, moved. */
export function currentDiagnostics(files: Files, path: string, checked: readonly Diagnostic[], moved: SpanMapper): CurrentDiagnostic[] {
  const result: CurrentDiagnostic[] = [];
  for (const d of files.load(path).syntax) result.push({ diagnostic: d, span: d.span, fixes: d.fixes });
  for (const d of checked) {
    const span = moved(d.file, d.span);
    if (span === undefined) continue;
    const fixes = d.fixes.flatMap((fix) => {
      const edits = fix.edits.map((edit) => {
        const at = moved(edit.file, edit.span);
        return at === undefined ? undefined : { ...edit, span: at };
      });
      return edits.every((edit) => edit !== undefined) ? [{ message: fix.message, edits }] : [];
    });
    result.push({ diagnostic: d, span, fixes });
  }
  return result;
}

export function diagnosticsFor(files: Files, path: string, checked: readonly Diagnostic[], moved: SpanMapper, relatedInformation: boolean): LspDiagnostic[] {
  return currentDiagnostics(files, path, checked, moved).map(({ diagnostic, span }) => toLspDiagnostic(files, diagnostic, span, moved, relatedInformation));
}

export function toLspDiagnostic(files: Files, d: Diagnostic, span: Span, moved: SpanMapper, relatedInformation: boolean): LspDiagnostic {
  const lines = files.linesOf(d.file);
  const notes = d.notes.flatMap((note) => {
    const at = moved(note.file, note.span);
    return at === undefined ? [] : [{ location: { uri: uriFor(files, note.file), range: files.linesOf(note.file).rangeOf(at) }, message: note.message }];
  });
  let message = d.message;
  if (!relatedInformation) for (const note of notes) message += `\nnote: ${note.message}`;
  if (d.help !== undefined) message += `\nhelp: ${d.help}`;
  const result: LspDiagnostic = {
    range: lines.rangeOf(span),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'mpol',
    message,
  };
  if (relatedInformation && notes.length > 0) result.relatedInformation = notes;
  if (unnecessaryCodes.has(d.code)) result.tags = [DiagnosticTag.Unnecessary];
  return result;
}

/** The URI to name a file by: the client's own for an open document. */
export function uriFor(files: Files, path: string): string {
  return files.document(path)?.uri ?? uriOf(path);
}
