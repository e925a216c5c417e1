import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, exampleFolder, runCli, tempFolder } from './run-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');

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

  it('mirrors the layout of the policies under --out, as tsc mirrors its root folder', () => {
    const folder = exampleCopy();
    cpSync(exampleFolder, path.join(folder, 'v2'), { recursive: true });
    const run = runCli(['build', '.', '--out', 'generated'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nwrote generated\/example\.ts\nwrote generated\/v2\/example\.ts\n$/);
    expect(readFileSync(path.join(folder, 'generated/v2/example.ts'), 'utf8')).toContain('mpol/runtime');
  });

  it('builds the bundled policies, two of which have the same file name, in one command', () => {
    const folder = tempFolder();
    const run = runCli(['build', path.join(repo, 'policies'), '--out', folder], repo);
    expect(run.status).toBe(0);
    expect(readdirSync(folder, { recursive: true }).map(String).filter((file) => file.endsWith('.ts')).sort()).toEqual([
      'example/example.ts',
      path.join('mehrs', 'v2.0', 'mehrs.ts'),
      path.join('mehrs', 'v2.1', 'mehrs.ts'),
    ]);
  });

  it('mirrors the layout under --root when given, and refuses a policy outside it', () => {
    const folder = exampleCopy();
    cpSync(exampleFolder, path.join(folder, 'v2'), { recursive: true });
    expect(runCli(['build', 'v2', '--out', 'generated', '--root', '.'], folder).stdout).toContain('wrote generated/v2/example.ts\n');
    const outside = runCli(['build', '.', '--out', 'other', '--root', 'v2'], folder);
    expect(outside.stderr).toBe("mpol: error: 'example.mpol' is not under the --root folder 'v2'; give a --root that holds every policy\n");
    expect(outside.status).toBe(2);
    expect(existsSync(path.join(folder, 'other'))).toBe(false);
  });

  it('builds the policies a fragment given alone belongs to', () => {
    const folder = exampleCopy();
    const run = runCli(['build', 'codes.mpol', '--out', 'generated'], folder);
    expect(run.stdout).toBe('no problems in 3 files\nwrote generated/example.ts\n');
  });

  it('exits 2 when no file declares a policy', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'parties.mpol'), 'party P "A party"\n');
    const run = runCli(['build', 'parties.mpol', '--out', 'generated'], folder);
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
