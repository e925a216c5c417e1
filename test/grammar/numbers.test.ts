/**
 * Every number and duration a policy writes is read exactly or refused:
 * each literal of the example policy, in turn, is replaced by one too large
 * (a count past 2^53 − 1, a duration past 2^53 − 1 ms) or too precise (a
 * decimal a double cannot hold as written), and the policy must give that
 * one error, under that literal, and nothing else: no check computes with a
 * rounded value, and none adds a second diagnostic about it.
 */
import { describe, expect, it } from 'vitest';
import { exactNumber, lex } from '../../grammar/index.js';
import { checkFiles, readBundledPolicies } from './fuzz-helpers.js';

const example = readBundledPolicies().filter((file) => file.path.startsWith('policies/example/'));

/** Every file of the example with one literal of the given token type replaced, and where the replacement lies. */
function* replaced(tokenType: string, replacement: string) {
  for (const file of example) {
    for (const token of lex(file.text, file.path).tokens.filter((t) => t.tokenType.name === tokenType)) {
      const start = token.startOffset;
      const text = file.text.slice(0, start) + replacement + file.text.slice(start + token.image.length);
      const files = example.map((other) => (other === file ? { path: file.path, text } : other));
      yield { files, file: file.path, start, literal: token.image };
    }
  }
}

function diagnosticsOf(files: ReturnType<typeof readBundledPolicies>) {
  const result = checkFiles(files);
  return result.diagnostics.map((d) => `${d.code} ${d.file}:${d.span.start} ${result.texts.get(d.file)?.slice(d.span.start, d.span.end) ?? ''}`);
}

describe('number literals', () => {
  it('the example policy checks cleanly, and has numbers and durations to replace', () => {
    expect(diagnosticsOf(example)).toEqual([]);
    expect([...replaced('NumberLiteral', '1')].length).toBeGreaterThan(3);
    expect([...replaced('Duration', '1s')].length).toBeGreaterThan(3);
  });

  for (const huge of ['99999999999999999999', '9007199254740993', '1.00000000000000001', '12345678901234567.5']) {
    it(`\`${huge}\` in place of each number is one invalid-number error under it`, () => {
      for (const { files, file, start, literal } of replaced('NumberLiteral', huge)) {
        expect(diagnosticsOf(files), `in place of ${literal} at ${file}:${start}`).toEqual([`invalid-number ${file}:${start} ${huge}`]);
      }
    });
  }

  it('a duration past 2^53 − 1 ms in place of each duration is one invalid-duration error under it, with no warning beside it', () => {
    for (const huge of ['9999999999999999999h', '104249991375d']) {
      for (const { files, file, start, literal } of replaced('Duration', huge)) {
        expect(diagnosticsOf(files), `in place of ${literal} at ${file}:${start}`).toEqual([`invalid-duration ${file}:${start} ${huge}`]);
      }
    }
  });

  it('reads whole numbers up to 2^53 − 1 and decimals of up to 15 significant digits as written', () => {
    expect(exactNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(exactNumber('9007199254740992')).toBeUndefined();
    expect(exactNumber('1.5')).toBe(1.5);
    expect(exactNumber('0.000000000000123456789012345')).toBe(1.23456789012345e-13);
    expect(exactNumber('1.00000000000001')).toBe(1.00000000000001);
    expect(exactNumber('1.000000000000001')).toBeUndefined();
    expect(exactNumber('007.2500')).toBe(7.25);
  });
});
