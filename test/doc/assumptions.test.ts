// assumptionsOf: every declaration of assumptions.mpol, and whatever a
// comment containing "assumed" is about.
import { describe, expect, it } from 'vitest';
import { assumptionsOf } from '../../compiler/index.js';
import { compileFiles, compileFolder } from '../diagrams/policies.js';

const header = `policy P version "1" "t"
section "1" "One"
party A "a"
report R "r" to A
error E "e" ref "1" { report R }
`;

function assumed(files: Record<string, string>) {
  const policy = compileFiles(new Map(Object.entries(files)));
  return assumptionsOf(policy.files);
}

describe('assumptionsOf', () => {
  it('lists a line whose trailing comment says assumed, as part of its declaration', () => {
    const { values } = assumed({
      'p.mpol': `${header}retry S ref "1" {
  tier short: 3 retries every 5m  // assumed: not public
  within 1h
}
migration { on failure fail E  step X ref "1" by A { retry S } }`,
    });
    expect(values.map(({ file, line, subject, value, note }) => ({ file, line, subject, value, note }))).toEqual([
      { file: 'p.mpol', line: 7, subject: 'tier `short`', value: 'tier short: 3 retries every 5m', note: 'assumed: not public' },
    ]);
  });

  it('lists the declaration below a comment that says assumed, and those after it without a blank line', () => {
    const { values } = assumed({
      'p.mpol': `${header}
/* Both parties are Assumed,
   for now. */
party B "b"
party C "c"

party D "d"
// Public.
party F "f"
migration { on failure fail E  step X ref "1" by A }`,
    });
    expect(values.map((value) => [value.subject, value.line, value.note])).toEqual([
      ['party `B`', 9, 'Both parties are Assumed, for now.'],
      ['party `C`', 10, 'Both parties are Assumed, for now.'],
    ]);
  });

  it('lists every declaration of assumptions.mpol, with the comment above it or above its group', () => {
    const { values, notes } = assumed({
      'p.mpol': `${header}import "assumptions.mpol"
migration { on failure fail E  step X ref "1" by A { retry S } }`,
      'assumptions.mpol': `// Every value here is assumed.

// The strategy's values are guesses.
retry S ref "1" {
  tier t: 2 retries every 1m
}

// Codes in a private range.
error X1 "x1" ref "1" { report R }
error X2 "x2" ref "1" { report R }
section "9" "Nine"
`,
    });
    expect(values.map((value) => [value.file, value.line, value.subject, value.note])).toEqual([
      ['assumptions.mpol', 4, 'retry strategy `S`', "The strategy's values are guesses."],
      ['assumptions.mpol', 9, 'error code `X1`', 'Codes in a private range.'],
      ['assumptions.mpol', 10, 'error code `X2`', 'Codes in a private range.'],
      ['assumptions.mpol', 11, 'section 9', 'Codes in a private range.'],
    ]);
    expect(values[0]!.value).toBe('retry S ref "1" { tier t: 2 retries every 1m }');
    expect(notes).toEqual([{ file: 'assumptions.mpol', line: 1, text: 'Every value here is assumed.' }]);
  });

  it('finds what MEHRS v2.1 assumes: its fields, the exclusion, both strategies and the AS codes', () => {
    const { values } = assumptionsOf(compileFolder('policies/mehrs/v2.1').files);
    const inAssumptions = values.filter((value) => value.file === 'policies/mehrs/v2.1/assumptions.mpol').map((value) => value.subject);
    expect(inAssumptions.slice(0, 6)).toEqual(['installation fields', 'section 4.2', 'exclusion', 'retry strategy `IocS1sp`', 'retry strategy `SuaRotation`', 'error code `MA122`']);
    expect(inAssumptions.filter((subject) => subject.startsWith('error code `AS'))).toHaveLength(13);
    // Elsewhere, what a comment marks as assumed: the MVF's producer, the placeholder steps, the checks' predicates.
    const marked = values.filter((value) => value.file !== 'policies/mehrs/v2.1/assumptions.mpol').map((value) => value.subject);
    expect(marked).toContain('artefact `MVF`');
    expect(marked.length).toBeGreaterThan(5);
  });
});
