/**
 * Document and range formatting through the project's formatter
 * (`compiler/format/`, the printer `mpol fmt` and the Prettier plugin use).
 * A file with syntax errors is not formatted: the answer is no edits, and
 * a message saying why. The edit replaces only what changed, so the
 * editor's cursor and folds outside it stay put.
 */
import { formatPolicy, formatRange, type FormatOptions } from '../../compiler/format/index.js';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { pathOf } from '../uris.js';
import type { FeatureContext } from './context.js';

export interface Formatted {
  readonly edits: TextEdit[];
  /** Why nothing was formatted, to show the author. */
  readonly refusal: string | undefined;
}

const syntaxErrors = 'this file has syntax errors, so it was not formatted: fix them first';

export function formatDocument(context: FeatureContext, uri: string, options: FormattingOptions): Formatted {
  const text = textOf(context, uri);
  if (text === undefined) return { edits: [], refusal: undefined };
  const result = formatPolicy(text, settings(options));
  if (result.kind === 'syntax-errors') return { edits: [], refusal: syntaxErrors };
  const path = pathOf(uri)!;
  return { edits: changed(context, path, text, { start: 0, end: text.length }, result.text), refusal: undefined };
}

export function formatDocumentRange(context: FeatureContext, uri: string, range: Range, options: FormattingOptions): Formatted {
  const text = textOf(context, uri);
  if (text === undefined) return { edits: [], refusal: undefined };
  const path = pathOf(uri)!;
  const result = formatRange(text, context.files.linesOf(path).spanOf(range), settings(options));
  if (result.kind === 'syntax-errors') return { edits: [], refusal: syntaxErrors };
  if (result.kind === 'nothing') return { edits: [], refusal: undefined };
  return { edits: changed(context, path, text, result.span, result.text), refusal: undefined };
}

function textOf(context: FeatureContext, uri: string): string | undefined {
  const path = pathOf(uri);
  const content = path === undefined ? undefined : context.files.content(path);
  return content?.kind === 'text' ? content.text : undefined;
}

function settings(options: FormattingOptions): Partial<FormatOptions> {
  return { tabWidth: options.tabSize, useTabs: !options.insertSpaces, endOfLine: 'auto' };
}

/** One edit replacing `span` of `text` by `formatted`, trimmed to the part that differs; none when nothing does. */
function changed(context: FeatureContext, path: string, text: string, span: { start: number; end: number }, formatted: string): TextEdit[] {
  const before = text.slice(span.start, span.end);
  if (before === formatted) return [];
  let prefix = 0;
  while (prefix < before.length && prefix < formatted.length && before.charCodeAt(prefix) === formatted.charCodeAt(prefix)) prefix++;
  // Never between the halves of a surrogate pair.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < formatted.length - prefix && before.charCodeAt(before.length - 1 - suffix) === formatted.charCodeAt(formatted.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isHighSurrogate(before.charCodeAt(before.length - suffix - 1))) suffix--;
  const range = context.files.linesOf(path).rangeOf({ start: span.start + prefix, end: span.end - suffix });
  return [{ range, newText: formatted.slice(prefix, formatted.length - suffix) }];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
