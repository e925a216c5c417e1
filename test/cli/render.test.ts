import { describe, expect, it } from 'vitest';
import { renderDiagnostics, summary } from '../../compiler/index.js';
import { diagnostic, type Diagnostic, type Span } from '../../grammar/index.js';

/** The span of the first `needle` in `text`. */
function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`\`${needle}\` is not in the text`);
  return { start, end: start + needle.length };
}

function unknownParty(file: string, span: Span, help?: string): Diagnostic {
  return diagnostic('unknown-name', file, span, { name: 'Provder', expected: 'party' }, { help });
}

function render(diagnostics: readonly Diagnostic[], texts: Record<string, string>): string {
  return renderDiagnostics(diagnostics, new Map(Object.entries(texts)), { color: false });
}

describe('renderDiagnostics', () => {
  it('puts carets under the span, with the line in a gutter', () => {
    const text = 'party Provider "p"\nstep A by Provder {}\n';
    expect(render([unknownParty('a.mpol', spanOf(text, 'Provder'))], { 'a.mpol': text })).toBe(
      ['error[unknown-name]: unknown party `Provder`', ' --> a.mpol:2:11', '  |', '2 | step A by Provder {}', '  |           ^^^^^^^', ''].join('\n'),
    );
  });

  it('keeps carets aligned after tabs, counting a tab as one column in the location', () => {
    const text = '\tstep A by\t\tProvder {}';
    expect(render([unknownParty('a.mpol', spanOf(text, 'Provder'))], { 'a.mpol': text })).toBe(
      [
        'error[unknown-name]: unknown party `Provder`',
        ' --> a.mpol:1:13',
        '  |',
        '1 |     step A by        Provder {}',
        '  |                      ^^^^^^^',
        '',
      ].join('\n'),
    );
  });

  it('keeps carets aligned after wide characters and surrogate pairs', () => {
    const text = 'step 日本 by 🚀 Provder';
    const [, , , source, carets] = render([unknownParty('a.mpol', spanOf(text, 'Provder'))], { 'a.mpol': text }).split('\n');
    expect(source).toBe('1 | step 日本 by 🚀 Provder');
    expect(carets).toBe('  |                 ^^^^^^^');
  });

  it('gives a zero-width span at the end of the file one caret', () => {
    const text = 'migration {\n  step A';
    const atEnd = diagnostic('unexpected-token', 'a.mpol', { start: text.length, end: text.length }, { expected: '`{`', found: 'the end of the file' });
    expect(render([atEnd], { 'a.mpol': text })).toBe(
      ['error[unexpected-token]: expected `{`, found the end of the file', ' --> a.mpol:2:9', '  |', '2 |   step A', '  |         ^', ''].join('\n'),
    );
  });

  it('shows the empty last line for a zero-width span after a final line break', () => {
    const text = 'migration {\n';
    const atEnd = diagnostic('unexpected-token', 'a.mpol', { start: text.length, end: text.length }, { expected: '`}`', found: 'the end of the file' });
    expect(render([atEnd], { 'a.mpol': text }).split('\n').slice(1)).toEqual([' --> a.mpol:2:1', '  |', '2 |', '  | ^', '']);
  });

  it('underlines the first line of a span over several lines and says where it ends', () => {
    const text = 'policy P version "1" "t"\nretry R {\n  tier t: every 5m\n}\n';
    const start = text.indexOf('retry');
    const span = { start, end: text.indexOf('}') + 1 };
    const empty = diagnostic('empty-retry', 'a.mpol', span, { name: 'R' });
    expect(render([empty], { 'a.mpol': text }).split('\n').slice(3, 5)).toEqual(['2 | retry R {', '  | ^^^^^^^^^ (continues to line 4)']);
  });

  it('renders notes with their own location, and help, in one gutter width', () => {
    const other = 'party Operator "first"\n';
    const text = '\n'.repeat(11) + 'party Operator "again"\n';
    const duplicate = diagnostic(
      'duplicate-declaration',
      'b.mpol',
      spanOf(text, 'Operator'),
      { name: 'Operator' },
      { notes: [{ message: '`Operator` is first declared here', file: 'a.mpol', span: spanOf(other, 'Operator') }], help: 'rename one of them' },
    );
    expect(render([duplicate], { 'a.mpol': other, 'b.mpol': text })).toBe(
      [
        'error[duplicate-declaration]: `Operator` is declared more than once',
        '  --> b.mpol:12:7',
        '   |',
        '12 | party Operator "again"',
        '   |       ^^^^^^^^',
        'note: `Operator` is first declared here',
        '  --> a.mpol:1:7',
        '   |',
        ' 1 | party Operator "first"',
        '   |       ^^^^^^^^',
        '   = help: rename one of them',
        '',
      ].join('\n'),
    );
  });

  it('prints only the header and the file when the text is absent', () => {
    const binary = diagnostic('binary-file', 'data.mpol', { start: 0, end: 0 }, {});
    expect(render([binary], {})).toBe('error[binary-file]: this file is not text (it contains NUL bytes or is not UTF-8)\n --> data.mpol\n');
  });

  it('separates diagnostics with a blank line and labels warnings', () => {
    const empty = diagnostic('empty-file', 'a.mpol', { start: 0, end: 0 }, {});
    const binary = diagnostic('binary-file', 'b.mpol', { start: 0, end: 0 }, {});
    const output = render([empty, binary], { 'a.mpol': '' });
    expect(output).toBe(
      ['warning[empty-file]: this file declares nothing', ' --> a.mpol:1:1', '  |', '1 |', '  | ^', '', 'error[binary-file]: this file is not text (it contains NUL bytes or is not UTF-8)', ' --> b.mpol', ''].join('\n'),
    );
  });

  it('shows control characters in the source instead of sending them to the terminal', () => {
    const text = 'party \u001b[31mX';
    const output = render([unknownParty('a.mpol', spanOf(text, 'X'))], { 'a.mpol': text });
    expect(output).not.toContain('\u001b');
    expect(output).toContain('1 | party \u241b[31mX\n  |            ^\n');
  });

  it('colours only when asked', () => {
    const text = 'step A by Provder {}';
    const diagnostics = [unknownParty('a.mpol', spanOf(text, 'Provder'), 'did you mean `Provider`?')];
    const texts = new Map([['a.mpol', text]]);
    expect(renderDiagnostics(diagnostics, texts, { color: false })).not.toContain('\u001b');
    expect(renderDiagnostics(diagnostics, texts, { color: true })).toContain('\u001b[');
  });

  it('renders nothing for no diagnostics', () => {
    expect(render([], {})).toBe('');
  });
});

describe('summary', () => {
  const error = diagnostic('binary-file', 'a.mpol', { start: 0, end: 0 }, {});
  const warning = diagnostic('empty-file', 'a.mpol', { start: 0, end: 0 }, {});

  it.each([
    [[], 3, 'no problems in 3 files'],
    [[error], 1, '1 error in 1 file'],
    [[warning, warning], 2, '2 warnings in 2 files'],
    [[error, error, warning], 3, '2 errors, 1 warning in 3 files'],
  ] as const)('counts %j over %i files', (diagnostics, files, line) => {
    expect(summary(diagnostics, files)).toBe(line);
  });
});
