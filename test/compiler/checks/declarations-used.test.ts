import { describe, expect, it } from 'vitest';
import { messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['unused-declaration']);

describe('declarations-used', () => {
  it('warns about a party, an artefact, a report and a strategy nothing refers to, at their names', () => {
    expectErrors(
      `party Q "Other"
artefact A "File" by P
report R2 "Other report" to P
retry Spare ref "1" { tier a: 3 retries every 1m }`,
      [
        ['unused-declaration', 'Q'],
        ['unused-declaration', 'A'],
        ['unused-declaration', 'R2'],
        ['unused-declaration', 'Spare'],
      ],
    );
    expect(messageOf(`retry Spare ref "1" { tier a: 3 retries every 1m }`, 'unused-declaration')).toBe('retry strategy `Spare` is never used');
  });

  it('counts every kind of reference', () => {
    expectValid(`party Q "Resolver"
party Producer "Producer"
artefact A "File" by Producer
report R2 "Other report" to P
error E2 "Other" ref "1" { report R2 }
retry Quick ref "1" { tier a: 3 retries every 1m }
migration {
  on failure incident resolved by Q then fail E2
  step S ref "1" by P { retry Quick produces A }
}`);
  });
});
