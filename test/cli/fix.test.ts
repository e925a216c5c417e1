// `mpol check --fix`: the first fix of each diagnostic applied to the
// files, written atomically, then the report of what is left.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../cli/write-atomic.js';
import { exampleCopy, exampleFolder, runCli, tempFolder } from './run-cli.js';

function edited(folder: string, file: string, from: string, to: string): string {
  const target = path.join(folder, file);
  const text = readFileSync(target, 'utf8');
  if (!text.includes(from)) throw new Error(`\`${from}\` is not in ${file}`);
  writeFileSync(target, text.replace(from, to));
  return readFileSync(target, 'utf8');
}

/** `line:column` of the first `needle` in `text`, 1-based. */
function at(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('mpol check --fix', () => {
  it('replaces a misspelt name and keyword, says so, and reports a clean policy', () => {
    const folder = exampleCopy();
    const example = edited(folder, 'example.mpol', 'step GenerateFile ref "2.2" by Provider', 'step GenerateFile ref "2.2" by Provder');
    const codes = edited(folder, 'codes.mpol', 'error EX300 "Commissioning failed" ref "A.1" { report R1', 'error EX300 "Commissioning failed" ref "A.1" { reprot R1');
    const run = runCli(['check', '--fix', '.'], folder);
    expect(run.stdout).toContain(`fixed example.mpol:${at(example, 'Provder')}: replace \`Provder\` with \`Provider\`\n`);
    expect(run.stdout).toContain(`fixed codes.mpol:${at(codes, 'reprot')}: replace \`reprot\` with \`report\`\n`);
    expect(run.stdout).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    for (const file of ['example.mpol', 'codes.mpol', 'parties.mpol']) {
      expect(readFileSync(path.join(folder, file), 'utf8')).toBe(readFileSync(path.join(exampleFolder, file), 'utf8'));
    }
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('declares an undeclared party where the parties are', () => {
    const folder = exampleCopy();
    const example = edited(folder, 'example.mpol', 'undo SwitchBack by Provider', 'undo SwitchBack by Locksmith');
    const run = runCli(['check', '--fix', '.'], folder);
    expect(run.stdout).toContain(`fixed example.mpol:${at(example, 'Locksmith')}: declare party \`Locksmith\` in \`parties.mpol\`\n`);
    expect(readFileSync(path.join(folder, 'parties.mpol'), 'utf8')).toContain('party Supplier "Responsible supplier"\nparty Locksmith "TODO"\n');
    expect(run.status).toBe(0);
  });

  it('leaves what it cannot fix, reported as check reports it, and exits 1', () => {
    const folder = exampleCopy();
    edited(folder, 'example.mpol', 'retry Rotation\n', 'retry Rotaton\n');
    const before = edited(folder, 'example.mpol', '    on failure incident', '    retry Unheard\n    on failure incident');
    const run = runCli(['check', '--fix', '.'], folder);
    expect(run.stdout).toContain(`fixed example.mpol:${at(before, 'Rotaton')}: replace \`Rotaton\` with \`Rotation\`\n`);
    expect(run.stdout).toMatch(/error\[unknown-name\]: unknown retry strategy `Unheard`/);
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(folder, 'example.mpol'), 'utf8')).toBe(before.replace('Rotaton', 'Rotation'));
  });

  it('keeps machine-readable output parseable, telling its fixes on standard error', () => {
    const folder = exampleCopy();
    edited(folder, 'example.mpol', 'by Provider {\n    produces Manifest', 'by Provder {\n    produces Manifest');
    const run = runCli(['check', '--fix', '--format', 'json', '.'], folder);
    expect(run.stderr).toContain('fixed example.mpol:56:34: replace `Provder` with `Provider`');
    expect((JSON.parse(run.stdout) as { severity: string }[]).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('changes nothing in a clean policy', () => {
    const folder = exampleCopy();
    const run = runCli(['check', '--fix', '.'], folder);
    expect(run.stdout).not.toContain('fixed');
    expect(run.status).toBe(0);
  });
});

describe('writing a file atomically', () => {
  const folder = (): string => mkdtempSync(path.join(tmpdir(), 'mpol-atomic-'));

  it('replaces the text and keeps the permissions', () => {
    const file = path.join(folder(), 'a.mpol');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.dirname(file))).toEqual(['a.mpol']);
  });

  it('writes through a symbolic link', () => {
    const dir = folder();
    const real = path.join(dir, 'real.mpol');
    writeFileSync(real, 'old');
    symlinkSync(real, path.join(dir, 'link.mpol'));
    writeFileAtomic(path.join(dir, 'link.mpol'), 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(statSync(path.join(dir, 'link.mpol')).isFile()).toBe(true);
  });

  it('throws and leaves nothing behind when it cannot write', () => {
    const dir = tempFolder();
    expect(() => writeFileAtomic(path.join(dir, 'missing', 'a.mpol'), 'text')).toThrow(/ENOENT/);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
