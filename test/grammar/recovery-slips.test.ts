// Slips from other languages: each gets one diagnostic with a help that
// says what mpol writes instead, wherever it stands, and the rest of the
// policy is still read (a mistake after it, in the same run, is reported).
import { describe, expect, test } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';
import { diagnose, withMistake } from './mistakes.js';

const file = 'slips.mpol';

const clean = `policy Golden version "1.0" "Slips"

section "1" "Scope"

installation {
  listed: bool
  type: Prepay | Credit
}

party Provider "Service provider"
party Operator "Network operator"
artefact Manifest "Installation manifest" by Provider
report R1 "Installation failures" to Provider
error E1 "Commissioning failed" ref "1" { report R1 resubmit }
error E2 "Installation not listed" ref "1" { report R1 }
cohort Pilot "Pilot installations"
cohort Main "Main installations"

retry Standard ref "1" {
  tier short: 3 retries every 5m
  within 1h
}

migration {
  on failure fail E1
  check E2 ref "1" when cohort Pilot requires installation.listed and installation.type == Prepay
  step Prepare ref "1" by Provider when cohort Pilot or cohort Main {
    produces Manifest
  }
  step Commission ref "1" by Provider unless installation.type != Credit {
    retry Standard
    within 2h after Manifest else fail E1
    on exhausted incident resolved by Provider or Operator then retry else fail E1
  }
}
`;

/** Every diagnostic of `text`, with its help. */
const slips = (text: string): string[] => diagnose(file, text, true);

test('the clean policy has no diagnostics', () => {
  expect(slips(clean)).toEqual([]);
});

describe('operators of other languages', () => {
  test.each([
    ['`&&` in a check', 'listed and installation', 'listed && installation', '&&', 'and'],
    ['`||` in a step guard', 'cohort Pilot or cohort Main', 'cohort Pilot || cohort Main', '||', 'or'],
    ['`||` between the parties of an incident', 'Provider or Operator', 'Provider || Operator', '||', 'or'],
    ['`!` before a field', 'unless installation.type != Credit', 'when !(installation.type == Credit)', '!', 'not'],
    ['`===` in a check', 'installation.type == Prepay', 'installation.type === Prepay', '===', '=='],
    ['`!==` in a guard', 'installation.type != Credit', 'installation.type !== Credit', '!==', '!='],
    ['`|` in a step guard', 'cohort Pilot or cohort Main', 'cohort Pilot | cohort Main', '|', 'or'],
    ['`|` in a check, after `and`', 'listed and installation', 'listed | installation', '|', 'or'],
  ])('%s', (_, from, to, written, operator) => {
    expect(slips(withMistake(clean, from, to))).toEqual([`foreign-operator \`${written}\`: write \`${operator}\``]);
  });

  test('`&&` in a step guard leaves the step body read: a misspelt keyword inside it is reported in the same run', () => {
    let text = withMistake(clean, 'unless installation.type != Credit', 'when cohort Pilot && cohort Main');
    text = withMistake(text, 'on exhausted', 'on exausted');
    expect(slips(text)).toEqual(['foreign-operator `&&`: write `and`', 'unexpected-token `exausted`: did you mean `exhausted`?']);
  });
});

test('`|` in a step guard leaves the step body read', () => {
  let text = withMistake(clean, 'cohort Pilot or cohort Main', 'cohort Pilot | cohort Main');
  text = withMistake(text, 'produces Manifest', 'produces Manifest\n    on exausted fail E1');
  expect(slips(text)).toEqual(['foreign-operator `|`: write `or`', 'unexpected-token `exausted`: did you mean `exhausted`?']);
});

test('a single `=` to compare is one error, with `==` as the help, and the step body is read', () => {
  let text = withMistake(clean, 'unless installation.type != Credit', 'when installation.type = Credit');
  text = withMistake(text, 'on exhausted', 'on exausted');
  expect(slips(text)).toEqual(['invalid-character `=`: write `==` to compare, or `:` after the name of a field', 'unexpected-token `exausted`: did you mean `exhausted`?']);
});

test('a single `=` for the `:` of a field is one error', () => {
  const text = withMistake(clean, 'type: Prepay | Credit', 'type = Prepay | Credit');
  expect(slips(text)).toEqual(['invalid-character `=`: write `==` to compare, or `:` after the name of a field']);
});

describe('a tier count written after the interval', () => {
  test.each([
    ['a fixed interval', '3 retries every 5m', 'every 5m 3 retries', '3 retries', '`3 retries every 5m`'],
    ['an exponential interval with a cap', '3 retries every 5m', 'every 5m factor 2 cap 20m 3 retries', '3 retries', '`3 retries every 5m`'],
    ['`retries` misspelt as well', '3 retries every 5m', 'every 5m 3 retires', '3 retires', '`3 retries every 5m`'],
  ])('%s: one error, the count read as the tier\'s', (_, from, to, underlined, order) => {
    expect(slips(withMistake(clean, from, to))).toEqual([`unexpected-token \`${underlined}\`: the count comes first: ${order}`]);
  });
});

