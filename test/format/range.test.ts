// Range formatting: the top-level declarations a range touches are
// printed as formatting the whole file would print them, and nothing else
// of the file changes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatRange } from '../../compiler/format/index.js';
import { applyEdits } from '../../compiler/index.js';
import { allSamples, format } from './helpers.js';

const messy = `party   A "a"
// about B
party   B    "b"


party C   "c" // trailing
migration {
step X by A { commit }
}
`;

/** The text after the edit `formatRange` returns for the range between the first two `|` marks (or at the one). */
function formatMarked(marked: string): { text: string; changed: string | undefined } {
  const start = marked.indexOf('|');
  const end = marked.indexOf('|', start + 1);
  const text = marked.replaceAll('|', '');
  const range = end < 0 ? { start, end: start } : { start, end: end - 1 };
  const result = formatRange(text, range);
  if (result.kind === 'syntax-errors') throw new Error('syntax errors');
  if (result.kind === 'nothing') return { text, changed: undefined };
  return { text: applyEdits(text, [{ file: '', span: result.span, text: result.text }]), changed: result.text };
}

describe('formatRange', () => {
  test('formats the declaration a range touches, with its comments, and nothing else', () => {
    const { text, changed } = formatMarked(messy.replace('party   B', 'party  |B|'));
    expect(changed).toBe('// about B\nparty B "b"');
    expect(text).toBe(messy.replace('party   B    "b"', 'party B "b"'));
  });

  test('a cursor formats the declaration it is in', () => {
    const { text } = formatMarked(messy.replace('step X', 'step |X'));
    expect(text).toBe(messy.replace('migration {\nstep X by A { commit }\n}', 'migration {\n  step X by A {\n    commit\n  }\n}'));
  });

  test('a range over several declarations formats each, keeping the blank lines between them', () => {
    const { changed } = formatMarked(messy.replace('"b"', '|"b"').replace('"c"', '"c"|'));
    expect(changed).toBe('// about B\nparty B "b"\n\nparty C "c" // trailing');
  });

  test('a range between declarations changes nothing', () => {
    expect(formatMarked(messy.replace('\n\n\n', '\n|\n\n')).changed).toBeUndefined();
  });

  test('a file with syntax errors is not formatted', () => {
    expect(formatRange('party P\nparty Q "q"', { start: 0, end: 5 }).kind).toBe('syntax-errors');
  });

  test('keeps line endings as the file has them', () => {
    const result = formatRange('migration {\r\nstep X by A { commit }\r\n}\r\n', { start: 0, end: 0 }, { endOfLine: 'auto' });
    expect(result.kind === 'formatted' && result.text).toBe('migration {\r\n  step X by A {\r\n    commit\r\n  }\r\n}');
  });

  test('on every sample, any range formats as the whole file would', () => {
    const samples = allSamples().filter((sample) => sample.text.length < 20_000);
    const input = fc.record({ sample: fc.constantFrom(...samples), from: fc.nat(), length: fc.nat({ max: 400 }) });
    fc.assert(
      fc.property(input, ({ sample, from, length }) => {
        const start = from % (sample.text.length + 1);
        const range = { start, end: Math.min(sample.text.length, start + length) };
        const result = formatRange(sample.text, range, sample.options);
        if (result.kind !== 'formatted') return;
        const whole = format(sample.text, sample.options);
        expect(whole).toContain(result.text);
        expect(format(applyEdits(sample.text, [{ file: '', span: result.span, text: result.text }]), sample.options)).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});
