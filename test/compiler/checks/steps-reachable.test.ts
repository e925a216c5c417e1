import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['unreachable-step']);

const populations = `
cohort C1 "One"
cohort C2 "Two" { group G "Gee" }
installation { flag: bool }
`;

const step = (guard: string): string => `${populations} migration { on failure fail E1 step S ref "1" by P ${guard} }`;

describe('steps-reachable', () => {
  it('warns about guards no cohort or group satisfies, at the step name', () => {
    expectErrors(step('when cohort C1 and cohort C2'), [['unreachable-step', 'S']]);
    expectErrors(step('when group G and cohort C1'), [['unreachable-step', 'S']]);
    expectErrors(step('unless cohort C1 or cohort C2'), [['unreachable-step', 'S']]);
    expectErrors(step('when false'), [['unreachable-step', 'S']]);
  });

  it('combines the stage guard with the step guard, and points at both', () => {
    const source = `${populations} migration { on failure fail E1 stage T ref "1" by P when cohort C1 { step S when group G } }`;
    expectErrors(source, [['unreachable-step', 'S']]);
    const [found] = compileSnippet(source).filter((d) => d.code === 'unreachable-step');
    expect(found?.notes).toEqual(['when cohort C1', 'when group G']);
  });

  it('treats installation fields as unknown: they never make a step unreachable', () => {
    expectValid(step('when cohort C1 and installation.flag'));
    expectValid(step('when not installation.flag and group G'));
  });

  it('accepts guards some population satisfies', () => {
    expectValid(step('when group G'));
    expectValid(step('unless group G'));
    expectValid(step('when cohort C2 and not group G'));
  });
});
