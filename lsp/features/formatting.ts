/**
 * Document and range formatting through the project's formatter
 * (`compiler/format/`, the printer `mpol fmt` and the Prettier plugin use).
 * A file with syntax errors is not formatted: the answer is no edits, and
 * a message saying why. The edit replaces only what changed, so the
 * editor's cursor and folds outside it stay put.
 *
 * The options are the project's for the file (its `.prettierrc` or
 * `.editorconfig`, as `mpol fmt` reads them, with Prettier's defaults for
 * what they leave unset), so that the editor and the command line print a
 * file alike; the editor's indentation settings count only where no
 * configuration applies.
 */
import { defaultFormatOptions, formatPolicy, formatRange, type FormatOptions } from '../../compiler/format/index.js';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { ProjectFormatOptions } from '../environment.js';
import { pathOf } from '../uris.js';
import type { FeatureContext } from './context.js';

export interface Formatted {
  readonly edits: TextEdit[];
  /** Why nothing was formatted, to show the author. */
  readonly refusal: string | undefined;
}

const syntaxErrors = 'this file has syntax errors, so it was not formatted: fix them first';

/** What the server knows of a project's options when it was handed no way to read them: nothing. */
export const noProjectOptions: ProjectFormatOptions = { kind: 'none' };

export function formatDocument(context: FeatureContext, uri: string, options: FormattingOptions, project: ProjectFormatOptions = noProjectOptions): Formatted {
  const text = textOf(context, uri);
  if (text === undefined) return { edits: [], refusal: undefined };
  if (project.kind === 'error') return { edits: [], refusal: unreadableOptions(project.message) };
  const result = formatPolicy(text, settings(options, project));
  if (result.kind === 'syntax-errors') return { edits: [], refusal: syntaxErrors };
  const path = pathOf(uri)!;
  return { edits: changed(context, path, text, { start: 0, end: text.length }, result.text), refusal: undefined };
}

export function formatDocumentRange(context: FeatureContext, uri: string, range: Range, options: FormattingOptions, project: ProjectFormatOptions = noProjectOptions): Formatted {
  const text = textOf(context, uri);
  if (text === undefined) return { edits: [], refusal: undefined };
  if (project.kind === 'error') return { edits: [], refusal: unreadableOptions(project.message) };
  const path = pathOf(uri)!;
  const result = formatRange(text, context.files.linesOf(path).spanOf(range), settings(options, project));
  if (result.kind === 'syntax-errors') return { edits: [], refusal: syntaxErrors };
  if (result.kind === 'nothing') return { edits: [], refusal: undefined };
  return { edits: changed(context, path, text, result.span, result.text), refusal: undefined };
}

function textOf(context: FeatureContext, uri: string): string | undefined {
  const path = pathOf(uri);
  const content = path === undefined ? undefined : context.files.content(path);
  return content?.kind === 'text' ? content.text : undefined;
}

/** The project's options over Prettier's defaults, as `mpol fmt` has them; without a configuration, the editor's indentation and the file's own line endings. */
function settings(options: FormattingOptions, project: Exclude<ProjectFormatOptions, { kind: 'error' }>): Partial<FormatOptions> {
  if (project.kind === 'options') return { ...defaultFormatOptions, ...project.options };
  return { tabWidth: options.tabSize, useTabs: !options.insertSpaces, endOfLine: 'auto' };
}

function unreadableOptions(message: string): string {
  return `this file was not formatted: its formatting options cannot be read: ${message}`;
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
