import { describe, it } from 'vitest';
import { ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['unused-error-code']);

const codes = `
error E2 "Other" ref "1" { report R }
error E3 "Third" ref "1" { report R }
`;

describe('codes-used', () => {
  it('warns about a code nothing can produce, at its name', () => {
    expectErrors(`${codes} migration { on failure fail E1 step S ref "1" by P { may fail E2 } }`, [['unused-error-code', 'E3']]);
  });

  it('counts checks, `may fail`, actions and deadlines', () => {
    expectValid(`${codes}
artefact A "File" by P
migration {
  on failure fail E1
  check E2 ref "1" external
  step S ref "1" by P { produces A }
  step T ref "1" by P { within 1h after A else fail E3 }
}`);
    expectValid(`${codes}
migration {
  on failure incident resolved by P then fail E2 else fail E3
  step S ref "1" by P { may fail E1 }
}`);
  });
});
