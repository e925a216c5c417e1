import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, exampleFolder, runCli } from './run-cli.js';

describe('mpol build', () => {
  it('writes one module per policy, named after its root file', () => {
    const folder = exampleCopy();
    const run = runCli(['build', '.', '--out', 'generated'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ in 3 files\nwrote generated\/example\.ts\n$/);
    expect(readdirSync(path.join(folder, 'generated'))).toEqual(['example.ts']);
    expect(readFileSync(path.join(folder, 'generated', 'example.ts'), 'utf8')).toContain('mpol/runtime');
  });

  it('writes nothing at all when a policy has errors', () => {
    const folder = exampleCopy();
    const second = readFileSync(path.join(folder, 'example.mpol'), 'utf8').replace('policy Example', 'policy Broken').replace('by Provider', 'by Nobody');
    writeFileSync(path.join(folder, 'broken.mpol'), second);
    const run = runCli(['build', '.', '--out', 'generated'], folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('error[unknown-name]');
    expect(run.stderr).toBe('mpol: nothing was written, because of the errors above\n');
    expect(existsSync(path.join(folder, 'generated'))).toBe(false);
  });

  it('refuses two policies that would write the same file, and writes neither', () => {
    const folder = exampleCopy();
    cpSync(exampleFolder, path.join(folder, 'v2'), { recursive: true });
    const run = runCli(['build', '.', '--out', 'generated'], folder);
    expect(run.stderr).toBe(
      "mpol: error: 'example.mpol' and 'v2/example.mpol' would both be written to 'generated/example.ts': build them separately\n",
    );
    expect(run.status).toBe(2);
    expect(existsSync(path.join(folder, 'generated'))).toBe(false);
  });

  it('exits 2 when no file declares a policy', () => {
    const folder = exampleCopy();
    const run = runCli(['build', 'codes.mpol', 'parties.mpol', '--out', 'generated'], folder);
    expect(run.stderr).toContain('mpol: error: no file declares a `policy`');
    expect(run.status).toBe(2);
  });

  it('exits 2 with one message when the output folder cannot be created', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'taken'), 'a file, not a folder');
    const run = runCli(['build', '.', '--out', 'taken/generated'], folder);
    expect(run.stderr).toBe("mpol: error: cannot create folder 'taken/generated': a folder on its path is a file\n");
    expect(run.status).toBe(2);
  });
});
