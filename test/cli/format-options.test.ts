// The project's formatting options that the language server is handed:
// Prettier's own reading when Prettier is installed, and the bundle's
// reading without it, which must agree with Prettier's on every form it
// reads, over real folders.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFormatOptions } from '../../cli/format-options/index.js';
import { matchesOverrideGlob, matchesSectionGlob } from '../../cli/format-options/globs.js';
import { tempFolder } from './run-cli.js';

const withPrettier = projectFormatOptions();
const withoutPrettier = projectFormatOptions(() => Promise.reject(new Error('Cannot find package prettier')));

/** A project folder holding `files`; the path of its `policy.mpol` (or of `file`). */
function project(files: Record<string, string>, file = 'policy.mpol'): string {
  const folder = tempFolder();
  for (const [name, text] of Object.entries({ ...files, [file]: 'policy P version "1" "p"\n' })) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return path.join(folder, file);
}

const cases: [string, Record<string, string>, Record<string, unknown> | 'none', string?][] = [
  ['no configuration', {}, 'none'],
  ['an empty .prettierrc, which is a configuration', { '.prettierrc': '{}' }, {}],
  ['a JSON .prettierrc', { '.prettierrc': '{ "printWidth": 40, "useTabs": true, "semi": false }' }, { printWidth: 40, useTabs: true }],
  ['a YAML .prettierrc', { '.prettierrc': '# house style\nprintWidth: 60\ntabWidth: 4\nendOfLine: "crlf"\n' }, { printWidth: 60, tabWidth: 4, endOfLine: 'crlf' }],
  ['a .prettierrc.yml', { '.prettierrc.yml': 'useTabs: true\n' }, { useTabs: true }],
  ['a .prettierrc.json in a parent folder', { '.prettierrc.json': '{ "tabWidth": 3 }' }, { tabWidth: 3 }, 'deep/down/policy.mpol'],
  ['prettier.config.mjs', { 'prettier.config.mjs': 'export default { printWidth: 70 };\n' }, { printWidth: 70 }],
  ['a package.json with overrides for .mpol files', { 'package.json': JSON.stringify({ name: 'x', prettier: { printWidth: 90, overrides: [{ files: '*.mpol', options: { printWidth: 50 } }, { files: 'legacy/**', excludeFiles: 'legacy/new/*.mpol', options: { tabWidth: 8 } }] } }) }, { printWidth: 50, tabWidth: 8 }, 'legacy/old/policy.mpol'],
  ['an override excluding the file', { '.prettierrc': JSON.stringify({ overrides: [{ files: ['*.mpol'], excludeFiles: ['policy.mpol'], options: { printWidth: 50 } }, { files: ['legacy/*.mpol'], excludeFiles: ['legacy/p*'], options: { tabWidth: 9 } }] }) }, {}, 'legacy/policy.mpol'],
  // Prettier matches the excluded globs against the file's name when the override's globs have no `/`: this one excludes nothing.
  ['an override whose exclusion has a path', { '.prettierrc': JSON.stringify({ overrides: [{ files: ['*.mpol'], excludeFiles: ['legacy/**/*.mpol'], options: { printWidth: 50 } }] }) }, { printWidth: 50 }, 'legacy/policy.mpol'],
  ['a package.json without Prettier options, beside a .prettierrc', { 'package.json': '{ "name": "x" }', '.prettierrc': '{ "printWidth": 33 }' }, { printWidth: 33 }],
  ['an .editorconfig', { '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 4\n\n[*.mpol]\nmax_line_length = 100\nend_of_line = CRLF\n' }, { useTabs: false, tabWidth: 4, printWidth: 100, endOfLine: 'crlf' }],
  ['an .editorconfig with tabs', { '.editorconfig': 'root = true\n[*.{mpol,txt}]\nindent_style = tab\ntab_width = 8\n' }, { useTabs: true, tabWidth: 8 }],
  ['an .editorconfig without a line limit', { '.editorconfig': 'root = true\n[*]\nmax_line_length = off\n' }, { printWidth: Number.POSITIVE_INFINITY }],
  ['an .editorconfig for other files only', { '.editorconfig': 'root = true\n[*.md]\nindent_size = 8\n[/policy.txt]\nindent_size = 3\n' }, 'none'],
  ['nested .editorconfig files, the nearer winning', { '.editorconfig': 'root = true\n[*]\nindent_size = 2\nmax_line_length = 120\n', 'sub/.editorconfig': '[**.mpol]\nindent_size = 6\n' }, { tabWidth: 6, printWidth: 120 }, 'sub/policy.mpol'],
  ['a path section of an .editorconfig', { '.editorconfig': 'root = true\n[sub/*.mpol]\nindent_style = space\nindent_size = 5\n[other/*.mpol]\nindent_size = 7\n' }, { useTabs: false, tabWidth: 5 }, 'sub/policy.mpol'],
  ['a .prettierrc over an .editorconfig', { '.editorconfig': 'root = true\n[*]\nindent_style = space\nindent_size = 8\nmax_line_length = 72\n', '.prettierrc': '{ "tabWidth": 3 }' }, { useTabs: false, tabWidth: 3, printWidth: 72 }],
];

