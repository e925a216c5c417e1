// What formatting must keep, over every golden (input and output), every
// bundled policy and generated policies: formatting twice is formatting
// once; the formatted text parses to the same tree (offsets aside); the
// comments are the same, in the same order; a version with indentation
// removed and spaces collapsed formats to the same text; and Prettier,
// given the plugin, prints exactly what `formatPolicy` prints, without
// its "comment was not printed" check firing.
import { format as prettierFormat } from 'prettier';
import { describe, expect, test } from 'vitest';
import plugin from '../../compiler/format/plugin.js';
import { allSamples, commentTexts, format, mangle, shape } from './helpers.js';

const samples = allSamples();

describe.each(samples.map((sample) => [sample.name, sample] as const))('%s', (_, sample) => {
  const formatted = format(sample.text, sample.options);

  test('formats to itself once formatted', () => {
    expect(format(formatted, sample.options)).toBe(formatted);
  });

  test('keeps the tree', () => {
    expect(shape(formatted)).toBe(shape(sample.text));
  });

  test('keeps every comment, in order', () => {
    expect(commentTexts(formatted)).toEqual(commentTexts(sample.text));
  });

  test('formats the same with indentation removed and spaces collapsed', () => {
    expect(format(mangle(sample.text), sample.options)).toBe(formatted);
  });

  test('prints through Prettier exactly as formatPolicy does', async () => {
    expect(await prettierFormat(sample.text, { ...sample.options, parser: 'mpol', plugins: [plugin] })).toBe(formatted);
  });
});

test('there are samples of every kind', () => {
  const kinds = new Set(samples.map((s) => s.name.split(/[/ ]/)[0]));
  expect([...kinds].sort()).toEqual(['generated', 'golden', 'policies']);
});
