/**
 * Formatting a policy file: the one canonical layout of `docs/formatting.md`.
 * `formatPolicy` is what the language server and tests call; the Prettier
 * plugin (`plugin.ts`) and `mpol fmt` print the same document through
 * Prettier. A file with syntax errors is never formatted: its diagnostics
 * come back instead.
 */
import { printer as docPrinter, type builders } from 'prettier/doc';
import { parse, type Comment, type Diagnostic, type SourceFile } from '../../grammar/index.js';
import { printFile } from './print-declarations.js';
import { Printer } from './printer.js';

type Doc = builders.Doc;

export interface FormatOptions {
  /** The line length the printer tries to keep within. */
  readonly printWidth: number;
  /** Spaces per indentation level. */
  readonly tabWidth: number;
  /** Indent with tabs rather than spaces. */
  readonly useTabs: boolean;
  /** The line ending written: `auto` keeps the file's first one. */
  readonly endOfLine: 'lf' | 'crlf' | 'cr' | 'auto';
}

export const defaultFormatOptions: FormatOptions = { printWidth: 80, tabWidth: 2, useTabs: false, endOfLine: 'lf' };

export type FormatResult =
  | { readonly kind: 'formatted'; readonly text: string }
  | { readonly kind: 'syntax-errors'; readonly diagnostics: readonly Diagnostic[] };

/** The document of a parsed file: what both Prettier and `formatPolicy` lay out. */
export function printPolicyDoc(text: string, tree: SourceFile, comments: readonly Comment[], options: Pick<FormatOptions, 'tabWidth'>, onComment?: (comment: Comment) => void): Doc {
  return printFile(new Printer(text, tree, comments, { tabWidth: options.tabWidth, onComment }), tree);
}

/** `text` formatted, or the syntax errors that prevent it. Never throws. */
export function formatPolicy(text: string, options: Partial<FormatOptions> = {}, file = 'policy.mpol'): FormatResult {
  const settings = { ...defaultFormatOptions, ...options };
  // As Prettier does: a byte order mark is kept, line endings are read as `\n` and written as asked.
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const source = normalizeLineEndings(bom === '' ? text : text.slice(1));
  const parsed = parse(source, file);
  if (parsed.diagnostics.length > 0) return { kind: 'syntax-errors', diagnostics: parsed.diagnostics };
  const doc = printPolicyDoc(source, parsed.tree, parsed.comments, settings);
  const { formatted } = docPrinter.printDocToString(doc, { printWidth: settings.printWidth, tabWidth: settings.tabWidth, useTabs: settings.useTabs });
  const eol = lineEnding(settings.endOfLine, text);
  return { kind: 'formatted', text: bom + (eol === '\n' ? formatted : formatted.replaceAll('\n', eol)) };
}

export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export function lineEnding(option: FormatOptions['endOfLine'], text: string): string {
  if (option === 'crlf') return '\r\n';
  if (option === 'cr') return '\r';
  if (option === 'lf') return '\n';
  const first = /\r\n?|\n/.exec(text);
  return first?.[0] ?? '\n';
}
