// A help never suggests a name the policy does not have: every name a
// help or a fix's description writes (in backticks), and every section
// after a `ref`, appears in the policy. File paths, names the help
// declares (`tier NAME:`, `undo NAME by`), keywords and placeholders in
// capitals (`CODE`, `PARTY`, `ref "SECTION"`) are not references.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';
import { lex, type Diagnostic } from '../../grammar/index.js';

/** The names a help or fix description refers to: the identifiers inside its backticks. */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const [, code] of text.matchAll(/`([^`]+)`/g)) {
    // A file's path, as a declare-missing fix names where it writes.
    if (/\.mpol$|\//.test(code!)) continue;
    const tokens = lex(code!, 'help').tokens;
    tokens.forEach((token, index) => {
      const before = tokens[index - 1]?.image;
      // A section after `ref`, quotes and all, as the policy's `section` writes it.
      if (before === 'ref' && token.image.startsWith('"') && !/^"[A-Z]+"$/.test(token.image)) names.push(token.image);
      if (token.tokenType.name !== 'Identifier') return;
      if (/^[A-Z]+$/.test(token.image)) return;
      if (before === 'tier' || before === 'undo') return;
      names.push(token.image);
    });
  }
  return names;
}

/** Every word of the policy's texts. */
function wordsOf(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => lex(text, 'policy').tokens.map((token) => token.image)));
}

/** The names each diagnostic's help and fixes suggest that do not appear in the policy. */
function inventedNames(files: Record<string, string>): string[] {
  const { diagnostics } = checkWorkspace(Object.keys(files), memoryHost(files));
  const words = wordsOf(Object.values(files));
  return diagnostics.flatMap((d: Diagnostic) =>
    [d.help ?? '', ...d.fixes.map((fix) => fix.message)].flatMap((text) => namesIn(text).filter((name) => !words.has(name)).map((name) => `${d.code}: ${name} in "${text}"`)),
  );
}

const header = `policy P version "1.0" "Helps"
section "1" "Scope"
cohort Pilot "Pilot installations"
`;

/** Declarations to put before a mistake: none, one, or several of each kind the helps name. */
const declarations = {
  none: '',
  one: `party Fitter "Fitter"
report Failures "Failures" to Fitter
error Broken "Broken" ref "1" { report Failures }
`,
  several: `party Fitter "Fitter"
party Operator "Operator"
party Registry "Registry"
party Auditor "Auditor"
report Failures "Failures" to Fitter
report Weekly "Weekly" to Operator
report Audit "Audit" to Auditor
report Board "Board" to Registry
error Broken "Broken" ref "1" { report Failures }
error Lost "Lost" ref "1" { report Weekly }
error Late "Late" ref "1" { report Audit }
error Gone "Gone" ref "1" { report Board }
`,
};

/** Mistakes whose help names a report, a party, a code, a tier or a step. */
const mistakes = {
  'code-without-report': `error Unsent "Unsent" ref "1" { resubmit }
migration { step Work ref "1" by Fitter { on failure fail Unsent } }`,
  'missing-party': `migration { on failure fail Broken
  step Work ref "1" }`,
  'missing-party in a stage': `migration { on failure fail Broken
  stage Site ref "1" { step Work ref "1" } }`,
  'unhandled-failure': `migration { step Work ref "1" by Fitter }`,
  'incident-without-else': `migration { on failure incident resolved by Fitter then continue
  step Work ref "1" by Fitter }`,
  'rollback-without-undo': `migration { on failure rollback then fail Broken
  step Work ref "1" by Fitter }`,
  'empty-retry': `retry Patient ref "1" { within 1h }
