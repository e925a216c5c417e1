/**
 * How `mpol check` treats the files and folders it is given: each input
 * problem is one clear message and exit code 2, never a stack trace.
 */
import { mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempFolder } from './run-cli.js';

const fragment = 'party Provider "Service provider"\n';

describe('mpol check, finding files', () => {
  it('exits 2 for a path that does not exist', () => {
    const run = runCli(['check', 'nowhere'], tempFolder());
    expect(run.stderr).toBe("mpol: error: no such file or folder 'nowhere'\n");
    expect(run.status).toBe(2);
  });

  it('exits 2 for a folder with no .mpol files', () => {
    const folder = tempFolder();
    mkdirSync(path.join(folder, 'empty'));
    writeFileSync(path.join(folder, 'empty', 'notes.txt'), 'not a policy');
    const run = runCli(['check', 'empty'], folder);
    expect(run.stderr).toBe("mpol: error: no .mpol files found under 'empty'\n");
    expect(run.status).toBe(2);
  });

  it('exits 2 for a named file that is not a .mpol file', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'notes.txt'), 'text');
    const run = runCli(['check', 'notes.txt'], folder);
    expect(run.stderr).toBe("mpol: error: 'notes.txt' is not a .mpol file\n");
    expect(run.status).toBe(2);
  });

  it('searches folders recursively and in order, skipping node_modules and dot-folders', () => {
    const folder = tempFolder();
    for (const sub of ['b', 'a/deep', 'node_modules/x', '.git']) mkdirSync(path.join(folder, sub), { recursive: true });
    for (const file of ['b/z.mpol', 'a/deep/y.mpol', 'a/x.mpol', 'node_modules/x/n.mpol', '.git/g.mpol']) {
      writeFileSync(path.join(folder, file), fragment);
    }
    const run = runCli(['check', '--format', 'json', '.'], folder);
    const files = [...new Set((JSON.parse(run.stdout) as { file: string }[]).map((d) => d.file))];
    expect(files).toEqual(['a/deep/y.mpol', 'a/x.mpol', 'b/z.mpol']);
  });
});

describe('mpol check, reading files', () => {
  it('reports a file that cannot be read, even by root, with exit 2', () => {
    // A symbolic link to itself fails to open whatever the permissions.
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'good.mpol'), fragment);
    symlinkSync('loop.mpol', path.join(folder, 'loop.mpol'));
    const run = runCli(['check', '.'], folder);
    expect(run.stdout).toContain('error[file-unreadable]: cannot read this file: too many levels of symbolic links\n --> loop.mpol\n');
    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  });

  it('reports an import of a folder at the import, with exit 1', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'main.mpol'), 'policy P version "1" "t"\nimport "parts.mpol"\n');
    mkdirSync(path.join(folder, 'parts.mpol'));
    const run = runCli(['check', 'main.mpol'], folder);
    expect(run.stdout).toContain(['error[file-unreadable]: cannot read this file: it is a folder', ' --> main.mpol:2:8'].join('\n'));
    expect(run.status).toBe(1);
  });

  it('refuses a file with NUL bytes as binary, with exit 2', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'data.mpol'), Buffer.from([0x70, 0x00, 0x01, 0x02]));
    const run = runCli(['check', 'data.mpol'], folder);
    expect(run.stdout).toBe('error[binary-file]: this file is not text (it contains NUL bytes or is not UTF-8)\n --> data.mpol\n\n1 error in 1 file\n');
    expect(run.status).toBe(2);
  });

  it('refuses a file that is not UTF-8 as binary', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'latin1.mpol'), Buffer.from('party Caf\xe9 "x"\n', 'latin1'));
    const run = runCli(['check', '--format', 'json', 'latin1.mpol'], folder);
    expect(JSON.parse(run.stdout)).toMatchObject([{ file: 'latin1.mpol', code: 'binary-file', line: 1, column: 1 }]);
    expect(run.status).toBe(2);
  });

  it('warns about an empty file and exits 0', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'empty.mpol'), '');
    const run = runCli(['check', 'empty.mpol'], folder);
    expect(run.stdout).toContain('warning[empty-file]: this file declares nothing\n --> empty.mpol:1:1\n');
    expect(run.status).toBe(0);
  });

  it('drops a UTF-8 byte order mark before parsing', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'bom.mpol'), '\ufeffpolicy P version "1" "t"\nimport "party.mpol"\n');
    writeFileSync(path.join(folder, 'party.mpol'), fragment);
    const run = runCli(['check', '--format', 'json', 'bom.mpol'], folder);
    // The mark is neither a syntax error nor counted as a column.
    const diagnostics = JSON.parse(run.stdout) as { file: string; code: string }[];
    expect(diagnostics.filter((d) => d.file === 'bom.mpol')).toMatchObject([{ code: 'missing-migration', line: 1, column: 1 }]);
  });

  it('refuses a 50 MB file quickly, with exit 2', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'big.mpol'), Buffer.alloc(50 * 1024 * 1024, fragment));
    const run = runCli(['check', 'big.mpol'], folder);
    expect(run.stdout).toContain('error[file-too-large]: this file is 50.0 MB, over the 16.0 MB limit\n --> big.mpol\n');
    expect(run.status).toBe(2);
    expect(run.milliseconds).toBeLessThan(5_000);
  });

  it('checks the size before reading, so a 64 GiB sparse file is refused at once', () => {
    // Reading this file would take minutes or fail outright; only a check
    // of its size before reading makes the command answer immediately.
    const folder = tempFolder();
    const descriptor = openSync(path.join(folder, 'sparse.mpol'), 'w');
    ftruncateSync(descriptor, 64 * 1024 ** 3);
    closeSync(descriptor);
    const run = runCli(['check', 'sparse.mpol'], folder);
    expect(run.stdout).toContain('error[file-too-large]: this file is 65536.0 MB');
    expect(run.status).toBe(2);
    expect(run.milliseconds).toBeLessThan(5_000);
  });
});
