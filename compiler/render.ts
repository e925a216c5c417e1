/**
 * Renders diagnostics as text in the style of rustc: a header, an arrow to
 * `file:line:col`, the source line in a numbered gutter and carets under the
 * span, then notes (each with its own snippet) and help.
 *
 * Pure: no I/O, no terminal detection. The caller decides on colour, so the
 * same function serves the command line, golden files and tests.
 */
import { createColors } from 'picocolors';
import { LineMap, type Diagnostic, type Span } from '../grammar/index.js';

export interface RenderOptions {
  readonly color: boolean;
}

type Colors = ReturnType<typeof createColors>;

/** What one snippet needs: a located span in a file whose text may be absent. */
interface Located {
  readonly file: string;
  readonly text: string | undefined;
  readonly span: Span;
}

/** Renders every diagnostic, in the order given, separated by blank lines. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
  options: RenderOptions,
): string {
  const colors = createColors(options.color);
  const lineMaps = new Map<string, LineMap>();
  const lineMapOf = (file: string, text: string): LineMap => {
    let map = lineMaps.get(file);
    if (map === undefined) {
      map = new LineMap(text);
      lineMaps.set(file, map);
    }
    return map;
  };
  const blocks = diagnostics.map((d) => renderOne(d, texts, lineMapOf, colors));
  return blocks.map((block) => block.join('\n') + '\n').join('\n');
}

/** One line such as `2 errors, 1 warning in 3 files` or `no problems in 1 file`. */
export function summary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts: string[] = [];
  if (errors > 0) counts.push(plural(errors, 'error'));
  if (warnings > 0) counts.push(plural(warnings, 'warning'));
  const problems = counts.length === 0 ? 'no problems' : counts.join(', ');
  return `${problems} in ${plural(fileCount, 'file')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function renderOne(
  d: Diagnostic,
  texts: ReadonlyMap<string, string>,
  lineMapOf: (file: string, text: string) => LineMap,
  colors: Colors,
): string[] {
  const main: Located = { file: d.file, text: texts.get(d.file), span: d.span };
  const notes = d.notes.map((note) => ({ message: note.message, at: { file: note.file, text: texts.get(note.file), span: note.span } }));

  // The gutter is as wide as the largest line number the block shows, so
  // every `|` of the diagnostic and its notes lines up.
  const snippets = [main, ...notes.map((note) => note.at)].map((at) => locate(at, lineMapOf));
  const width = Math.max(1, ...snippets.map((s) => (s === undefined ? 1 : String(s.line + 1).length)));

  const severity = d.severity === 'error' ? colors.red : colors.yellow;
  const lines = [`${colors.bold(severity(`${d.severity}[${d.code}]`))}${colors.bold(`: ${clean(d.message)}`)}`];
  lines.push(...renderSnippet(main, snippets[0], width, severity, colors));
  notes.forEach((note, index) => {
    lines.push(`${colors.bold(colors.green('note'))}: ${clean(note.message)}`);
    lines.push(...renderSnippet(note.at, snippets[index + 1], width, colors.green, colors));
  });
  if (d.help !== undefined) {
    lines.push(`${' '.repeat(width)} ${colors.blue('=')} ${colors.bold(colors.cyan('help'))}: ${clean(d.help)}`);
  }
  return lines.map((line) => line.trimEnd());
}

/** A span resolved to 0-based lines and columns, clipped to one source line. */
interface Snippet {
  readonly line: number;
  readonly lineText: string;
  readonly startColumn: number;
  /** Exclusive; equal to `startColumn` for a zero-width span. */
  readonly endColumn: number;
  /** The 0-based last line of a span that runs over several lines. */
  readonly lastLine: number;
}

function locate(at: Located, lineMapOf: (file: string, text: string) => LineMap): Snippet | undefined {
  if (at.text === undefined) return undefined;
  const map = lineMapOf(at.file, at.text);
  const start = map.position(at.span.start);
  let end = map.position(Math.max(at.span.start, at.span.end));
  const lineText = map.lineText(start.line);
  // A span that stops at the very start of a later line (one that includes
  // a line break) really ends on the line before.
  if (end.line > start.line && end.column === 0) end = { line: end.line - 1, column: map.lineText(end.line - 1).length };
  if (end.line > start.line) {
    return { line: start.line, lineText, startColumn: start.column, endColumn: lineText.length, lastLine: end.line };
  }
  return { line: start.line, lineText, startColumn: start.column, endColumn: end.column, lastLine: start.line };
}

function renderSnippet(
  at: Located,
  snippet: Snippet | undefined,
  width: number,
  accent: (text: string) => string,
  colors: Colors,
): string[] {
  const pad = ' '.repeat(width);
  const arrow = `${pad}${colors.blue('-->')} `;
  if (snippet === undefined) return [`${arrow}${clean(at.file)}`];

  const bar = colors.blue('|');
  const number = colors.blue(String(snippet.line + 1).padStart(width));
  const { text, columns } = displayText(snippet.lineText);
  const from = columns[snippet.startColumn] ?? 0;
  const to = columns[snippet.endColumn] ?? from;
  // Invariant: a zero-width span (an insertion point, or the end of the
  // file) still gets one caret, so the reader sees where it is.
  const carets = '^'.repeat(Math.max(1, to - from));
  const continues = snippet.lastLine > snippet.line ? ` ${accent(`(continues to line ${snippet.lastLine + 1})`)}` : '';
  return [
    `${arrow}${clean(at.file)}:${snippet.line + 1}:${snippet.startColumn + 1}`,
    `${pad} ${bar}`,
    `${number} ${bar} ${text}`,
    `${pad} ${bar} ${' '.repeat(from)}${colors.bold(accent(carets))}${continues}`,
  ];
}

/** A message or path made safe to print: control characters shown, not obeyed. */
function clean(text: string): string {
  return displayText(text).text;
}

/**
 * How a line of text looks in a terminal: tabs expanded to four spaces (so
 * carets line up whatever the terminal's tab stops), control characters
 * shown as visible symbols (so a policy cannot send escape sequences to the
 * terminal), and, for every UTF-16 offset, the display column it starts at.
 */
function displayText(line: string): { text: string; columns: number[] } {
  const columns: number[] = [];
  let text = '';
  let column = 0;
  for (let offset = 0; offset < line.length; ) {
    const code = line.codePointAt(offset)!;
    const units = code > 0xffff ? 2 : 1;
    for (let unit = 0; unit < units; unit++) columns.push(column);
    const [shown, width] = display(code);
    text += shown;
    column += width;
    offset += units;
  }
  columns.push(column);
  return { text, columns };
}

/** The text shown for one code point and the number of columns it takes. */
function display(code: number): [string, number] {
  if (code === 0x09) return ['    ', 4];
  if (code < 0x20) return [String.fromCodePoint(0x2400 + code), 1];
  if (code === 0x7f) return ['\u2421', 1];
  if ((code >= 0x80 && code < 0xa0) || isBidiControl(code)) return ['\ufffd', 1];
  const shown = String.fromCodePoint(code);
  if (isZeroWidth(code)) return [shown, 0];
  return [shown, isWide(code) ? 2 : 1];
}

// Bidirectional overrides could make the shown line differ from what the
// parser read, so they are replaced like other control characters.
function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    code === 0x200b ||
    code === 0x200d
  );
}

// The main East Asian wide and emoji blocks: enough for carets to stay under
// the right characters in names and strings written in those scripts.
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
