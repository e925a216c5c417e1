import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['rollback-without-undo']);

describe('rollback-has-undo', () => {
  it('reports a rollback in the first step, at the action', () => {
    expectErrors(`migration { on failure fail E1 step A ref "1" by P { on failure rollback then fail E1 } }`, [
      ['rollback-without-undo', 'rollback then fail E1'],
    ]);
  });

  it('does not count the failing step\'s own undo: it did not complete', () => {
    expectErrors(`migration { on failure fail E1 step A ref "1" by P { undo Back by P on exhausted rollback then fail E1 } }`, [
      ['rollback-without-undo', 'rollback then fail E1'],
    ]);
  });

  it('accepts a rollback after a step with an undo', () => {
    expectValid(`migration {
      on failure fail E1
      step A ref "1" by P { undo Back by P }
      step B ref "1" by P
      step C ref "1" by P { on failure rollback then fail E1 }
    }`);
  });

  it('does not reach back past a commit, nor undo the committed step', () => {
    const source = `migration {
      on failure fail E1
      step A ref "1" by P { undo Back by P }
      step B ref "1" by P { undo Forward by P commit }
      step C ref "1" by P { within 1h after B else rollback then fail E1 }
    }`;
    expectErrors(source, [['rollback-without-undo', 'rollback then fail E1']]);
    const [found] = compileSnippet(source).filter((d) => d.code === 'rollback-without-undo');
    expect(found?.notes).toEqual(['C', 'commit']);
  });

  it('reports an inherited rollback once, where it is written', () => {
    expectErrors(`migration {
      on failure rollback then fail E1
      step A ref "1" by P { undo Back by P }
      step B ref "1" by P
    }`, [['rollback-without-undo', 'rollback then fail E1']]);
  });
});
