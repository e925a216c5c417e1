/**
 * Conditions nested deep: parentheses, `not`s, chains of `and` and `or`
 * and comparisons, wrapped around each other at random. A condition at
 * most 64 levels deep checks, emits, simulates and formats like any other;
 * a deeper one is one `condition-too-deep` error and nothing else, however
 * deep it goes (20,000 levels were a stack overflow in the parser, and a
 * long flat chain one in every pass after it).
 *
 * `MPOL_FUZZ_RUNS=500 npx vitest run test/hostile/conditions.test.ts` hunts longer.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, instantiatePolicy, memoryHost } from '../../compiler/index.js';
import { formatPolicy } from '../../compiler/format/index.js';
import { conditionDepthLimit } from '../../grammar/parser-condition-depth.js';
import { simulate, type CompiledPolicy } from '../../runtime/index.js';
import { runCli, tempFolder } from '../cli/run-cli.js';
import { expectBoundedHeap } from './heap.js';
import { fuzzRuns } from './runs.js';

/** A condition's text, its depth counted as the language defines it, and what it may stand in unparenthesised. */
interface Condition {
  readonly text: string;
  readonly depth: number;
  /** `value` (a primary), `not`, `compare`, `and` or `or`: decides where it needs parentheses. */
  readonly form: 'value' | 'not' | 'compare' | 'and' | 'or';
}

const leaves: readonly Condition[] = [
  { text: 'installation.f', depth: 1, form: 'value' },
  { text: 'cohort C', depth: 1, form: 'value' },
  { text: 'installation.n >= 2', depth: 2, form: 'compare' },
];

const paren = (c: Condition): Condition => ({ text: `(${c.text})`, depth: c.depth + 1, form: 'value' });

/** `c` as an operand of `form`: parenthesised unless it binds at least as tightly. */
function operand(c: Condition, allowed: readonly Condition['form'][]): Condition {
  return allowed.includes(c.form) ? c : paren(c);
}

type Wrap = { readonly kind: 'paren' | 'not' | 'compare' } | { readonly kind: 'and' | 'or'; readonly leaf: number; readonly right: boolean };

function wrap(c: Condition, how: Wrap): Condition {
  switch (how.kind) {
    case 'paren':
      return paren(c);
    case 'not': {
      const inner = operand(c, ['value', 'not', 'compare']);
      return { text: `not ${inner.text}`, depth: inner.depth + 1, form: 'not' };
    }
    case 'compare': {
      const inner = operand(c, ['value']);
      return { text: `${inner.text} == true`, depth: inner.depth + 1, form: 'compare' };
    }
    default: {
      // `and` takes `not`s and comparisons as operands, `or` `and`s too; a chain continues on its left.
      const tighter: Condition['form'][] = how.kind === 'and' ? ['value', 'not', 'compare'] : ['value', 'not', 'compare', 'and'];
      const leaf = leaves[how.leaf]!;
      const inner = operand(c, how.right ? tighter : [...tighter, how.kind]);
      const text = how.right ? `${leaf.text} ${how.kind} ${inner.text}` : `${inner.text} ${how.kind} ${leaf.text}`;
      return { text, depth: 1 + Math.max(inner.depth, leaf.depth), form: how.kind };
    }
  }
}

const wrapArb: fc.Arbitrary<Wrap> = fc.oneof(
  fc.constantFrom<Wrap>({ kind: 'paren' }, { kind: 'not' }, { kind: 'compare' }),
  fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), leaf: fc.integer({ min: 0, max: leaves.length - 1 }), right: fc.boolean() }),
);

/** Wrappings in runs (a long chain of one operator is the common deep condition), until a depth up to 90. */
const conditionArb: fc.Arbitrary<Condition> = fc
  .tuple(fc.integer({ min: 0, max: leaves.length - 1 }), fc.integer({ min: 1, max: 90 }), fc.array(fc.tuple(wrapArb, fc.integer({ min: 1, max: 30 })), { maxLength: 12 }))
  .map(([leaf, depth, runs]) => {
    let condition = leaves[leaf]!;
    for (const [how, times] of runs) for (let n = 0; n < times && condition.depth < depth; n++) condition = wrap(condition, how);
    return condition;
  });

