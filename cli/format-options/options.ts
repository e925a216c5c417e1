/**
 * The options of a Prettier configuration that the formatter takes, each
 * checked as Prettier checks it: a value Prettier would refuse is a
 * message, never a silently different layout.
 */
import type { FormatOptions } from '../../compiler/format/index.js';
import type { ProjectFormatOptions } from '../../lsp/index.js';

const endsOfLine: readonly string[] = ['lf', 'crlf', 'cr', 'auto'];

export function optionsFrom(config: Readonly<Record<string, unknown>>): ProjectFormatOptions {
  const options: { -readonly [K in keyof FormatOptions]?: FormatOptions[K] } = {};
  const { printWidth, tabWidth, useTabs, endOfLine } = config;
  if (printWidth !== undefined) {
    // `max_line_length = off` in an `.editorconfig` is no limit.
    if (!isWidth(printWidth)) return invalid('printWidth', 'an integer', printWidth);
    options.printWidth = printWidth;
  }
  if (tabWidth !== undefined) {
    if (!isWidth(tabWidth) || tabWidth === Number.POSITIVE_INFINITY) return invalid('tabWidth', 'an integer', tabWidth);
    options.tabWidth = tabWidth;
  }
  if (useTabs !== undefined) {
    if (typeof useTabs !== 'boolean') return invalid('useTabs', 'true or false', useTabs);
    options.useTabs = useTabs;
  }
  if (endOfLine !== undefined) {
    if (typeof endOfLine !== 'string' || !endsOfLine.includes(endOfLine)) return invalid('endOfLine', 'one of "lf", "crlf", "cr" or "auto"', endOfLine);
    options.endOfLine = endOfLine as FormatOptions['endOfLine'];
  }
  return { kind: 'options', options };
}

function isWidth(value: unknown): value is number {
  return typeof value === 'number' && (Number.isSafeInteger(value) || value === Number.POSITIVE_INFINITY) && value >= 0;
}

function invalid(option: string, expected: string, value: unknown): ProjectFormatOptions {
  return { kind: 'error', message: `invalid ${option} value: expected ${expected}, not ${JSON.stringify(value) ?? String(value)}` };
}
