// Recovery inside blocks: a mistake in one item, one brace too many or too
// few, or a broken installation field costs one diagnostic, and the rest
// of the block, and of the file, is read as written. Each case lists every
// diagnostic of the whole front end, as its code and the text it underlines.
import { describe, expect, test } from 'vitest';
import { diagnose as diagnoseFile, withMistake } from './mistakes.js';

const file = 'blocks.mpol';

const clean = `policy Blocks version "1.0" "Recovery in blocks"

section "1" "Scope"

party Provider "Service provider"
report R1 "Installation failures" to Provider
error E1 "Not eligible" ref "1" { report R1 }
error E2 "Commissioning failed" ref "1" { report R1 resubmit }
cohort Pilot "Pilot installations"

installation {
  type: Active | Dormant
  listed: bool
  responding: bool
}

migration {
  on failure fail E2
  stage Checks ref "1" by Provider {
    check E1 requires installation.listed
    on failure fail E1
  }
  step Commission ref "1" by Provider when cohort Pilot {
    retry Patient
    may fail E2
  }
  stage Reporting ref "1" {
    step Report ref "1" by Provider unless installation.type == Dormant and installation.responding
  }
}

retry Patient ref "1" {
  tier short: 3 retries every 5m
}
`;

const diagnose = (text: string): string[] => diagnoseFile(file, text);

test('the clean policy has no diagnostics', () => {
  expect(diagnose(clean)).toEqual([]);
});

describe('one mistake in a block, one diagnostic', () => {
  test.each([
    // Chevrotain would re-synchronise at `installation`, a declaration at the top level.
    ['a check without `requires`', 'check E1 requires installation', 'check E1 installation', ['unexpected-token `installation`']],
    ['a stage header with its `by` lost', 'ref "1" by Provider {\n    check', 'ref "1" Provider {\n    check', ['unexpected-token `Provider`']],
    ['a doubled `{`', 'ref "1" { report R1 }', 'ref "1" { { report R1 }', ['unexpected-token `{`']],
    ['a doubled `}`', 'on failure fail E1\n  }', 'on failure fail E1\n  }\n  }', ['unexpected-token `}`']],
    ['a step whose `{` is lost', 'when cohort Pilot {\n    retry', 'when cohort Pilot\n    retry', ['unexpected-token `retry`']],
    ['a step whose `{` is lost before its handler', 'cohort Pilot {\n    retry Patient\n    may fail E2\n', 'cohort Pilot\n    on failure fail E2\n    retry Patient\n', ['unexpected-token `on`']],
    ['a step before a stage, its `}` lost', 'may fail E2\n  }\n  stage', 'may fail E2\n  stage', ['unexpected-token `stage`']],
    ['a stage before a stage, its `}` lost', 'fail E1\n  }\n', 'fail E1\n', ['unexpected-token `stage`']],
    ['a field name lost before the next item', 'requires installation.listed\n', 'requires installation.\n', ['unexpected-token `on`']],
    ['a field whose type is lost', 'listed: bool', 'listed:', ['unexpected-token `responding`']],
    ['the last field whose type is lost', 'responding: bool', 'responding:', ['unexpected-token `}`']],
    ['a field whose `:` is lost', 'listed: bool', 'listed bool', ['unexpected-token `bool`']],
    ['an installation block whose `}` is lost', '  responding: bool\n}', '  responding: bool\n', ['unexpected-token `migration`']],
    ['a tier without its count', '3 retries every', 'retries every', ['unexpected-token `retries`']],
    ['an enumeration with a `|` lost', 'Active | Dormant', 'Active Dormant', ['unexpected-token `Dormant`']],
    ['a comparison with its operator lost', 'installation.type == Dormant', 'installation.type Dormant', ['unexpected-token `Dormant`']],
  ])('%s', (_, from, to, expected) => {
    expect(diagnose(withMistake(clean, from, to))).toEqual(expected);
  });
});

describe('with a syntax error, checks about something absent wait until it is mended', () => {
  test('a lost `on` does not leave every step unhandled', () => {
    // `failure fail E2` is skipped, so the migration has no failure action;
    // that is the syntax error, not two unhandled failures.
    expect(diagnose(withMistake(clean, '  on failure fail E2\n', '  failure fail E2\n'))).toEqual(['unexpected-token `failure`']);
  });

  test('a declaration whose keyword is lost does not make its uses unknown', () => {
    // `Provider "Service provider"` is skipped: `Provider` may be declared there.
    expect(diagnose(withMistake(clean, 'party Provider', 'Provider'))).toEqual(['unexpected-token `Provider`']);
  });

  test('they are back once the syntax is right', () => {
    expect(diagnose(withMistake(clean, '  on failure fail E2\n', ''))).toContain('unhandled-failure `Commission`');
  });
});
