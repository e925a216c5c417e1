// The facts a check leaves for hovers, and the updates that carry them
// from one check to the next.
import { describe, expect, it } from 'vitest';
import { applyFactsUpdate, factsUpdate } from '../../../compiler/index.js';
import { markedPolicy } from './helpers.js';

const policy = (retry: string) =>
  markedPolicy({
    '/p/main.mpol': `policy P version "1" "Test"
section "1" "Scope"
party S "Supplier"
report R "Report" to S
error E1 "Failed" ref "1" { report R }
retry Quick ref "1" { tier t: 2 retries every 1m }
retry Slow ref "1" { tier t: 2 retries every 1h }
migration {
  on failure fail E1
  step A ref "1" by S { retry ${retry} }
  step B ref "1" by S
}
`,
  }).facts;

describe('facts updates', () => {
  it('carry every step the first time', () => {
    const update = factsUpdate(undefined, policy('Quick'));
    expect(update.steps.map((s) => s.name)).toEqual(['A', 'B']);
    expect(update.removed).toEqual([]);
  });

  it('carry only the steps that changed, and the names of those gone', () => {
    const before = policy('Quick');
    const after = policy('Slow');
    const update = factsUpdate(before, after);
    expect(update.steps.map((s) => [s.name, s.retry])).toEqual([['A', 'Slow']]);
    const withoutB = { root: after.root, steps: new Map([...after.steps].filter(([name]) => name !== 'B')) };
    expect(factsUpdate(after, withoutB)).toEqual({ root: after.root, whole: false, steps: [], removed: ['B'] });
  });

  it('rebuild the facts they were made from', () => {
    const before = policy('Quick');
    const after = policy('Slow');
    expect(applyFactsUpdate(before, factsUpdate(before, after))).toEqual(after);
    expect(before.steps.get('A')?.retry).toBe('Quick');
    // A first update (a checker started afresh) replaces what was there, steps gone included.
    const withoutB = { root: after.root, steps: new Map([...after.steps].filter(([name]) => name !== 'B')) };
    expect(applyFactsUpdate(before, factsUpdate(undefined, withoutB))).toEqual(withoutB);
  });
});
