import { describe, it } from 'vitest';
import { ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['unused-cohort', 'unused-group']);

const populations = `cohort C1 "One"\ncohort C2 "Two" { group G "Gee" }\n`;
const flow = (guard: string): string => `${populations} migration { on failure fail E1 step S ref "1" by P ${guard} }`;

describe('populations-used', () => {
  it('accepts cohorts no guard names: they follow the common path', () => {
    expectErrors(flow(''), [['unused-group', 'G']]);
  });

  it('warns about a cohort every step excludes, at its name', () => {
    expectErrors(flow('when group G'), [['unused-cohort', 'C1']]);
    expectErrors(flow('when cohort C1 or group G'), []);
  });

  it('counts a cohort as running a step through one of its groups', () => {
    expectValid(flow('when group G or cohort C1'));
  });

  it('counts a group mentioned in a check predicate', () => {
    expectValid(`${populations} migration { on failure fail E1 check E1 ref "1" requires cohort C1 or group G step S ref "1" by P }`);
  });

  it('treats a guard on installation fields as possibly true', () => {
    expectErrors(`${populations} installation { x: bool } migration { on failure fail E1 step S ref "1" by P when installation.x and group G }`, [
      ['unused-cohort', 'C1'],
    ]);
  });
});
