// Traceability to the consultation: every change of Table 1 has exactly one
// behaviour test, named `change N (refs)` with that row's references in the
// row's order, and the README's table numbers the changes the same way.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { table1 } from './mehrs.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '../..');

describe('Table 1 numbering', () => {
  it('names one behaviour test per change, with the row refs in order', () => {
    const names = readdirSync(here)
      .filter((file) => /^mehrs-changes-.*\.test\.ts$/.test(file))
      .flatMap((file) => [...readFileSync(path.join(here, file), 'utf8').matchAll(/\bit\('(change \d+ \([^)]*\))/g)].map((m) => m[1]!));
    const expected = table1.map(([no, refs]) => `change ${no} (${refs.join(', ')})`);
    expect([...names].sort()).toEqual([...expected].sort());
  });

  it('numbers the changes in policies/mehrs/README.md as Table 1 does', () => {
    const readme = readFileSync(path.join(repo, 'policies/mehrs/README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => [Number(m[1]), m[2]!.trim().split(', ')] as const);
    expect(rows).toEqual(table1);
  });
});