describe('a deadline without its anchor', () => {
  const steps = (kind: string, within = '2h') =>
    `unexpected-token \`within ${within}\`: ${kind} deadline is measured from an anchor, an artefact or a step that comes earlier: \`within ${within} after ANCHOR else fail CODE\``;
  const retryHint = "; a period over the retries belongs in the step's `retry` strategy";
  test.each([
    ['a step deadline with no `after`', 'within 2h after Manifest else fail E1', 'within 2h else fail E1', steps('a step') + retryHint],
    ['a retry period written in the step', 'within 2h after Manifest else fail E1', 'within 2h', steps('a step') + retryHint],
    ['a deadline of the migration block', 'on failure fail E1\n  check', 'on failure fail E1\n  within 3h else fail E1\n  check', steps('a step', '3h') + retryHint],
    ['an arrival deadline', '    produces Manifest\n', '    await Manifest within 2h else fail E1\n', steps('an arrival')],
  ])('%s', (_, from, to, expected) => {
    expect(slips(withMistake(clean, from, to))).toEqual([expected]);
  });

  test('a misspelt keyword after it is reported in the same run', () => {
    let text = withMistake(clean, 'within 2h after Manifest else fail E1', 'within 2h');
    text = withMistake(text, 'on exhausted', 'on exausted');
    expect(slips(text)).toEqual([steps('a step') + retryHint, 'unexpected-token `exausted`: did you mean `exhausted`?']);
  });

  test('only `after` missing: the help and the fix insert it', () => {
    const text = withMistake(clean, 'within 2h after Manifest', 'within 2h Manifest');
    expect(slips(text)).toEqual(['unexpected-token `within 2h`: write `after` before the anchor: `within 2h after Manifest`']);
  });
});

describe('a check over a node recovery left incomplete waits for the syntax to be mended', () => {
  // 13 retries every 5m put the 13th at 1h05m, after the step's deadline of 1h after `Manifest`.
  const late = withMistake(withMistake(clean, '3 retries every 5m', '13 retries every 5m'), '  within 1h\n', '');
  const deadline = withMistake(late, 'within 2h after Manifest', 'within 1h after Manifest');

  test('the schedule is judged when the strategy is whole', () => {
    expect(slips(deadline)).toEqual([expect.stringMatching(/^retry-exceeds-deadline `retry Standard`/)]);
  });

  test.each([
    ['a tier whose count comes after the interval', '13 retries every 5m', 'every 5m 13 retries', 'unexpected-token `13 retries`'],
    ['a tier that does not parse', '13 retries every 5m', '13 retries every 5m then 1h', 'unexpected-token `then`'],
    ['an item of the strategy that does not parse', 'tier short:', 'attempts many\n  tier short:', 'unexpected-token `many`'],
  ])('%s: no retry-exceeds-deadline about the schedule recovery left', (_, from, to, error) => {
    expect(slips(withMistake(deadline, from, to)).map((d) => d.replace(/:.*$/, ''))).toEqual([error]);
  });

  test('a deadline with a syntax error inside is not judged either', () => {
    const text = withMistake(deadline, 'else fail E1\n    on exhausted', 'else fial E1\n    on exhausted');
    expect(slips(text).map((d) => d.replace(/:.*$/, ''))).toEqual(['unexpected-token `fial`']);
  });
});

describe('a quoted value compared with a field of another type', () => {
  test.each([
    ['an enumeration member', 'installation.type == Prepay', 'installation.type == "Prepay"', 'type-mismatch `installation.type == "Prepay"`: a member of an enumeration is written without quotes: `Prepay`'],
    ['a member on the left, with `!=`', 'installation.type != Credit', '"Credit" != installation.type', 'type-mismatch `"Credit" != installation.type`: a member of an enumeration is written without quotes: `Credit`'],
    ['a misspelt member', 'installation.type == Prepay', 'installation.type == "prepay"', 'type-mismatch `installation.type == "prepay"`: a member of an enumeration is written without quotes: `Prepay`'],
    ['no member near it', 'installation.type == Prepay', 'installation.type == "Smart meter"', 'type-mismatch `installation.type == "Smart meter"`: a member of an enumeration is written without quotes, such as `Prepay`'],
    ['a quoted bool', 'requires installation.listed and', 'requires installation.listed == "true" and', 'type-mismatch `installation.listed == "true"`: a bool is written without quotes: `true`'],
  ])('%s', (_, from, to, expected) => {
    expect(slips(withMistake(clean, from, to))).toEqual([expected]);
  });

  test('the fix drops the quotes', () => {
    const text = withMistake(clean, 'installation.type == Prepay', 'installation.type == "Prepay"');
    const { diagnostics } = checkWorkspace([file], memoryHost({ [file]: text }));
    const edits = diagnostics[0]?.fixes[0]?.edits ?? [];
    expect(edits.map((edit) => [text.slice(edit.span.start, edit.span.end), edit.text])).toEqual([['"Prepay"', 'Prepay']]);
  });

  test('a bare word compared with a text field is told to quote it', () => {
    const text = withMistake(withMistake(clean, '  listed: bool\n', '  listed: bool\n  firmware: text\n'), 'installation.type == Prepay', 'installation.firmware == v2');
    expect(slips(text)).toEqual(['unresolved-value `v2`: text is written in quotes: `"v2"`']);
  });
});
