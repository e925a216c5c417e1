// The example policy uses every construct of the language, and every check
// must pass on it: no error, no warning.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkWorkspace, memoryHost } from '../../../compiler/index.js';

it('policies/example checks clean', () => {
  const folder = path.resolve(import.meta.dirname, '../../../policies/example');
  const files = new Map(readdirSync(folder).map((name) => [`example/${name}`, readFileSync(path.join(folder, name), 'utf8')]));
  const result = checkWorkspace([...files.keys()], memoryHost(files));
  expect(result.diagnostics.map((d) => `${d.file}: ${d.code}: ${d.message}`)).toEqual([]);
});
