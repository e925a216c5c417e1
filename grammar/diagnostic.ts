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

/** A change to one file: the text of `span` replaced by `text` (an insertion when the span is empty). */
export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly text: string;
}

/**
 * A way to fix a diagnostic, as edits an editor (a code action) or
 * `mpol check --fix` can apply: the did-you-mean replacement of a
 * misspelt name or keyword, the import or the declaration that is
 * missing. A fix's edits apply together or not at all.
 */
export interface Fix {
  /** What the fix does, as a command: "replace `Provder` with `Provider`". */
  readonly message: string;
  readonly edits: readonly TextEdit[];
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
  /** Ways to fix it, best first: `mpol check --fix` applies the first. */
  readonly fixes: readonly Fix[];
}

export interface DiagnosticExtras {
  readonly notes?: readonly Note[];
  readonly help?: string | undefined;
  readonly fixes?: readonly Fix[];
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
    fixes: extras.fixes?.map((fix) => ({ message: fix.message, edits: fix.edits.map((edit) => ({ file: edit.file, span: offsets(edit.span), text: edit.text })) })) ?? [],
  };
}

/** The fix that replaces the text of `span` with `text`. */
export function replaceFix(file: string, span: Span, found: string, text: string): Fix {
  return { message: `replace \`${found}\` with \`${text}\``, edits: [{ file, span, text }] };
}

/**
 * The help and fix for `name`, written at `span`, when one of `candidates`
 * is near enough to be what was meant; nothing otherwise. `write` turns
 * the candidate into source text (quotes for a section number).
 */
export function nearNameExtras(file: string, span: Span, name: string, suggestion: string | undefined, write: (name: string) => string = (n) => n): DiagnosticExtras {
  if (suggestion === undefined) return {};
  return { help: `did you mean \`${suggestion}\`?`, fixes: [replaceFix(file, span, write(name), write(suggestion))] };
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
