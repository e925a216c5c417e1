// `mpol fmt`: files and folders formatted in place, atomically; `--check`
// lists what is not formatted; `--stdin` formats standard input; a file
// with syntax errors is reported as `mpol check` reports it and left as
// it was; the options of `.prettierrc` apply, as they do for Prettier.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPolicy } from '../../compiler/format/index.js';
import { exampleCopy, exampleFolder, hasStackTrace, runCli, tempFolder } from './run-cli.js';

const messy = 'party   P "Provider"\nmigration {\non failure fail E1\n    step A by P { commit }\n}\n';
const tidy = 'party P "Provider"\nmigration {\n  on failure fail E1\n  step A by P {\n    commit\n  }\n}\n';

function folderWith(files: Record<string, string>): string {
  const folder = tempFolder();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

const read = (folder: string, name: string): string => readFileSync(path.join(folder, name), 'utf8');

describe('mpol fmt', () => {
  it('formats files in place, leaves formatted ones alone, and says how many it changed', () => {
    const folder = folderWith({ 'a.mpol': messy, 'b.mpol': tidy });
    const run = runCli(['fmt', '.'], folder);
    expect(run.status).toBe(0);
    expect(read(folder, 'a.mpol')).toBe(tidy);
    expect(read(folder, 'b.mpol')).toBe(tidy);
    expect(run.stderr).toBe('formatted 1 file, 1 already formatted\n');
    expect(readdirSync(folder).sort()).toEqual(['a.mpol', 'b.mpol']);
  });

  it('takes files and folders, and formats each file once, as formatPolicy does', () => {
    const folder = exampleCopy();
    const run = runCli(['fmt', 'example.mpol', '.'], folder);
    expect(run.status).toBe(0);
    for (const file of ['example.mpol', 'codes.mpol', 'parties.mpol']) {
      const expected = formatPolicy(read(exampleFolder, file));
      expect(expected.kind === 'formatted' && expected.text).toBe(read(folder, file));
    }
    expect(run.stderr).toMatch(/^formatted \d+ files?, \d+ already formatted\n$/);
  });

  it('with --check, lists the files that are not formatted, changes nothing and exits 1', () => {
    const folder = folderWith({ 'a.mpol': messy, 'b.mpol': tidy });
    const run = runCli(['fmt', '--check', '.'], folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('a.mpol\n');
    expect(run.stderr).toBe('1 file not formatted, 1 formatted: run `mpol fmt` on them\n');
    expect(read(folder, 'a.mpol')).toBe(messy);
  });

  it('with --check, exits 0 when everything is formatted', () => {
    const run = runCli(['fmt', '--check', '.'], folderWith({ 'b.mpol': tidy }));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('1 file is formatted\n');
  });

  it('with --stdin, formats standard input to standard output', () => {
    const run = runCli(['fmt', '--stdin'], tempFolder(), {}, { input: messy });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(tidy);
  });

  it('reports syntax errors as check does, leaves the file untouched, formats the others, and exits 1', () => {
    const broken = 'party P\nparty Q   "q"\n';
    const folder = folderWith({ 'a.mpol': messy, 'broken.mpol': broken });
    const run = runCli(['fmt', '.'], folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(['error[unexpected-token]: expected a string, found `party`', ' --> broken.mpol:2:1'].join('\n'));
    expect(run.stderr).toContain("'broken.mpol' was not formatted, because of the syntax error above");
    expect(run.stderr).toContain('formatted 1 file, 0 already formatted, 1 not formatted because of the errors above');
    expect(read(folder, 'broken.mpol')).toBe(broken);
    expect(read(folder, 'a.mpol')).toBe(tidy);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('with --stdin, reports syntax errors on standard error and prints nothing', () => {
    const run = runCli(['fmt', '--stdin', '--stdin-filepath', 'policy.mpol'], tempFolder(), {}, { input: 'party P\n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(' --> policy.mpol:');
  });

  it('applies the .prettierrc that applies to each file', () => {
    const folder = folderWith({ 'a.mpol': messy, '.prettierrc': JSON.stringify({ useTabs: true, overrides: [{ files: 'b.mpol', options: { tabWidth: 4 } }] }), 'b.mpol': messy });
    expect(runCli(['fmt', '.'], folder).status).toBe(0);
    expect(read(folder, 'a.mpol')).toBe(tidy.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)));
    expect(read(folder, 'b.mpol')).toBe(read(folder, 'a.mpol'));
    const wide = folderWith({ 'a.mpol': 'migration { check E1 requires installation.someLongFieldName and installation.anotherLongFieldName }\n', '.prettierrc': '{ "printWidth": 120 }' });
    expect(runCli(['fmt', '.'], wide).status).toBe(0);
    expect(read(wide, 'a.mpol').split('\n')).toHaveLength(4);
  });

  it('applies the .editorconfig that applies to each file, under a .prettierrc that says otherwise', () => {
    const editorconfig = 'root = true\n\n[*.mpol]\nindent_style = tab\n\n[b.mpol]\nindent_style = space\nindent_size = 4\n\n[wide/*.mpol]\nmax_line_length = 120\n';
    const folder = folderWith({ '.editorconfig': editorconfig, 'a.mpol': messy, 'b.mpol': messy, 'wide/c.mpol': 'migration { check E1 requires installation.someLongFieldName and installation.anotherLongFieldName }\n' });
    expect(runCli(['fmt', '.'], folder).status).toBe(0);
    expect(read(folder, 'a.mpol')).toBe(tidy.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)));
    expect(read(folder, 'b.mpol')).toBe(tidy.replace(/^( {2})+/gm, (spaces) => ' '.repeat(spaces.length * 2)));
    expect(read(folder, 'wide/c.mpol').split('\n')).toHaveLength(4);
    // A .prettierrc beside it wins, as it does for Prettier.
    const both = folderWith({ '.editorconfig': editorconfig, '.prettierrc': '{ "useTabs": false, "tabWidth": 2 }', 'a.mpol': messy });
    expect(runCli(['fmt', '.'], both).status).toBe(0);
    expect(read(both, 'a.mpol')).toBe(tidy);
  });

  it('reports a configuration it cannot read, without a stack trace', () => {
    const folder = folderWith({ 'a.mpol': messy, '.prettierrc': '{ "printWidth": ' });
    const run = runCli(['fmt', '.'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^mpol: error: cannot format 'a\.mpol': its Prettier configuration cannot be read: /m);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(read(folder, 'a.mpol')).toBe(messy);
  });

  it('refuses paths with --stdin, and no paths without it', () => {
    expect(runCli(['fmt', '--stdin', 'a.mpol'], tempFolder()).status).toBe(2);
    const run = runCli(['fmt'], tempFolder());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('name the .mpol files or folders to format, or use --stdin');
  });

  it('refuses a path that is not a policy file', () => {
    const folder = folderWith({ 'notes.txt': 'x' });
    const run = runCli(['fmt', 'notes.txt'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("'notes.txt' is not a .mpol file");
  });
});