describe('the project’s formatting options', () => {
  it.each(cases)('%s: as Prettier reads them, with Prettier and without', async (_, files, expected, file) => {
    const policy = project(files, file);
    const wanted = expected === 'none' ? { kind: 'none' } : { kind: 'options', options: expected };
    expect(await withPrettier(policy)).toEqual(wanted);
    expect(await withoutPrettier(policy)).toEqual(wanted);
  });

  it.each([
    ['a width Prettier refuses', { '.prettierrc': '{ "printWidth": "wide" }' }, 'invalid printWidth value: expected an integer, not "wide"'],
    ['an end of line Prettier refuses', { '.prettierrc': 'endOfLine: windows\n' }, 'invalid endOfLine value: expected one of "lf", "crlf", "cr" or "auto", not "windows"'],
  ])('%s is a message, with Prettier and without', async (_, files, message) => {
    const policy = project(files);
    expect(await withPrettier(policy)).toEqual({ kind: 'error', message });
    expect(await withoutPrettier(policy)).toEqual({ kind: 'error', message });
  });

  it('says which configuration it cannot read without Prettier, rather than leave it out', async () => {
    const toml = project({ '.prettierrc.toml': 'printWidth = 40\n' });
    expect(await withPrettier(toml)).toEqual({ kind: 'options', options: { printWidth: 40 } });
    expect(await withoutPrettier(toml)).toEqual({ kind: 'error', message: `${path.join(path.dirname(toml), '.prettierrc.toml')}: this form of Prettier configuration is read only by Prettier, which is not installed beside mpol` });
    const broken = project({ '.prettierrc.json': '{ "printWidth": 40,' });
    expect(await withoutPrettier(broken)).toMatchObject({ kind: 'error', message: expect.stringContaining('.prettierrc.json: it is not valid JSON') });
    expect(await withPrettier(broken)).toMatchObject({ kind: 'error' });
  });

  it('reads a configuration changed since the last request', async () => {
    const policy = project({ '.prettierrc': '{ "printWidth": 40 }' });
    expect(await withPrettier(policy)).toEqual({ kind: 'options', options: { printWidth: 40 } });
    writeFileSync(path.join(path.dirname(policy), '.prettierrc'), '{ "printWidth": 44 }');
    expect(await withPrettier(policy)).toEqual({ kind: 'options', options: { printWidth: 44 } });
    expect(await withoutPrettier(policy)).toEqual({ kind: 'options', options: { printWidth: 44 } });
  });
});

describe('globs', () => {
  const globs = ['*.mpol', 'sub/*.mpol', 'sub/**/*.mpol', '/policy.mpol', '**.mpol', '{*.md,*.mpol}', 'policy{1..3}.mpol', 'polic[xy].mpol', 'polic[!y].mpol', 'pol?cy.mpol', '.hidden/*.mpol', '*', '**/deep/*'];
  const files = ['policy.mpol', 'sub/policy.mpol', 'sub/a/b/policy2.mpol', 'policy2.mpol', 'policy4.mpol', '.hidden/policy.mpol', 'x/deep/policy.mpol'];
  const pairs = globs.flatMap((glob) => files.map((file) => [glob, file] as const));

  it.each(pairs)('an .editorconfig section [%s] for %s: as Prettier matches it', async (glob, file) => {
    const policy = project({ '.editorconfig': `root = true\n[${glob}]\nindent_size = 7\n` }, file);
    expect(await withoutPrettier(policy)).toEqual(await withPrettier(policy));
  });

  it.each(pairs)('an override of %s for %s: as Prettier matches it', async (glob, file) => {
    const policy = project({ '.prettierrc': JSON.stringify({ overrides: [{ files: glob, options: { tabWidth: 7 } }] }) }, file);
    expect(await withoutPrettier(policy)).toEqual(await withPrettier(policy));
  });

  it.each([
    ['*.mpol', 'a/b/policy.mpol', true],
    ['*.mpol', 'policy.mpolx', false],
    ['sub/*.mpol', 'sub/deeper/policy.mpol', false],
    ['sub/**/*.mpol', 'sub/a/b/policy.mpol', true],
    ['/policy.mpol', 'policy.mpol', true],
    ['policy{1..3}.mpol', 'policy2.mpol', true],
    ['policy{1..3}.mpol', 'policy4.mpol', false],
    ['polic[!y].mpol', 'policy.mpol', false],
    ['\\*.mpol', '*.mpol', true],
    ['[unclosed.mpol', '[unclosed.mpol', true],
  ])('the section glob %s against %s: %s', (glob, file, expected) => {
    expect(matchesSectionGlob(glob, file)).toBe(expected);
  });

  it('reads `[!y]` in an override as Prettier does: one of `!` and `y`', () => {
    expect(matchesOverrideGlob('polic[!y].mpol', 'policy.mpol')).toBe(true);
    expect(matchesOverrideGlob('polic[!y].mpol', 'policx.mpol')).toBe(false);
  });
});
