import { describe, expect, it } from 'vitest';
import { messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['missing-ref']);

describe('refs-present', () => {
  it('warns about an error and a retry strategy with no ref, at their names', () => {
    expectErrors(`error E2 "Other" { report R }\nretry Quick { tier a: 3 retries every 1m }`, [
      ['missing-ref', 'E2'],
      ['missing-ref', 'Quick'],
    ]);
    expect(messageOf(`retry Quick { tier a: 3 retries every 1m }`, 'missing-ref')).toBe('retry strategy `Quick` has no `ref` to a section of the document');
  });

  it('warns about a step and a check outside any stage', () => {
    expectErrors(`migration { on failure fail E1 check E1 external step S by P }`, [
      ['missing-ref', 'E1'],
      ['missing-ref', 'S'],
    ]);
  });

  it('warns once about a stage without a ref, not about the items that would inherit it', () => {
    expectErrors(`migration { on failure fail E1 stage T by P { check E1 external step S } }`, [['missing-ref', 'T']]);
  });

  it('accepts items that inherit their stage\'s ref', () => {
    expectValid(`migration { on failure fail E1 stage T ref "1" by P { check E1 external step S } }`);
  });
});
