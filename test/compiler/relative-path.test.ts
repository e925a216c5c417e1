// How messages name a policy's files: relative to the root's folder, never absolute.
import { describe, expect, it } from 'vitest';
import { relativeTo } from '../../compiler/doc/index.js';

describe('relativeTo', () => {
  it.each([
    ['/w/policy.mpol', '/w/codes.mpol', 'codes.mpol'],
    ['/w/policy.mpol', '/w/shared/codes.mpol', 'shared/codes.mpol'],
    ['/w/a/policy.mpol', '/w/shared/codes.mpol', '../shared/codes.mpol'],
    ['/w/policy.mpol', '/other/codes.mpol', '../other/codes.mpol'],
    ['policies/x/main.mpol', 'policies/x/codes.mpol', 'codes.mpol'],
    ['policies/x/main.mpol', 'policies/y/codes.mpol', '../y/codes.mpol'],
    ['main.mpol', 'codes.mpol', 'codes.mpol'],
    ['main.mpol', 'sub/codes.mpol', 'sub/codes.mpol'],
    ['C:\\w\\policy.mpol', 'C:\\w\\sub\\codes.mpol', 'sub/codes.mpol'],
    // Nothing a relative path could name: the path as given.
    ['C:\\w\\policy.mpol', 'D:\\w\\codes.mpol', 'D:\\w\\codes.mpol'],
    ['main.mpol', '/w/codes.mpol', '/w/codes.mpol'],
  ])('names %s’s %s as %s', (root, file, shown) => {
    expect(relativeTo(root, file)).toBe(shown);
  });
});
