/**
 * Range formatting, for an editor's "Format Selection": the top-level
 * declarations the range touches (each with its comments) are formatted
 * exactly as formatting the whole file would print them, and nothing else
 * changes. Prettier's own range formatting does nothing for languages a
 * plugin adds, so the language server calls this instead.
 */
import { printer as docPrinter } from 'prettier/doc';
import { parse, type Diagnostic, type Span, type TopItem } from '../../grammar/index.js';
import { defaultFormatOptions, lineEnding, type FormatOptions } from './format.js';
import { printTopItem } from './print-declarations.js';
import { Printer } from './printer.js';

export type RangeFormatResult =
  /** Replace `span` of the text with `text`. */
  | { readonly kind: 'formatted'; readonly span: Span; readonly text: string }
  /** The range touches no declaration. */
  | { readonly kind: 'nothing' }
  | { readonly kind: 'syntax-errors'; readonly diagnostics: readonly Diagnostic[] };

/**
 * The edit that formats the declarations `range` touches: a range that
 * overlaps a declaration or its comments, or an empty range (a cursor)
 * inside or at the edge of one. Offsets are into `text` as given. Never throws.
 */
export function formatRange(text: string, range: Span, options: Partial<FormatOptions> = {}, file = 'policy.mpol'): RangeFormatResult {
  const settings = { ...defaultFormatOptions, ...options };
  const parsed = parse(text, file);
  if (parsed.diagnostics.length > 0) return { kind: 'syntax-errors', diagnostics: parsed.diagnostics };
  const printer = new Printer(text, parsed.tree, parsed.comments, { tabWidth: settings.tabWidth });
  const touched = parsed.tree.items.filter((item) => touches(printer.extent(item), range));
  if (touched.length === 0) return { kind: 'nothing' };
  const doc = printer.lines(touched, (item) => printTopItem(printer, item as TopItem));
  const { formatted } = docPrinter.printDocToString(doc, { printWidth: settings.printWidth, tabWidth: settings.tabWidth, useTabs: settings.useTabs });
  const eol = lineEnding(settings.endOfLine, text);
  const span = { start: printer.extent(touched[0]!).start, end: printer.extent(touched[touched.length - 1]!).end };
  return { kind: 'formatted', span, text: eol === '\n' ? formatted : formatted.replaceAll('\n', eol) };
}

function touches(extent: Span, range: Span): boolean {
  if (range.start === range.end) return extent.start <= range.start && range.start <= extent.end;
  return extent.start < range.end && range.start < extent.end;
}
