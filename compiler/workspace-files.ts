/**
 * The files of a workspace, one at a time: a file read through the host and
 * parsed (or why it could not be), whether it declares a policy, and the
 * diagnostic for a file that could not be read.
 */
import { diagnostic, parse, type Diagnostic, type Span } from '../grammar/index.js';
import type { PolicyFile } from './context.js';
import type { ReadResult } from './host.js';

/** A file as the workspace read it: its text parsed, or why there is none. */
export interface LoadedFile {
  readonly read: ReadResult;
  readonly file: PolicyFile | undefined;
  /** The file's own lexical and syntax diagnostics, and `empty-file`. */
  readonly syntax: readonly Diagnostic[];
}

/** Where a diagnostic about a whole file is placed. */
export const atStart: Span = { start: 0, end: 0 };

export function readAndParse(path: string, read: ReadResult): LoadedFile {
  if (read.kind !== 'text') return { read, file: undefined, syntax: [] };
  const { tree, diagnostics, unread, comments } = parse(read.text, path);
  const syntax = tree.items.length === 0 && diagnostics.length === 0 ? [diagnostic('empty-file', path, atStart, {})] : diagnostics;
  const syntaxErrors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.start);
  return { read, file: { path, text: read.text, tree, unread, comments, syntaxErrors }, syntax };
}

export function declaresPolicy(file: PolicyFile): boolean {
  return file.tree.items.some((item) => item.kind === 'Policy');
}

/** The diagnostic for a file that could not be read, placed at `file`/`span`. */
export function readDiagnostic(read: ReadResult, file: string, shownPath: string, span: Span): Diagnostic {
  switch (read.kind) {
    case 'missing':
      return diagnostic('import-not-found', file, span, { path: shownPath });
    case 'unreadable':
      return diagnostic('file-unreadable', file, span, { reason: read.reason });
    case 'binary':
      return diagnostic('binary-file', file, span, {});
    case 'too-large':
      return diagnostic('file-too-large', file, span, { size: megabytes(read.size), limit: megabytes(read.limit) });
    case 'text':
      throw new Error('a readable file has no read diagnostic');
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
