// Slips from other languages: each gets one diagnostic with a help that
// says what mpol writes instead, wherever it stands, and the rest of the
// policy is still read (a mistake after it, in the same run, is reported).
import { describe, expect, test } from 'vitest';
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
  ])('%s', (_, from, to, written, operator) => {
    expect(slips(withMistake(clean, from, to))).toEqual([`foreign-operator \`${written}\`: write \`${operator}\``]);
  });

  test('`&&` in a step guard leaves the step body read: a misspelt keyword inside it is reported in the same run', () => {
    let text = withMistake(clean, 'unless installation.type != Credit', 'when cohort Pilot && cohort Main');
    text = withMistake(text, 'on exhausted', 'on exausted');
    expect(slips(text)).toEqual(['foreign-operator `&&`: write `and`', 'unexpected-token `exausted`: did you mean `exhausted`?']);
  });
});
