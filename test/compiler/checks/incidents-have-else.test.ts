import { describe, it } from 'vitest';
import { ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['incident-without-else']);

describe('incidents-have-else', () => {
  it('reports an incident that continues with no `else fail`, at the incident', () => {
    expectErrors(`migration { on failure fail E1 step S ref "1" by P { on failure incident resolved by P then continue } }`, [
      ['incident-without-else', 'incident resolved by P then continue'],
    ]);
  });

  it('reports an incident that retries with no `else fail`', () => {
    expectErrors(`migration { on failure fail E1 step S ref "1" by P { on exhausted incident resolved by P then retry } }`, [
      ['incident-without-else', 'incident resolved by P then retry'],
    ]);
  });

  it('reports an incident written once for many steps once', () => {
    expectErrors(`migration { on failure incident resolved by P then continue step S ref "1" by P step T ref "1" by P }`, [
      ['incident-without-else', 'incident resolved by P then continue'],
    ]);
  });

  it('accepts an incident with `else fail`, or one whose `then` fails', () => {
    expectValid(`migration { on failure incident resolved by P then continue else fail E1 step S ref "1" by P }`);
    expectValid(`migration { on failure incident resolved by P then fail E1 step S ref "1" by P }`);
  });
});
