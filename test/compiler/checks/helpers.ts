/**
 * Test helpers for the static checks: a policy snippet in, the expected
 * diagnostics out, each as its code and the source text it underlines.
 *
 * A snippet is compiled after a small valid prelude (in its own file) that
 * declares a section `1`, a party `P`, a report `R` and an error `E1`. If
 * the snippet has no `migration` block, the prelude adds one with a step
 * `Default`.
 */
import { expect } from 'vitest';
import type { DiagnosticCode } from '../../../grammar/index.js';
import { checkWorkspace, memoryHost } from '../../../compiler/index.js';

/** A diagnostic as a test states it: its code and the source text it underlines. */
export type Expected = readonly [code: DiagnosticCode, underlined: string];

const root = '/policy/test.mpol';
const prelude = '/policy/prelude.mpol';

const preludeText = `
section "1" "Scope"
party P "Party"
report R "Report" to P
error E1 "Failure" ref "1" { report R }
`;

const defaultMigration = `
migration {
  on failure fail E1
  step Default ref "1" by P
}
`;

/** Every diagnostic of a snippet compiled as one policy, with the message and help for closer asserts. */
export function compileSnippet(source: string) {
  const hasMigration = /\bmigration\s*\{/.test(source);
  const files = {
    [root]: `policy Test version "1" "Test policy"\nimport "prelude.mpol"\n${source}`,
    [prelude]: preludeText + (hasMigration ? '' : defaultMigration),
  };
  const result = checkWorkspace([root], memoryHost(files));
  return result.diagnostics.map((d) => ({
    code: d.code,
    underlined: result.texts.get(d.file)?.slice(d.span.start, d.span.end) ?? '',
    message: d.message,
    help: d.help,
    severity: d.severity,
    notes: d.notes.map((note) => result.texts.get(note.file)?.slice(note.span.start, note.span.end) ?? ''),
  }));
}

/**
 * The assertions for one rule. Every error counts, whatever its code, so a
 * snippet must be valid apart from what it tests; warnings count only when
 * their code is one of the rule's, so an unused prelude declaration does
 * not get in the way.
 */
export function ruleTester(codes: readonly DiagnosticCode[]) {
  const relevant = (source: string): Expected[] =>
    compileSnippet(source)
      .filter((d) => d.severity === 'error' || codes.includes(d.code))
      .map((d) => [d.code, d.underlined] as const);
  return {
    expectErrors(source: string, expected: readonly Expected[]): void {
      expect(relevant(source)).toEqual(expected);
    },
    expectValid(source: string): void {
      expect(relevant(source)).toEqual([]);
    },
  };
}

/** The message of the only diagnostic with `code`. */
export function messageOf(source: string, code: DiagnosticCode): string {
  const found = compileSnippet(source).filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0]!.message;
}
