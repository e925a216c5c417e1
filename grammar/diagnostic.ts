/**
 * The one diagnostic type every stage reports through, from the lexer to
 * the language server. Messages come from the catalog in `messages.ts`.
 */
import type { Span } from './ast.js';
import { messages, type DiagnosticCode, type MessageArgs } from './messages.js';

export type Severity = 'error' | 'warning';

/** A labelled location related to a diagnostic, such as a first declaration. */
export interface Note {
  readonly message: string;
  readonly file: string;
  readonly span: Span;
}

export interface Diagnostic {
  /** Stable kebab-case identifier, listed in `docs/diagnostics.md`. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** One lowercase sentence; user input in backticks. */
  readonly message: string;
  /** The file the span points into, as the caller named it. */
  readonly file: string;
  readonly span: Span;
  readonly notes: readonly Note[];
  /** A suggestion, such as "did you mean `MA122`?". */
  readonly help: string | undefined;
}

export interface DiagnosticExtras {
  readonly notes?: readonly Note[];
  readonly help?: string | undefined;
}

/**
 * Builds a diagnostic from the catalog entry for `code`. `span` may be a
 * syntax node (every node is a span): only its offsets are kept, so a
 * diagnostic never holds on to a tree, and prints as offsets.
 */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  file: string,
  span: Span,
  args: MessageArgs<C>,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const entry = messages[code];
  const message = (entry.message as (a: MessageArgs<C>) => string)(args);
  return {
    code,
    severity: entry.severity,
    message,
    file,
    span: offsets(span),
    notes: extras.notes?.map((note) => ({ message: note.message, file: note.file, span: offsets(note.span) })) ?? [],
    help: extras.help,
  };
}

function offsets(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** Orders diagnostics by file, then position, then code, for stable output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  if (a.span.end !== b.span.end) return a.span.end - b.span.end;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
