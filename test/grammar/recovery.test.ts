// Error recovery: one mistake gives one diagnostic, not ten. Each case
// makes one typical mistake in a clean policy and lists every diagnostic
// the whole front end (parse, then every check) reports, each as its code
// and the source text it underlines.
//
// Cases marked FIXME pin today's behaviour where recovery falls short, so
// that a fix in the parser shows up here as a failure to update.
import { describe, expect, test } from 'vitest';
import { parse } from '../../grammar/index.js';
import { treeHoles } from './fuzz-helpers.js';
import { diagnose as diagnoseFile, withMistake } from './mistakes.js';

const file = 'recovery.mpol';

const clean = `policy Golden version "1.0" "Recovery"

section "1" "Scope"

party Provider "Service provider"
report R1 "Installation failures" to Provider
error E1 "Commissioning failed" ref "1" { report R1 resubmit }
cohort Pilot "Pilot installations"

migration {
  on failure fail E1
  step Commission ref "1" by Provider when cohort Pilot {
    may fail E1
  }
}
`;

const diagnose = (text: string): string[] => diagnoseFile(file, text);

test('the clean policy has no diagnostics', () => {
  expect(diagnose(clean)).toEqual([]);
});

describe('one mistake, one diagnostic', () => {
  test.each([
    ['a missing title', 'party Provider "Service provider"', 'party Provider', ['unexpected-token `report`']],
    ['a missing section number', 'ref "1" by', 'ref by', ['unexpected-token `by`']],
    ['a missing `to`', 'to Provider', 'Provider', ['unexpected-token `Provider`']],
    ['a misspelt keyword at the end of a block', '{ report R1 resubmit }', '{ report R1 resubmt }', ['unexpected-token `resubmt`']],
    ['a missing `}` of an error', '{ report R1 resubmit }', '{ report R1 resubmit', ['unexpected-token `cohort`']],
    ['a missing `{` of the migration', 'migration {', 'migration', ['unexpected-token `on`']],
    ['a stray name after an action', 'on failure fail E1', 'on failure fail E1 E1', ['unexpected-token `E1`']],
    ['a stray `}` between declarations', 'section "1" "Scope"', 'section "1" "Scope" }', ['unexpected-token `}`']],
    ['a missing name after `by`', 'by Provider when', 'by when', ['unexpected-token `when`']],
    ['a trailing comma in a list', '{ report R1 resubmit }', '{ report R1, resubmit }', ['unexpected-token `resubmit`']],
    ['an unterminated string', '"Service provider"', '"Service provider', ['unterminated-string `"Service provider`']],
    ['an unterminated block comment', '  }\n}\n', '  }\n}\n/* to do: key rotation', ['unterminated-comment `/*`']],
    ['a stray character', 'party Provider "Service provider"', 'party Provider "Service provider";', ['invalid-character `;`']],
  ])('%s', (_, from, to, expected) => {
    expect(diagnose(withMistake(clean, from, to))).toEqual(expected);
  });
});

describe('one mistake, one diagnostic, inside blocks', () => {
  test.each([
    ['a misspelt keyword inside the migration block', 'step Commission', 'stpe Commission', ['unexpected-token `stpe`']],
    ['a stray name inside the migration block', 'by Provider when', 'by Provider Provider when', ['unexpected-token `Provider`']],
    ['a missing `}` of a step', '    may fail E1\n  }\n', '    may fail E1\n', ['unexpected-token ``']],
    ['a missing `}` of the migration block', '  }\n}\n', '  }\n', ['unexpected-token ``']],
    ['an unfinished guard', 'when cohort Pilot {', 'when cohort Pilot and {', ['unexpected-token `{`']],
    ['a missing `}` of an error', '{ report R1 resubmit }', '{ report R1 resubmit', ['unexpected-token `cohort`']],
  ])('%s', (_, from, to, expected) => {
    expect(diagnose(withMistake(clean, from, to))).toEqual(expected);
  });
});

/** Every diagnostic of `text`, with its help. */
const diagnoseWithHelp = (text: string): string[] => diagnoseFile(file, text, true);

