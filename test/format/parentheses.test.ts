// The formatter never changes what a guard means (decision 0016): random
// expressions of every kind, nested at random, written with parentheses
// kept, dropped or doubled at random, with block and line comments
// between their tokens, in a check's predicate and a step's guard, at
// random line widths. Whatever text parses without errors must format to
// a text that parses to the same tree, with the same comments, and that
// formats to itself. The parser is the oracle: a dropped pair of
// parentheses may give another tree than the one generated, and that is
// the tree the formatted text must keep.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { conditionDepthLimit, parse } from '../../grammar/index.js';
import { commentTexts, format, shape } from './helpers.js';

/** A generated expression: its operator and operands, printed by `write`. */
type Gen =
  | { readonly kind: 'atom'; readonly text: string }
  | { readonly kind: 'not'; readonly operand: Gen }
  | { readonly kind: 'binary'; readonly operator: string; readonly left: Gen; readonly right: Gen };

const atoms = fc.constantFrom(
  'cohort MOC_Secure',
  'group DA',
  'installation.epclListed',
  'installation.version',
  'installation.meters',
  'installation.type',
  'true',
  'false',
  '42',
  '1.50',
  '90m',
  '1h30m',
  '"v\\"2\\" \\u{1F600}"',
  'Dormant',
);

const { expr } = fc.letrec<{ expr: Gen }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atoms.map((text): Gen => ({ kind: 'atom', text })),
    tie('expr').map((operand): Gen => ({ kind: 'not', operand })),
    fc.record({ operator: fc.constantFrom('and', 'or', 'and', 'or', '==', '!=', '<', '<=', '>', '>='), left: tie('expr'), right: tie('expr') }).map((b): Gen => ({ kind: 'binary', ...b })),
  ),
}));

/** How one writing of an expression chooses: per compound operand, keep (0), drop (1) or double (2) its parentheses; what goes between tokens. */
interface Writing {
  readonly parens: readonly number[];
  readonly gaps: readonly string[];
}

const gap = fc.constantFrom(' ', ' ', ' ', ' ', ' ', '  ', '\n    ', ' /* c */ ', ' /* two\n   lines */ ', ' // line\n  ');

const writing = fc.record({ parens: fc.array(fc.nat(2), { minLength: 64, maxLength: 64 }), gaps: fc.array(gap, { minLength: 64, maxLength: 64 }) });

/** `gen` as source text: every compound operand parenthesized, unless the writing drops or doubles the pair. */
function write(gen: Gen, how: Writing): string {
  let choice = 0;
  let space = 0;
  const nextGap = (): string => how.gaps[space++ % how.gaps.length]!;
  const wrap = (inner: Gen): string => {
    const text = visit(inner);
    if (inner.kind === 'atom') return how.parens[choice++ % how.parens.length] === 2 ? `(${text})` : text;
    switch (how.parens[choice++ % how.parens.length]) {
      case 1:
        return text;
      case 2:
        return `((${text}))`;
      default:
        return `(${text})`;
    }
  };
  const visit = (node: Gen): string => {
    switch (node.kind) {
      case 'atom':
        return node.text;
      case 'not':
        return `not${nextGap()}${wrap(node.operand)}`;
      case 'binary':
        return `${wrap(node.left)}${nextGap()}${node.operator}${nextGap()}${wrap(node.right)}`;
    }
  };
  return visit(gen);
}

/** A policy fragment with `condition` as a check's predicate and as a step's guard. */
function policy(condition: string): string {
  return `migration {\n  check AS101 requires ${condition}\n  step SwitchAccount by SMSO when ${condition} {\n    commit\n  }\n}\n`;
}

describe('parentheses', () => {
  test('formatting a random expression keeps its tree and its comments, and formats to itself', () => {
    let parsed = 0;
    fc.assert(
      fc.property(expr, writing, fc.integer({ min: 16, max: 120 }), fc.boolean(), (gen, how, printWidth, useTabs) => {
        const text = policy(write(gen, how));
        if (parse(text, 'random.mpol').diagnostics.length > 0) return true;
        parsed++;
        const options = { printWidth, useTabs };
        const formatted = format(text, options);
        expect(shape(formatted)).toBe(shape(text));
        expect(commentTexts(formatted)).toEqual(commentTexts(text));
        expect(format(formatted, options)).toBe(formatted);
        return true;
      }),
      { numRuns: 1500, seed: 0x6d706f6c },
    );
    // Most writings parse: the property is not vacuous.
    expect(parsed).toBeGreaterThan(750);
  });

  test('redundant parentheses go and needed ones stay', () => {
    const check = (condition: string): string => format(`migration { check C requires ${condition} }\n`).replace(/^migration \{\n {2}check C requires (.*)\n\}\n$/s, '$1');
    expect(check('((installation.a))')).toBe('installation.a');
    expect(check('(installation.a or installation.b) and installation.c')).toBe('(installation.a or installation.b) and installation.c');
    expect(check('installation.a and installation.b or installation.c')).toBe('(installation.a and installation.b) or installation.c');
    expect(check('installation.a and (installation.b and installation.c)')).toBe('installation.a and (installation.b and installation.c)');
    expect(check('(installation.a and installation.b) and installation.c')).toBe('installation.a and installation.b and installation.c');
    expect(check('not (installation.a or installation.b)')).toBe('not (installation.a or installation.b)');
    expect(check('not installation.meters > 1')).toBe('not (installation.meters > 1)');
    expect(check('(not installation.a) == false')).toBe('(not installation.a) == false');
    expect(check('(installation.a == true) == installation.b')).toBe('(installation.a == true) == installation.b');
  });

  test('a condition at the depth limit keeps within it: the reader\'s parentheses go where they would pass it', () => {
    const check = (condition: string): string =>
      format(`migration { check C requires ${condition} }\n`, { printWidth: 1000 }).replace(/^migration \{\n {2}check C requires (.*)\n\}\n$/s, '$1');
    const tooDeep = (condition: string) => parse(`migration { check C requires ${condition} }\n`, 'p.mpol').diagnostics.map((d) => d.code);
    const nots = (count: number) => 'not '.repeat(count);
    // `not` over a comparison (2 levels), and over `(a and b or c)` (4 levels with its parentheses).
    const comparison = 'installation.meters > 1';
    const mixed = '(installation.a and installation.b or installation.c)';
    for (const [condition, clarified, plain] of [
      [nots(conditionDepthLimit - 2) + comparison, `${nots(conditionDepthLimit - 3)}not (${comparison})`, nots(conditionDepthLimit - 2) + comparison],
      [nots(conditionDepthLimit - 4) + mixed, nots(conditionDepthLimit - 4) + '((installation.a and installation.b) or installation.c)', nots(conditionDepthLimit - 4) + mixed],
    ] as const) {
      expect(tooDeep(condition)).toEqual([]);
      // One level shallower, the reader's parentheses fit and are printed.
      expect(check(condition.slice(4))).toBe(clarified.slice(4));
      expect(tooDeep(clarified.slice(4))).toEqual([]);
      // At the limit they would pass it: the condition prints with only the parentheses it needs.
      expect(tooDeep(clarified)).toEqual(['condition-too-deep']);
      const formatted = check(condition);
      expect(formatted).toBe(plain);
      expect(tooDeep(formatted)).toEqual([]);
      expect(check(formatted)).toBe(formatted);
    }
  });
});
