// The front end never fails on bad input: for any text, `parse` and
// `checkWorkspace` return diagnostics (never throw) whose spans lie within
// the text. Random strings and bytes probe the lexer; token soup and token
// mutations of the example policy probe the parser's recovery and every
// check behind it; prefixes of the bundled policies are what an editor
// sends while someone types.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { keywords, lex, parse } from '../../grammar/index.js';
import { checkFiles, diagnosticProblems, folderOf, readBundledPolicies, treeHoles, type PolicyText } from './fuzz-helpers.js';

const fuzzFile = 'fuzz.mpol';
/** Makes a fragment a root, so that the whole compiler runs on it, not only the parser. */
const policyHeader = 'policy Fuzz version "1" "Fuzz"\n';

/**
 * Parses `text` as `file` and checks it beside `companions` (the other files
 * of its folder), and asserts that both return well-formed diagnostics.
 */
function expectFrontEndHolds(text: string, file = fuzzFile, companions: readonly PolicyText[] = []): void {
  const parsed = parse(text, file);
  expect(diagnosticProblems(parsed.diagnostics, new Map([[file, text]]))).toEqual([]);
  const files = [{ path: file, text }, ...companions.filter((c) => c.path !== file)];
  expect(treeHoles(parsed.tree)).toEqual([]);
  const result = checkFiles(files);
  expect(diagnosticProblems(result.diagnostics, result.texts)).toEqual([]);
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
/** Characters that mean something to the lexer, so random text reaches past the first token. */
const mpolCharacter = fc.constantFrom(...'{}()<>=!.:,|"\\/*\n\t _aZ09ms'.split(''));

const punctuation = ['{', '}', '(', ')', ':', ',', '..', '.', '|', '==', '!=', '<=', '>=', '<', '>'];
/** Any token of the language, so that random sequences go deep into the grammar. */
const anyToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...keywords) },
  { weight: 3, arbitrary: fc.constantFrom(...punctuation) },
  { weight: 3, arbitrary: fc.constantFrom('A', 'B', 'E1', 'Provider', 'Pilot', 'x') },
  { weight: 2, arbitrary: fc.constantFrom('"1"', '"A.1"', '"t"', '"a.mpol"', '"open', '"\\q"') },
  { weight: 2, arbitrary: fc.constantFrom('0', '1', '2', '1.5', '5m', '1h30m', '0s', '48h', '99999999999999999d') },
);
const tokenSoup = fc.array(anyToken, { maxLength: 60 }).map((tokens) => tokens.join(' '));

describe('any text', () => {
  test('strings of any code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectFrontEndHolds(text)));
  });

  test('strings of any graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => expectFrontEndHolds(text)));
  });

  test('strings of mpol punctuation and lone surrogates, as a policy', () => {
    const unit = fc.oneof({ weight: 9, arbitrary: mpolCharacter }, { weight: 1, arbitrary: loneSurrogate });
    fc.assert(fc.property(fc.string({ unit, maxLength: 300 }), (text) => expectFrontEndHolds(policyHeader + text)));
  });

  test('arbitrary bytes decoded as latin1', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => expectFrontEndHolds(Buffer.from(bytes).toString('latin1'))));
  });

  test('arbitrary bytes decoded as UTF-8, invalid sequences replaced', () => {
    const decoder = new TextDecoder('utf-8');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => expectFrontEndHolds(decoder.decode(bytes))));
  });

  test('sequences of mpol tokens, as a policy', () => {
    fc.assert(fc.property(tokenSoup, (soup) => expectFrontEndHolds(policyHeader + soup)), { numRuns: 500 });
  });
});

const bundled = readBundledPolicies();

/**
 * The offsets at which `text` is cut: every one for a short file, evenly
 * spaced ones for a longer file, so the run stays within a few seconds
 * however many policies are bundled.
 */
function cuts(text: string, everyOneUpTo: number, perLongFile: number): number[] {
  const stride = text.length <= everyOneUpTo ? 1 : Math.ceil(text.length / perLongFile);
  const offsets: number[] = [];
  for (let offset = 0; offset < text.length; offset += stride) offsets.push(offset);
  return [...offsets, text.length];
}

describe('prefixes of the bundled policies', () => {
  test('there are bundled policies to cut', () => {
    expect(bundled.map((f) => f.path)).toContain('policies/example/example.mpol');
  });

  // Parsing alone is cheaper: every prefix of a file up to 1,000 characters.
  test.each(bundled.map((file) => [file.path, file] as const))('every prefix of %s parses', (_, file) => {
    for (const offset of cuts(file.text, 1_000, 300)) {
      const text = file.text.slice(0, offset);
      const parsed = parse(text, file.path);
      expect(diagnosticProblems(parsed.diagnostics, new Map([[file.path, text]])), `prefix of ${offset} characters`).toEqual([]);
    }
  });

  // Checking reads the whole folder each time, so it cuts less finely.
  test.each(bundled.map((file) => [file.path, file] as const))('prefixes of %s check with their folder', (_, file) => {
    const folder = folderOf(file, bundled);
    for (const offset of cuts(file.text, 50, 50)) {
      expectFrontEndHolds(file.text.slice(0, offset), file.path, folder);
    }
  });
});

type Mutation = { readonly op: 'delete' | 'duplicate' | 'swap'; readonly at: number; readonly other: number };

/** Deletes, duplicates or swaps tokens of `text`, chosen by index modulo the token count. */
function mutate(text: string, mutation: Mutation): string {
  const tokens = lex(text, fuzzFile).tokens;
  if (tokens.length === 0) return text;
  const a = tokens[mutation.at % tokens.length]!;
  const b = tokens[mutation.other % tokens.length]!;
  const end = (token: typeof a): number => token.startOffset + token.image.length;
  switch (mutation.op) {
    case 'delete':
      return text.slice(0, a.startOffset) + text.slice(end(a));
    case 'duplicate':
      return `${text.slice(0, end(a))} ${a.image}${text.slice(end(a))}`;
    case 'swap': {
      const [first, second] = a.startOffset <= b.startOffset ? [a, b] : [b, a];
      if (first === second) return text;
      return text.slice(0, first.startOffset) + second.image + text.slice(end(first), second.startOffset) + first.image + text.slice(end(second));
    }
  }
}

describe('token mutations of the example policy', () => {
  const example = bundled.filter((file) => file.path.startsWith('policies/example/'));
  const mutation = fc.record({ op: fc.constantFrom('delete', 'duplicate', 'swap' as const), at: fc.nat(), other: fc.nat() });

  test('deleting, duplicating or swapping tokens never breaks the front end', () => {
    const input = fc.record({ file: fc.constantFrom(...example), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(input, ({ file, mutations }) => {
        const text = mutations.reduce(mutate, file.text);
        expectFrontEndHolds(text, file.path, example);
      }),
      { numRuns: 200 },
    );
  });
});
