// Every bundled policy checks with no errors and no warnings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';

const repo = path.resolve(import.meta.dirname, '../..');

function mpolFiles(folder: string): string[] {
  return readdirSync(path.join(repo, folder)).flatMap((entry) => {
    const relative = `${folder}/${entry}`;
    if (statSync(path.join(repo, relative)).isDirectory()) return mpolFiles(relative);
    return entry.endsWith('.mpol') ? [relative] : [];
  });
}

it('every file in policies/ checks clean', () => {
  const files = mpolFiles('policies');
  const result = checkWorkspace(files, memoryHost(new Map(files.map((f) => [f, readFileSync(path.join(repo, f), 'utf8')]))));
  expect(result.diagnostics.map((d) => `${d.file}: ${d.severity}[${d.code}] ${d.message}`)).toEqual([]);
  expect(result.policies.map((p) => `${p.model.name} ${p.model.version}`).sort()).toEqual(['Example 1.0', 'MEHRS 2.0', 'MEHRS 2.1']);
  expect(result.texts.size).toBe(files.length);
});
