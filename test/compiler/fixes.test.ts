// Structured fixes: the did-you-mean and declare-missing cases carry
// edits, and applying each diagnostic's first fix (what `mpol check --fix`
// does) turns a policy with those mistakes into one without them.
import { describe, expect, test } from 'vitest';
import { applyEdits, applyFixes, checkWorkspace, memoryHost } from '../../compiler/index.js';

const root = `policy P version "1" "p"
import "parties.mpol"

section "1" "Scope"
section "2.1" "Steps"

installation {
  type: Active | Dormant
  meters: number
}

error E1 "Failed" ref "1" { report R1 }

retry Quick ref "1" {
  tier t: 3 retries every 1m
  jitter 0s..10s
}

migration {
  on failure fail E1
  step A ref "2.1" by Provider {
    retry Quick
  }
}
`;
const parties = `// Parties.
party Provider "Service provider" // the only one
report R1 "Failures" to Provider
`;
const elsewhere = `artefact Manifest "Manifest" by Provider\n`;

type Files = Record<string, string>;
const clean: Files = { 'p/root.mpol': root, 'p/parties.mpol': parties, 'p/artefacts.mpol': elsewhere };

function check(files: Files) {
  return checkWorkspace(Object.keys(files), memoryHost(files));
}

/** The files after `edit` of the root, then every first fix applied, round after round as `--fix` does. */
function fixed(files: Files): Files {
  let current = { ...files };
  for (let round = 0; round < 10; round++) {
    const result = check(current);
    const { texts, applied } = applyFixes(result.diagnostics, result.texts);
    if (applied.length === 0) break;
    current = { ...current, ...Object.fromEntries(texts) };
  }
  return current;
}

const withRoot = (from: string, to: string): Files => ({ ...clean, 'p/root.mpol': root.replace(from, to) });
const codes = (files: Files): string[] => check(files).diagnostics.map((d) => d.code);

describe('structured fixes', () => {
  test('the clean policy has nothing to fix', () => {
    expect(codes(clean)).toEqual(['orphan-file']);
  });

  test.each([
    ['a misspelt keyword', 'on failure fail E1', 'on failure fial E1'],
    ['a misspelt name', 'by Provider {', 'by Provder {'],
    ['a misspelt section', 'ref "2.1" by', 'ref "2.2" by'],
    ['a misspelt field', 'error E1', 'error E9 "x" ref "1" { report R1 }\nmigration { check E9 requires installation.meter > 1 }\nerror E1'],
    ['a misspelt member', 'error E1', 'error E9 "x" ref "1" { report R1 }\nmigration { check E9 requires installation.type == Dormnt }\nerror E1'],
    ['a reversed jitter range', 'jitter 0s..10s', 'jitter 10s..0s'],
  ])('%s is replaced by what it is near', (_, right, wrong) => {
    const broken = withRoot(right, wrong);
    expect(codes(broken)).not.toEqual(codes(withRoot(right, right)));
    const result = fixed(broken);
    // The misspelt field and member cases add a second migration block, which stays an error.
    expect(result['p/root.mpol']).toBe(broken['p/root.mpol']!.replace(wrong, wrong.replace(/fial|Provder|"2\.2"|meter\b|Dormnt|10s\.\.0s/, (w) => ({ fial: 'fail', Provder: 'Provider', '"2.2"': '"2.1"', meter: 'meters', Dormnt: 'Dormant', '10s..0s': '0s..10s' })[w]!)));
  });

  test('an undeclared error code is declared after the last one, reported where the others are', () => {
    const result = fixed(withRoot('on failure fail E1', 'on failure fail Unexpected'));
    expect(result['p/root.mpol']).toContain('error E1 "Failed" ref "1" { report R1 }\nerror Unexpected "TODO" { report R1 }\n');
    // E1 is no longer used; the new code has no `ref` yet.
    expect(codes(result).sort()).toEqual(['missing-ref', 'orphan-file', 'unused-error-code']);
  });

  test('an undeclared party is declared after the last party, after its line comment', () => {
    const result = fixed(withRoot('by Provider {', 'by Operator {'));
    expect(result['p/parties.mpol']).toBe(`// Parties.\nparty Provider "Service provider" // the only one\nparty Operator "TODO"\nreport R1 "Failures" to Provider\n`);
  });

  test('an undeclared artefact is declared, produced by a declared party', () => {
    const result = fixed(withRoot('    retry Quick\n', '    retry Quick\n    produces Inventory\n'));
    expect(result['p/root.mpol']).toMatch(/\nartefact Inventory "TODO" by Provider\n$/);
  });

  test('an undeclared section and an unknown member without a near one are declared', () => {
    const result = fixed(withRoot('error E1', 'error E9 "x" ref "7.7.7" { report R1 }\nmigration { check E9 requires installation.type == Unmetered }\nerror E1'));
    expect(result['p/root.mpol']).toContain('section "2.1" "Steps"\nsection "7.7.7" "TODO"\n');
    expect(result['p/root.mpol']).toContain('type: Active | Dormant | Unmetered\n');
  });

  test('a name declared in a file the policy does not import gets the import', () => {
    const result = fixed(withRoot('    retry Quick\n', '    retry Quick\n    produces Manifest\n'));
    expect(result['p/root.mpol']).toContain('import "parties.mpol"\nimport "artefacts.mpol"\n');
    expect(codes(result)).toEqual([]);
  });

  test('many uses of one undeclared name declare it once', () => {
    const result = fixed(withRoot('on failure fail E1', 'on failure fail Late\n  check Late external\n  step B by Provider { on exhausted fail Late }'));
    expect(result['p/root.mpol']!.match(/error Late /g)).toHaveLength(1);
  });

  test('a name no fix can declare gets only the did-you-mean, or nothing', () => {
    const d = check(withRoot('    retry Quick', '    retry Slow')).diagnostics.find((x) => x.code === 'unknown-name')!;
    expect(d.fixes).toEqual([]);
  });
});

describe('applying edits', () => {
  test('insertions at one offset keep their order, replacements apply around them', () => {
    const edits = [
      { file: 'f', span: { start: 3, end: 3 }, text: 'b' },
      { file: 'f', span: { start: 0, end: 1 }, text: 'X' },
      { file: 'f', span: { start: 3, end: 3 }, text: 'c' },
    ];
    expect(applyEdits('abcdef', edits)).toBe('Xbcbcdef');
  });

  test('a fix that overlaps one already taken waits for the next round', () => {
    const span = { start: 0, end: 3 };
    const d = (text: string) => ({ code: 'unknown-name', severity: 'error', message: '', file: 'f', span, notes: [], help: undefined, fixes: [{ message: '', edits: [{ file: 'f', span, text }] }] }) as const;
    const { texts, applied } = applyFixes([d('one'), d('two')], new Map([['f', 'abcdef']]));
    expect(texts.get('f')).toBe('onedef');
    expect(applied).toHaveLength(1);
  });
});