describe('a misspelt keyword is read as the keyword it misspells, reported once', () => {
  test.each([
    ['one that starts a declaration', 'report R1 "Installation', 'reprot R1 "Installation', 'reprot', 'report'],
    ['one that starts an item of a block', '{ report R1 resubmit }', '{ reprot R1 resubmit }', 'reprot', 'report'],
    ['one that starts a step, letters swapped', 'step Commission', 'stpe Commission', 'stpe', 'step'],
    ['one inside a guard', 'when cohort Pilot', 'when cohrt Pilot', 'cohrt', 'cohort'],
    ['a required keyword inside a declaration', 'to Provider', 'too Provider', 'too', 'to'],
    ['an optional keyword of a step', 'by Provider when', 'b Provider when', 'b', 'by'],
    ['a guard keyword of a step', 'Provider when cohort', 'Provider wehn cohort', 'wehn', 'when'],
  ])('%s', (_, from, to, typo, keyword) => {
    // One diagnostic with the suggestion; the declaration is kept, so its uses resolve.
    expect(diagnoseWithHelp(withMistake(clean, from, to))).toEqual([`unexpected-token \`${typo}\`: did you mean \`${keyword}\`?`]);
  });

  test('the misspelt declaration is in the tree', () => {
    const { tree } = parse(withMistake(clean, 'report R1 "Installation', 'reprot R1 "Installation'), file);
    expect(tree.items.map((item) => item.kind)).toContain('Report');
  });

  test('a name far from every keyword is not taken for one', () => {
    expect(diagnoseWithHelp(withMistake(clean, 'step Commission', 'Commission Commission'))).toEqual([
      'unexpected-token `Commission`: no help',
    ]);
  });
});

test('five mistakes in five declarations give five diagnostics', () => {
  let text = clean;
  text = withMistake(text, 'party Provider "Service provider"', 'party Provider');
  text = withMistake(text, 'to Provider', 'Provider');
  text = withMistake(text, '{ report R1 resubmit }', '{ report R1 resubmit');
  text = withMistake(text, 'cohort Pilot "Pilot installations"', 'cohort Pilot');
  text = withMistake(text, 'may fail E1', 'may E1');
  expect(diagnose(text)).toEqual([
    'unexpected-token `report`',
    'unexpected-token `Provider`',
    'unexpected-token `cohort`',
    'unexpected-token `migration`',
    'unexpected-token `E1`',
  ]);
});

describe('messages of syntax errors', () => {
  test('a stray token between declarations', () => {
    const text = withMistake(clean, 'section "1" "Scope"', 'section "1" "Scope" }');
    expect(parse(text, file).diagnostics.map((d) => d.message)).toEqual([
      'expected a declaration such as `party`, `error` or `migration`, found `}`',
    ]);
  });

  test('a `cap` without a `factor`', () => {
    const text = withMistake(clean, 'cohort Pilot "', 'retry Standard ref "1" { tier t: 3 retries every 1m cap 10m }\ncohort Pilot "');
    // The grammar reads `cap` on its own, so the check can say precisely what is wrong.
    expect(parse(text, file).diagnostics).toEqual([]);
    expect(diagnose(text)).toContain('cap-without-factor `10m`');
  });
});

/** A policy header, so that these fragments are compiled, not only parsed. */
const header = 'policy P version "1" "t"\n';

// Recoveries that once left `undefined` where the tree promises a node,
// which made the binder throw: each now leaves `Missing` nodes and gives
// exactly one syntax error.
describe('recoveries leave no holes in the tree', () => {
  test.each([
    ['a misspelt failure trigger', 'migration { on falure fail E1 }', 'unexpected-token `falure`'],
    ['a missing failure trigger in a step', 'migration { step A { on fail E1 } }', 'unexpected-token `fail`'],
    ['an undo without its party', 'migration { step A { undo U } }', 'unexpected-token `}`'],
    ['a bad retry item', 'retry R { jitter 5 }', 'unexpected-token `5`'],
    ['a field without a type', 'installation { x: }', 'unexpected-token `}`'],
    ['a group without a name', 'cohort C "c" { group }', 'unexpected-token `}`'],
    ['a bad first operand', 'migration { check A requires .x and y }', 'unexpected-token `.`'],
    ['a comparison without its right side', 'migration { step A when x == }', 'unexpected-token `}`'],
    ['a check without its predicate', 'migration { stage S { check A requires } }', 'unexpected-token `}`'],
  ])('%s', (_, fragment, syntaxError) => {
    const text = header + fragment;
    expect(treeHoles(parse(text, file).tree)).toEqual([]);
    const syntax = diagnose(text).filter((d) => d.startsWith('unexpected-token') || d.startsWith('invalid'));
    expect(syntax).toEqual([syntaxError]);
  });
});
