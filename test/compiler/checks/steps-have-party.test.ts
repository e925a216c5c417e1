import { describe, it } from 'vitest';
import { ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['missing-party']);

describe('steps-have-party', () => {
  it('reports a step with no party, at its name', () => {
    expectErrors(`migration { on failure fail E1 step S ref "1" }`, [['missing-party', 'S']]);
  });

  it('reports a step in a stage that names no party either', () => {
    expectErrors(`migration { on failure fail E1 stage T ref "1" { step S } }`, [['missing-party', 'S']]);
  });

  it('accepts a party of the step or of its stage', () => {
    expectValid(`migration { on failure fail E1 step S ref "1" by P }`);
    expectValid(`migration { on failure fail E1 stage T ref "1" by P { step S } }`);
  });

  it('leaves a `by` whose party is lost to the syntax error', () => {
    expectErrors(`migration { on failure fail E1 step S ref "1" by }`, [['unexpected-token', '}']]);
  });
});
