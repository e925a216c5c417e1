// "Did you mean" suggestions.
import { describe, expect, it } from 'vitest';
import { suggest } from '../../grammar/index.js';

describe('suggest', () => {
  it('finds the nearest plausible name', () => {
    expect(suggest('Provder', ['Inventory', 'Provider', 'Operator'])).toBe('Provider');
    expect(suggest('MA21', ['MA122', 'MA001', 'MA021'])).toBe('MA021');
  });

  it('counts two swapped neighbouring letters as one edit', () => {
    expect(suggest('stpe', ['step', 'stage', 'check'])).toBe('step');
    expect(suggest('reprot', ['report', 'retry'])).toBe('report');
    expect(suggest('Provdier', ['Provider'])).toBe('Provider');
  });

  it('ignores case when it is the only difference', () => {
    expect(suggest('mrr6', ['MRR6', 'MRR1'])).toBe('MRR6');
  });

  it('suggests nothing when no name is close', () => {
    expect(suggest('Commission', ['SwitchAccount', 'RotateSuaKey'])).toBeUndefined();
    expect(suggest('X', [])).toBeUndefined();
  });

  it('breaks ties between equally near names alphabetically', () => {
    expect(suggest('MA10', ['MA11', 'MA12', 'MA100'])).toBe('MA100');
  });
});
