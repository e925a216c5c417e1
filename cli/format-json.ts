/**
 * `--format json`: one array of flat diagnostic objects, for scripts.
 * The shape is documented in `docs/cli.md`; keep the two in step.
 */
import type { Diagnostic } from '../grammar/index.js';
import { rangeLocator, type Range } from './locate.js';

interface JsonNote extends Range {
  readonly file: string;
  readonly message: string;
}

interface JsonDiagnostic extends Range {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly help?: string;
  readonly notes?: readonly JsonNote[];
}

// A file with no text (binary, unreadable) has no lines; its diagnostics
// point at its start, like an editor would.
const fileStart: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function formatJson(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string {
  const locate = rangeLocator(texts);
  const entries = diagnostics.map((d): JsonDiagnostic => {
    const notes = d.notes.map((note): JsonNote => ({ file: note.file, ...(locate(note.file, note.span) ?? fileStart), message: note.message }));
    return {
      file: d.file,
      ...(locate(d.file, d.span) ?? fileStart),
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.help === undefined ? {} : { help: d.help }),
      ...(notes.length === 0 ? {} : { notes }),
    };
  });
  return JSON.stringify(entries, null, 2) + '\n';
}
