// The generated documents committed beside the MEHRS policies are current:
// each is exactly what `mpol doc` writes for its policy today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('policies/mehrs/*/POLICY.md', () => {
  for (const version of ['v2.0', 'v2.1']) {
    it(`${version} is what mpol doc writes`, () => {
      const run = runCli(['doc', `policies/mehrs/${version}`], repo);
      expect(run.stderr).toBe('');
      const committed = readFileSync(path.join(repo, `policies/mehrs/${version}/POLICY.md`), 'utf8');
      expect(run.stdout === committed, `policies/mehrs/${version}/POLICY.md is out of date: run \`npm run generate\` and commit the result`).toBe(true);
    });
  }
});
