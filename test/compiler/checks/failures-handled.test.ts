import { describe, expect, it } from 'vitest';
import { messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['unhandled-failure']);

describe('failures-handled', () => {
  it('reports a step with no action at all once, naming both cases, at the step name', () => {
    const source = `migration { step S ref "1" by P }`;
    expectErrors(source, [['unhandled-failure', 'S']]);
    expect(messageOf(source, 'unhandled-failure')).toBe(
      'step `S` has no action for a permanent failure or running out of retries: every failure must end in an error code',
    );
  });

  it('reports a step that handles only running out of retries', () => {
    const source = `migration { step S ref "1" by P { on exhausted fail E1 } }`;
    expect(messageOf(source, 'unhandled-failure')).toBe('step `S` has no action for a permanent failure: every failure must end in an error code');
  });

  it('applies to a step without `retry` too: its one attempt can be exhausted', () => {
    const source = `migration { on exhausted fail E1 step S ref "1" by P }`;
    expectErrors(source, [['unhandled-failure', 'S']]);
  });

  it('accepts `on failure` at any level, which also covers running out of retries', () => {
    expectValid(`migration { step S ref "1" by P { on failure fail E1 } }`);
    expectValid(`migration { stage T ref "1" by P { on failure fail E1 step S } }`);
    expectValid(`migration { on failure fail E1 step S ref "1" by P }`);
  });

  it('takes each case from the nearest level that has it', () => {
    expectValid(`migration { on exhausted fail E1 step S ref "1" by P { on failure fail E1 } }`);
  });

  it('leaves a handler whose action is lost to the syntax error', () => {
    expectErrors(`migration { step S ref "1" by P { on failure fail } }`, [['unexpected-token', '}']]);
  });
});
