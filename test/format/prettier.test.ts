// The plugin with the real Prettier: its command line (`--plugin
// mpol/prettier`, a `.prettierrc` that lists it, `--check`, the layout
// options), its API by the plugin's name, and its syntax errors. The
// plugin is used as an installed package would be: `mpol` in
// node_modules, resolved through the package's `exports`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format as prettierFormat, formatWithCursor } from 'prettier';
import { afterAll, describe, expect, test } from 'vitest';
import { parsers } from '../../compiler/format/plugin.js';
import { childEnv } from '../child-env.js';
import { format } from './helpers.js';

const repository = path.resolve(import.meta.dirname, '../..');
const prettierBin = path.join(repository, 'node_modules', 'prettier', 'bin', 'prettier.cjs');

const messy = 'party   P "Provider"\nmigration {\non failure fail E1\n    step A by P when group G and installation.someField and installation.other { commit }\n}\n';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A project folder with `mpol` installed (a link to this repository) and `files` in it. */
function project(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-prettier-'));
  folders.push(folder);
  mkdirSync(path.join(folder, 'node_modules'));
  symlinkSync(repository, path.join(folder, 'node_modules', 'mpol'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

function prettier(folder: string, args: string[]) {
  return spawnSync(process.execPath, [prettierBin, ...args], { cwd: folder, env: childEnv(), encoding: 'utf8', timeout: 30_000 });
}

const read = (folder: string, name: string): string => readFileSync(path.join(folder, name), 'utf8');

describe('the Prettier command line', () => {
  test('formats with --plugin mpol/prettier --write and a glob', () => {
    const folder = project({ 'policies/a.mpol': messy, 'policies/sub/b.mpol': messy });
    const run = prettier(folder, ['--plugin', 'mpol/prettier', '--write', 'policies/**/*.mpol']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(read(folder, 'policies/a.mpol')).toBe(format(messy));
    expect(read(folder, 'policies/sub/b.mpol')).toBe(format(messy));
  });

  test('finds .mpol files through a .prettierrc plugins entry, checks them, and honours its options', () => {
    const folder = project({ 'a.mpol': messy, '.prettierrc': JSON.stringify({ plugins: ['mpol/prettier'], useTabs: true, printWidth: 50 }) });
    const check = prettier(folder, ['--check', '.']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('a.mpol');
    expect(prettier(folder, ['--write', '.']).status).toBe(0);
    expect(read(folder, 'a.mpol')).toBe(format(messy, { useTabs: true, printWidth: 50 }));
    expect(read(folder, 'a.mpol')).toContain('\n\tstep A by P\n\t\twhen group G');
    expect(prettier(folder, ['--check', '.']).status).toBe(0);
  });

  test('takes --print-width, --tab-width and --use-tabs', () => {
    const folder = project({ 'a.mpol': messy });
    const run = prettier(folder, ['--plugin', 'mpol/prettier', '--print-width', '120', '--tab-width', '4', 'a.mpol']);
    expect(run.stdout).toBe(format(messy, { printWidth: 120, tabWidth: 4 }));
    expect(run.stdout).toContain('\n    step A by P when group G and installation.someField and installation.other {\n        commit\n');
  });

  test('reports a syntax error with its location and a code frame, and leaves the file alone', () => {
    const broken = 'party P "p"\nparty Q\nparty R "r"\n';
    const folder = project({ 'broken.mpol': broken });
    const run = prettier(folder, ['--plugin', 'mpol/prettier', '--write', 'broken.mpol']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('[error] broken.mpol: SyntaxError: expected a string, found `party` (3:1)');
    expect(run.stderr).toMatch(/> 3 \| party R "r"/);
    expect(read(folder, 'broken.mpol')).toBe(broken);
  });
});

describe("Prettier's API", () => {
  test('loads the plugin by its name', async () => {
    expect(await prettierFormat(messy, { parser: 'mpol', plugins: ['mpol/prettier'] })).toBe(format(messy));
    expect(await prettierFormat(messy, { filepath: 'policy.mpol', plugins: ['mpol/prettier'] })).toBe(format(messy));
  });

  test('keeps the cursor on its token', async () => {
    const result = await formatWithCursor(messy, { parser: 'mpol', plugins: ['mpol/prettier'], cursorOffset: messy.indexOf('Provider') });
    expect(result.formatted).toBe(format(messy));
    expect(result.cursorOffset).toBeGreaterThanOrEqual(0);
  });

  test('rejects a syntax error as a SyntaxError with a location', async () => {
    await expect(prettierFormat('party P\nparty Q "q"\n', { parser: 'mpol', plugins: ['mpol/prettier'] })).rejects.toMatchObject({
      name: 'SyntaxError',
      loc: { start: { line: 2, column: 1 } },
    });
  });

  test('is handed a fresh tree every time, never one held elsewhere', () => {
    const first = parsers.mpol.parse(messy, {} as never) as { tree: unknown };
    const second = parsers.mpol.parse(messy, {} as never) as { tree: unknown };
    expect(first.tree).not.toBe(second.tree);
    expect(first.tree).toEqual(second.tree);
  });
});
