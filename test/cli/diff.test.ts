// `mpol diff`: comparing two versions of a policy from the command line.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleCopy, runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('mpol diff', () => {
  it('lists MEHRS v2.1 changes by section, in text', () => {
    const run = runCli(['diff', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3.1 IOC S1SP retry strategy\n  ~ retry strategy `IocS1sp`: tier `long` interval changed from `2h` to `30m`\n');
    expect(run.stderr).toBe('');
  });

  it('writes the committed Markdown table', () => {
    const run = runCli(['diff', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1', '--format', 'markdown'], repo);
    const committed = readFileSync(path.join(repo, 'policies/mehrs/CHANGES-v2.0-v2.1.md'), 'utf8');
    expect(run.stdout, 'policies/mehrs/CHANGES-v2.0-v2.1.md is out of date: run `npm run generate` and commit the result').toBe(committed);
  });

  it("titles the Markdown table's reference column with the policy's own name", () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'codes.mpol'), readFileSync(path.join(folder, 'codes.mpol'), 'utf8').replace(/error EX900 "[^"]*"/, 'error EX900 "Renamed"'));
    const run = runCli(['diff', 'policies/example', folder, '--format', 'markdown'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| No | Example Reference | Description |');
    expect(run.stdout).not.toContain('MEHRS');
  });

  it('gives JSON as an array of { ref, kind, subject, before, after }', () => {
    const run = runCli(['diff', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1', '--format', 'json'], repo);
    const changes = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(changes.length).toBeGreaterThan(20);
    for (const change of changes) expect(Object.keys(change)).toEqual(['ref', 'kind', 'subject', 'before', 'after']);
  });

  it('says there are no changes between a policy and a reformatted copy of it', () => {
    const folder = exampleCopy();
    // Every declaration of parties.mpol is one line: reverse their order, space them out, add comments.
    const file = path.join(folder, 'parties.mpol');
    writeFileSync(file, `/* reformatted */\n${readFileSync(file, 'utf8').split('\n').reverse().join('\n   \n')}`);
    const run = runCli(['diff', 'policies/example', folder], repo);
    expect(run.stdout).toBe('no changes between Example 1.0 and Example 1.0\n');
  });

  it('refuses a folder that holds two policies, with exit code 2', () => {
    const run = runCli(['diff', 'policies/mehrs', 'policies/mehrs/v2.1'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("mpol: error: 'policies/mehrs' holds 2 policies");
  });

  it('shows the errors of a version that does not check, with exit code 1', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'codes.mpol'), readFileSync(path.join(folder, 'codes.mpol'), 'utf8').replace('error EX900', 'error EX9OO'));
    const run = runCli(['diff', 'policies/example', folder], repo);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error[unknown-name]');
    expect(run.stdout).toBe('');
  });
});
