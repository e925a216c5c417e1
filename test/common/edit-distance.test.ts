import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../common/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect([editDistance('step', 'step'), editDistance('stpe', 'step'), editDistance('stp', 'step'), editDistance('steep', 'step'), editDistance('stop', 'step')]).toEqual([0, 1, 1, 1, 1]);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('gives up past its ceiling', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('nearest', () => {
  it('ignores case, skips an exact match, and breaks ties by sort order', () => {
    expect(nearest('ioc', ['IOC', 'FOC'], 2)).toBe('IOC');
    expect(nearest('IOC', ['IOC'], 2)).toBeUndefined();
    expect(nearest('MOD', ['MOX', 'MOB'], 1)).toBe('MOB');
    expect(nearest('zzzz', ['IOC'], 2)).toBeUndefined();
  });
});