function policyWith(guard: string, check = 'installation.n >= 0'): string {
  return `policy P version "1" "Conditions"
section "1" "All"
party Provider "Provider"
report R "Failures" to Provider
error E "Failed" ref "1" { report R }
cohort C "Cohort"
installation {
  f: bool
  n: number
}
migration {
  on failure fail E
  stage Checks ref "1" by Provider {
    check E requires ${check}
  }
  step Work ref "1" by Provider when ${guard} { }
  step Other ref "1" by Provider when installation.f and Unknown { }
}
`;
}

const check = (text: string) => checkWorkspace(['p.mpol'], memoryHost(new Map([['p.mpol', text]])));
const codes = (text: string) => check(text).diagnostics.map((d) => `${d.severity} ${d.code}`);
/** The file's other mistake, found in a step after the deep condition: the rest of the file is read. */
const unknownName = 'error unresolved-value';

describe('conditions nested at random', () => {
  it('up to the limit check, build, simulate and format; beyond it are one error', async () => {
    await expectBoundedHeap(() => fc.assert(
      fc.asyncProperty(conditionArb, fc.boolean(), async (condition, inCheck) => {
        const text = inCheck ? policyWith('cohort C', condition.text) : policyWith(condition.text);
        // Warnings (a guard no cohort passes makes its step unreachable) are the condition's own business.
        const found = codes(text).filter((code) => code.startsWith('error'));
        if (condition.depth > conditionDepthLimit) {
          expect(found).toEqual(['error condition-too-deep', unknownName]);
          return;
        }
        expect(found).toEqual([unknownName]);
        const valid = text.replace(' and Unknown', '');
        const compiled = check(valid).policies[0]!;
        expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const policy = instantiatePolicy(compiled) as CompiledPolicy<unknown, unknown>;
        const faults = { installation: { f: { bool: 0.5 }, n: { integer: [0, 3] } } };
        const result = await simulate(policy, { faults, cohorts: { C: 20 }, seed: 1, samples: 1 });
        expect(result.installations).toBe(20);
        const formatted = formatPolicy(valid);
        expect(formatted.kind).toBe('formatted');
        if (formatted.kind === 'formatted') expect(codes(formatted.text)).toEqual(codes(valid));
      }),
      { numRuns: fuzzRuns(40) },
    ));
  }, 60_000);
});

describe('conditions far beyond the limit', () => {
  const deep = 20_000;
  const cases: [string, string][] = [
    ['parentheses', `${'('.repeat(deep)}installation.f${')'.repeat(deep)}`],
    ['`not`s', `${'not '.repeat(deep)}installation.f`],
    ['a chain of `and`', Array.from({ length: deep }, () => 'installation.f').join(' and ')],
    ['a chain of `or` inside parentheses inside `not`s', `${'not ('.repeat(deep / 4)}${Array.from({ length: deep / 2 }, () => 'cohort C').join(' or ')}${')'.repeat(deep / 4)}`],
    ['unclosed parentheses', `${'('.repeat(deep)}installation.f`],
  ];

  for (const [what, guard] of cases) {
    it(`are one error, for ${what}`, () => {
      const found = check(policyWith(guard)).diagnostics;
      expect(found[0]).toMatchObject({ code: 'condition-too-deep', message: 'this condition nests more than 64 levels deep' });
      expect(found.filter((d) => d.code === 'condition-too-deep')).toHaveLength(1);
    });
  }

  it('are one error at the limit plus one, and none at the limit', () => {
    for (const [depth, build] of [
      [conditionDepthLimit, (n: number) => Array.from({ length: n }, () => 'installation.f').join(' or ')],
      [conditionDepthLimit, (n: number) => `${'not '.repeat(n - 1)}installation.f`],
      [conditionDepthLimit, (n: number) => `${'('.repeat(n - 1)}installation.f${')'.repeat(n - 1)}`],
    ] as const) {
      expect(codes(policyWith(build(depth)))).toEqual([unknownName]);
      expect(codes(policyWith(build(depth + 1)))).toEqual(['error condition-too-deep', unknownName]);
    }
  });

  it('exit 1 from the command line with the error, never an internal error', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'p.mpol'), policyWith(`${'('.repeat(deep)}installation.f${')'.repeat(deep)}`).replace(' and Unknown', ''));
    for (const command of [['check', 'p.mpol'], ['build', 'p.mpol', '--out', 'out'], ['simulate', 'p.mpol', '--cohort', 'C=5'], ['fmt', '--check', 'p.mpol']]) {
      const run = runCli(command, folder);
      expect(run.status).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain('error[condition-too-deep]: this condition nests more than 64 levels deep');
    }
  });
});
