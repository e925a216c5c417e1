// docs/testing.md lists the testing entry's exports: no helper goes
// undocumented. (Its example, test/runtime/testing/example.test.ts in full,
// is kept word for word by test/docs/docs.test.ts.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as testing from 'mpol/runtime/testing';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/testing.md');

describe('docs/testing.md', () => {
  it('describes every export of mpol/runtime/testing', () => {
    const undocumented = Object.keys(testing).filter((name) => !doc.includes(`\`${name}`));
    expect(undocumented).toEqual([]);
  });
});
