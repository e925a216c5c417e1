// docs/testing.md shows test/runtime/testing/example.test.ts in full and
// lists the testing entry's exports; these tests keep both true, so the
// documented example is one that runs and no helper goes undocumented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as testing from 'mpol/runtime/testing';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/testing.md');
const marker = '<!-- file: test/runtime/testing/example.test.ts -->';

describe('docs/testing.md', () => {
  it('shows example.test.ts exactly', () => {
    const start = doc.indexOf(marker);
    expect(start, `the doc has no \`${marker}\` line`).toBeGreaterThan(-1);
    const block = /^\s*```ts\n([\s\S]*?)^```$/m.exec(doc.slice(start + marker.length));
    expect(block?.[1]).toBe(read('test/runtime/testing/example.test.ts'));
  });

  it('describes every export of mpol/runtime/testing', () => {
    const undocumented = Object.keys(testing).filter((name) => !doc.includes(`\`${name}`));
    expect(undocumented).toEqual([]);
  });
});