migration { on failure fail Broken
  step Work ref "1" by Fitter { retry Patient } }`,
  'missing-ref': `migration { on failure fail Broken
  step Work by Fitter }`,
};

describe('every name a help suggests is in the policy', () => {
  for (const [declared, text] of Object.entries(declarations)) {
    test.each(Object.entries(mistakes))(`with ${declared} declared: %s`, (code, mistake) => {
      const policy = header + text + mistake;
      const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
      // The mistake is reported (with whatever else a policy without declarations lacks).
      expect(diagnostics.map((d) => d.code)).toContain(code.split(' ')[0]);
      expect(inventedNames({ 'p.mpol': policy }), JSON.stringify(inventedNames({ 'p.mpol': policy }))).toEqual([]);
    });
  }

  test('one declared report is the one the help names', () => {
    const policy = header + declarations.one + mistakes['code-without-report'];
    const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
    expect(diagnostics.find((d) => d.code === 'code-without-report')?.help).toBe('add `report Failures` inside the braces: `{ report Failures }`');
  });

  test.each([
    ['missing-party', 'add `by Fitter` after the step name'],
    ['unhandled-failure', 'add `on failure fail Broken` to the step, its stage or the `migration` block'],
    ['rollback-without-undo', 'add `undo NAME by Fitter` to an earlier step, or end with `fail Broken` instead'],
  ] as const)('with one party and one code, %s names them', (code, help) => {
    const policy = header + declarations.one + mistakes[code];
    const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
    expect(diagnostics.find((d) => d.code === code)?.help).toBe(help);
  });

  test('several parties are offered as a choice', () => {
    const policy = header + declarations.several + mistakes['missing-party'];
    const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
    expect(diagnostics.find((d) => d.code === 'missing-party')?.help).toBe('add `by PARTY` after the step name, with PARTY one of `Fitter`, `Operator`, `Registry` or another');
  });

  test('a policy without reports is told to declare one', () => {
    const policy = header + mistakes['code-without-report'].replace('by Fitter', '');
    const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
    expect(diagnostics.find((d) => d.code === 'code-without-report')?.help).toMatch(/^declare a report/);
  });

  describe('missing-ref names the policy\'s sections', () => {
    const help = (sections: string, rules: string): string | null | undefined => {
      const policy = `policy P version "1.0" "Helps"\n${sections}party Fitter "Fitter"\n${rules}`;
      const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
      expect(inventedNames({ 'p.mpol': policy })).toEqual([]);
      return diagnostics.find((d) => d.code === 'missing-ref')?.help;
    };
    const several = 'section "1" "Scope"\nsection "2" "Flow"\nsection "A.1" "Codes"\nsection "A.2" "Reports"\n';
    test('the one section a policy has is the one the help names', () => {
      expect(help('section "1" "Scope"\n', 'retry Patient { tier main: every 5m }')).toBe('add `ref "1"` after the name');
    });
    test('several are offered as a choice, those the rules of the same kind refer to first', () => {
      const errors = 'error Broken "Broken" ref "A.1" { resubmit }\nerror Lost "Lost" ref "A.2" { resubmit }\nerror Late "Late" ref "A.2" { resubmit }\nerror Gone "Gone" { resubmit }\n';
      expect(help(several, errors)).toBe('add `ref "SECTION"` after the name, with SECTION one of `"A.2"`, `"A.1"`, `"1"` or another');
      const steps = 'migration { stage Site ref "2" { step Work ref "2" by Fitter }\n  step Rest by Fitter }';
      expect(help(several, steps)).toBe('add `ref "SECTION"` after the name, with SECTION one of `"2"`, `"1"`, `"A.1"` or another');
    });
    test('a policy without sections is told to declare one', () => {
      expect(help('', 'retry Patient { tier main: every 5m }')).toBe('declare the section it comes from with `section "NUMBER" "TITLE"`, then add `ref "NUMBER"` after the name');
    });
  });

  test('empty-retry shows a tier of another strategy of the policy, as written there, on one line and without its comments', () => {
    const policy = `${header}${declarations.one}retry Quick ref "1" {\n  tier first:   3 retries // then slower\n    every 5m factor 2\n}\n${mistakes['empty-retry']}`;
    const { diagnostics } = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': policy }));
    expect(diagnostics.find((d) => d.code === 'empty-retry')?.help).toBe('add a tier, such as the first of `Quick`: `tier first: 3 retries every 5m factor 2`');
  });

  // Every golden failing case: its diagnostics' helps name only what the case declares.
  const golden = path.resolve(import.meta.dirname, '../golden/diagnostics');
  const cases = readdirSync(golden).filter((name) => name.endsWith('.mpol') && !name.endsWith('.ok.mpol') || (statSync(path.join(golden, name)).isDirectory() && !name.endsWith('.ok')));
  test.each(cases)('golden case %s', (name) => {
    const full = path.join(golden, name);
    const files = statSync(full).isDirectory()
      ? Object.fromEntries(readdirSync(full).filter((f) => f.endsWith('.mpol')).map((f) => [`${name}/${f}`, readFileSync(path.join(full, f), 'utf8')]))
      : { [name]: readFileSync(full, 'utf8') };
    expect(inventedNames(files), JSON.stringify(inventedNames(files))).toEqual([]);
  });
});
