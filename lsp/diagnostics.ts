/**
 * Diagnostics as the client sees them: one list per open document, its own
 * syntax diagnostics first (from the server's parse of the current text),
 * then the policy's other diagnostics from the last completed check, moved
 * onto the current text through the edits made since (a diagnostic an edit
 * touched waits for the next check). Every list is published with the
 * document's version, so a client can tell it is not stale.
 */
import { unnecessaryCodes, type Diagnostic } from '../grammar/index.js';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Files } from './files.js';
import { uriOf } from './uris.js';

/** The other diagnostics of a file as a check left them, for the text of `version` (`undefined` for a file that was not open). */
export interface CheckedDiagnostics {
  readonly version: number | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function diagnosticsFor(files: Files, path: string, checked: CheckedDiagnostics | undefined, relatedInformation: boolean): LspDiagnostic[] {
  const document = files.document(path);
  const own = files.load(path).syntax;
  const result = own.map((d) => toLspDiagnostic(files, d, d.span, relatedInformation));
  if (checked === undefined || document === undefined) return result;
  for (const d of checked.diagnostics) {
    // A check that ran before the document was opened saw the disk, whose text may differ.
    const span = checked.version === undefined ? undefined : document.mapSpan(d.span, checked.version);
    if (span !== undefined) result.push(toLspDiagnostic(files, d, span, relatedInformation));
  }
  return result;
}

function toLspDiagnostic(files: Files, d: Diagnostic, span: Diagnostic['span'], relatedInformation: boolean): LspDiagnostic {
  const lines = files.linesOf(d.file);
  const notes = d.notes.map((note) => ({ location: { uri: uriFor(files, note.file), range: files.linesOf(note.file).rangeOf(note.span) }, message: note.message }));
  let message = d.message;
  if (!relatedInformation) for (const note of d.notes) message += `\nnote: ${note.message}`;
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
