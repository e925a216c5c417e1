import { describe, it } from 'vitest';
import { ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['code-without-report']);

describe('codes-reported', () => {
  it('reports an error code with no report, at its name', () => {
    expectErrors(`error E2 "Other" ref "1"`, [['code-without-report', 'E2']]);
    expectErrors(`error E2 "Other" ref "1" { resubmit responsible P }`, [['code-without-report', 'E2']]);
  });

  it('accepts a code with a report', () => {
    expectValid(`error E2 "Other" ref "1" { report R }`);
  });

  it('leaves a `report` whose name is lost to the syntax error', () => {
    expectErrors(`error E2 "Other" ref "1" { report }`, [['unexpected-token', '}']]);
  });
});
