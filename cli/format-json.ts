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

interface JsonEdit extends Range {
  readonly file: string;
  readonly text: string;
}

interface JsonFix {
  readonly message: string;
  readonly edits: readonly JsonEdit[];
}

interface JsonDiagnostic extends Range {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly help?: string;
  readonly notes?: readonly JsonNote[];
  readonly fixes?: readonly JsonFix[];
}

// A file with no text (binary, unreadable) has no lines; its diagnostics
// point at its start, like an editor would.
const fileStart: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function formatJson(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string {
  const locate = rangeLocator(texts);
  const entries = diagnostics.map((d): JsonDiagnostic => {
    const notes = d.notes.map((note): JsonNote => ({ file: note.file, ...(locate(note.file, note.span) ?? fileStart), message: note.message }));
    const fixes = d.fixes.map((fix): JsonFix => ({ message: fix.message, edits: fix.edits.map((edit) => ({ file: edit.file, ...(locate(edit.file, edit.span) ?? fileStart), text: edit.text })) }));
    return {
      file: d.file,
      ...(locate(d.file, d.span) ?? fileStart),
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.help === undefined ? {} : { help: d.help }),
      ...(notes.length === 0 ? {} : { notes }),
      ...(fixes.length === 0 ? {} : { fixes }),
    };
  });
  return JSON.stringify(entries, null, 2) + '\n';
}
