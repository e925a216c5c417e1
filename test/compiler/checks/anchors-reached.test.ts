import { describe, expect, it } from 'vitest';
import { compileSnippet, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['anchor-not-reached']);

const artefact = `artefact File "Transfer file" by P\n`;

describe('anchors-reached', () => {
  it('reports an artefact no step produces or awaits, at the anchor', () => {
    expectErrors(`${artefact} migration { on failure fail E1 step S ref "1" by P { within 1h after File else fail E1 } }`, [
      ['anchor-not-reached', 'File'],
    ]);
  });

  it('reports an artefact produced only later, or by the step itself', () => {
    expectErrors(`${artefact} migration {
      on failure fail E1
      step S ref "1" by P { produces File within 1h after File else fail E1 }
      step T ref "1" by P { produces File }
    }`, [['anchor-not-reached', 'File']]);
  });

  it('accepts an artefact an earlier step produces or awaits, or the step awaits itself', () => {
    expectValid(`${artefact} migration { on failure fail E1 step M ref "1" by P { produces File } step S ref "1" by P { within 1h after File else fail E1 } }`);
    expectValid(`${artefact} migration { on failure fail E1 step M ref "1" by P { await File } step S ref "1" by P { within 1h after File else fail E1 } }`);
    // A step deadline written before the step's `await`: the wait reaches its anchor.
    expectValid(`${artefact} migration { on failure fail E1 step S ref "1" by P { within 1h after File else fail E1 await File } }`);
  });

  it('reports an `await` deadline anchored on the artefact it awaits, which it cannot reach', () => {
    const source = `${artefact} migration { on failure fail E1 step S ref "1" by P { await File within 1h after File else fail E1 } }`;
    expectErrors(source, [['anchor-not-reached', 'File']]);
    const [found] = compileSnippet(source);
    expect(found?.notes).toEqual(['File']);
    expect(found?.help).toBe('to bound the step once `File` has arrived, write the deadline as its own item before the `await`');
  });

  it('accepts an `await` deadline on what an earlier step produced or completed, and reports one on nothing earlier', () => {
    const files = `${artefact}artefact Mvf "Validation file" by P
`;
    expectValid(`${files} migration { on failure fail E1 step V ref "1" by P { produces Mvf } step S ref "1" by P { await File within 24h after Mvf else fail E1 } }`);
    expectValid(`${files} migration { on failure fail E1 step V ref "1" by P step S ref "1" by P { await File within 24h after V else fail E1 } }`);
    expectErrors(`${files} migration { on failure fail E1 step S ref "1" by P { await File within 24h after Mvf else fail E1 } step V ref "1" by P { produces Mvf } }`, [
      ['anchor-not-reached', 'Mvf'],
    ]);
  });

  it('reports a step anchor that is the step itself or comes later', () => {
    expectErrors(`migration { on failure fail E1 step S ref "1" by P { within 1h after S else fail E1 } }`, [['anchor-not-reached', 'S']]);
    expectErrors(`migration { on failure fail E1 step S ref "1" by P { within 1h after T else fail E1 } step T ref "1" by P }`, [
      ['anchor-not-reached', 'T'],
    ]);
  });

  it('accepts a migration-wide deadline that applies from the step after its anchor on', () => {
    expectValid(`${artefact} migration {
      on failure fail E1
      within 72h after File else fail E1
      step M ref "1" by P { produces File }
      step S ref "1" by P
    }`);
  });

  it('reports a migration-wide deadline that applies to no step, once', () => {
    expectErrors(`${artefact} migration { on failure fail E1 within 72h after File else fail E1 step S ref "1" by P step T ref "1" by P }`, [
      ['anchor-not-reached', 'File'],
    ]);
  });
});
