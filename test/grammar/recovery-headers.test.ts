// A stray token in a block's header, wherever it stands between the
// header's parts, of every kind of header in the bundled policies: one
// syntax error, at the stray token, and the body is still read and
// checked (mistakes seeded into the body are reported as they are
// without the stray token).
import { describe, expect, test } from 'vitest';
import { lex, type Diagnostic } from '../../grammar/index.js';
import { checkFiles, folderOf, readBundledPolicies, type PolicyText } from './fuzz-helpers.js';
import { headersOf, seedMistakes } from './headers.js';
import { diagnose as diagnoseText, withMistake } from './mistakes.js';

const strays = ['stray', '42', '"stray"', ';', ')', ']', ','];

const all = readBundledPolicies();

/** The diagnostics of `folder` with `file`'s text replaced. */
function diagnose(folder: readonly PolicyText[], file: string, text: string): Diagnostic[] {
  return [...checkFiles(folder.map((f) => (f.path === file ? { path: f.path, text } : f))).diagnostics];
}

/** A diagnostic as `file:start-end code message`, its offsets in `file` after `inserted.at` moved back over the inserted text. */
function show(d: Diagnostic, file: string, inserted = { at: 0, length: 0 }): string {
  const moveBack = (offset: number): number => (d.file === file && offset > inserted.at ? offset - inserted.length : offset);
  return `${d.file}:${moveBack(d.span.start)}-${moveBack(d.span.end)} ${d.code} ${d.message}`;
}

/** The token type a text lexes to, to skip a stray that cannot be told from the header part it stands before. */
const tokenKind = (text: string): string => lex(text, 'stray.mpol').tokens[0]?.tokenType.name ?? 'none';

describe.each(all.filter((f) => headersOf(f.text, f.path).length > 0).map((f) => [f.path, f] as const))('a stray token in a header of %s', (_, file) => {
  const folder = folderOf(file, all);
  const headers = headersOf(file.text, file.path);

  test.each(headers.map((h) => [`${h.kind} \`${h.name}\``, h] as const))('%s', (_, header) => {
    const seeded = seedMistakes(file.text, file.path, header.body);
    const expected = diagnose(folder, file.path, seeded).map((d) => show(d, file.path));
    const problems: string[] = [];
    for (const at of header.positions) {
      const before = tokenKind(seeded.slice(at));
      for (const stray of strays) {
        if (tokenKind(stray) === before) continue;
        // After a header's last token (a step without a body), a space first.
        const space = /\s/.test(seeded[at - 1]!) ? '' : ' ';
        const text = `${seeded.slice(0, at)}${space}${stray} ${seeded.slice(at)}`;
        const found = diagnose(folder, file.path, text);
        const start = at + space.length;
        const atStray = found.filter((d) => d.file === file.path && d.span.start === start && d.span.end === start + stray.length);
        const others = found.filter((d) => !atStray.includes(d)).map((d) => show(d, file.path, { at, length: space.length + stray.length + 1 }));
        if (atStray.length !== 1 || others.join('\n') !== expected.join('\n')) {
          problems.push(`\`${stray}\` before \`${seeded.slice(at, at + 12)}\`: ${found.map((d) => show(d, file.path)).join('; ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('the seeded mistakes are reported without a stray token', () => {
    // Each header with a body is tested against its body's own diagnostics: make sure there are some.
    for (const header of headers.filter((h) => h.body.end > h.body.start)) {
      expect(diagnose(folder, file.path, seedMistakes(file.text, file.path, header.body)), header.name).not.toEqual([]);
    }
  });
});

describe('by example: one error at the stray token, and the mistakes after it in the same run', () => {
  const clean = `policy Headers version "1.0" "Headers"
section "1" "Scope"
party Provider "Service provider"
party Operator "Network operator"
report R1 "Failures" to Provider
error E1 "Failed" ref "1" { report R1 }
cohort Pilot "Pilot installations"
retry Standard ref "1" {
  tier short: 3 retries every 5m
}
migration {
  step Commission ref "1" by Provider when cohort Pilot {
    retry Standard
    on exhausted incident resolved by Provider or Operator then retry else fail E1
  }
}
`;
  const misspelt = (text: string): string => withMistake(text, 'on exhausted', 'on exausted');
  test.each([
    ['a number after a step\'s name', 'step Commission ref', 'step Commission 42 ref', '42'],
    ['a name after a step\'s guard', 'cohort Pilot {', 'cohort Pilot Main {', 'Main'],
    ['a name inside a step\'s guard, before an operator', 'cohort Pilot {', 'cohort Pilot Main or cohort Pilot {', 'Main'],
    ['a string after a retry strategy\'s `ref`', 'ref "1" {\n  tier', 'ref "1" "2" {\n  tier', '"2"'],
    ['a `)` before an error\'s `{`', 'ref "1" { report', 'ref "1" ) { report', ')'],
    ['a number between an incident\'s resolvers', 'Provider or Operator', 'Provider 7 or Operator', '7'],
    ['a name before an incident\'s `by`', 'resolved by', 'resolved quickly by', 'quickly'],
  ])('%s', (_, from, to, stray) => {
    // In the order of the text: the misspelt trigger comes before the incident.
    const found = diagnoseText('headers.mpol', misspelt(withMistake(clean, from, to)));
    expect(found.toSorted()).toEqual([`unexpected-token \`${stray}\``, 'unexpected-token `exausted`'].toSorted());
  });

  test('a character the lexer drops, right before a misspelt keyword: both are reported', () => {
    const text = withMistake(clean, '    on exhausted', '    ; on exhausted');
    expect(diagnoseText('headers.mpol', misspelt(text))).toEqual(['invalid-character `;`', 'unexpected-token `exausted`']);
  });

  test('a stray token in a header leaves the body checked: an unknown name inside it is reported', () => {
    const text = withMistake(withMistake(clean, 'step Commission ref', 'step Commission ; ref'), 'retry Standard\n', 'retry Standart\n');
    expect(diagnoseText('headers.mpol', text, true)).toEqual(['invalid-character `;`: no help', 'unknown-name `Standart`: did you mean `Standard`?']);
  });
});
