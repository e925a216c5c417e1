/**
 * The `mpol` executable is one bundled file (decision 0008): it loads
 * Node's built-in modules and nothing else, so it runs without
 * `node_modules` (an editor extension ships it alone to start the language
 * server). Loading Chevrotain's ES modules one file at a time made every
 * command start 0.4 s slower. Prettier's core is not in it: `mpol fmt`
 * alone loads it, and the project's Prettier plugin (a bundle of its own),
 * from the installed package when it runs, so `check` and `build` never
 * pay for them. The language server formats too and must run from this
 * file alone, so the project's printer and Prettier's document printer
 * (`prettier/doc`, small and without the core) are inside.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFolder, mainScript, runCli, tempFolder } from './run-cli.js';

const allowedPackages: string[] = [];

function importedModules(code: string): string[] {
  const specifiers = new Set<string>();
  for (const match of code.matchAll(/^import\b[^'"]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/gm)) {
    specifiers.add((match[1] ?? match[2] ?? match[3])!);
  }
  return [...specifiers].sort();
}

describe('the mpol executable', () => {
  const code = readFileSync(mainScript, 'utf8');

  it('is a node script', () => {
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('loads only built-in modules', () => {
    const modules = importedModules(code);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const outside = modules.filter((m) => !builtins.has(m));
    expect(outside.sort()).toEqual([...allowedPackages].sort());
    // The scan sees the imports a bundle has: the bundled parser's own are gone.
    expect(modules).not.toContain('chevrotain');
  });

  it('runs alone, copied to a folder without node_modules', () => {
    const folder = tempFolder();
    copyFileSync(mainScript, path.join(folder, 'mpol.js'));
    const run = spawnSync(process.execPath, [path.join(folder, 'mpol.js'), 'check', exampleFolder], { cwd: folder, encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('no problems');
    expect(run.status).toBe(0);
    // Without the package around it, formatting says what is missing.
    const formatting = spawnSync(process.execPath, [path.join(folder, 'mpol.js'), 'fmt', '--check', exampleFolder], { cwd: folder, encoding: 'utf8', timeout: 20_000 });
    expect(formatting.stderr).toMatch(/^mpol: error: cannot load Prettier, which `mpol fmt` formats with: .*; reinstall mpol\n$/);
    expect(formatting.status).toBe(2);
  });

  it('holds no part of Prettier\'s core: only `mpol fmt` loads Prettier and the plugin', () => {
    // A message of Prettier's core: the language server's formatting needs only the document printer.
    expect(code).not.toContain('was not printed. Please report this error');
    expect(code).toMatch(/(?:var|const) prettierPackage = "prettier"/);
    expect(code).toMatch(/(?:var|const) pluginPackage = "mpol\/prettier"/);
  });

  it('runs a campaign on threads, copied alone: each thread is the bundle started again', () => {
    const folder = tempFolder();
    copyFileSync(mainScript, path.join(folder, 'mpol.js'));
    const policy = path.join(exampleFolder, '../mehrs/v2.1');
    const args = [path.join(folder, 'mpol.js'), 'simulate', policy, '--campaign', '--cohort', 'FOC=40000', '--json'];
    const threads = spawnSync(process.execPath, [...args, '--threads', '2'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect(threads.stderr).toBe('');
    expect(threads.status).toBe(0);
    const one = spawnSync(process.execPath, [...args, '--threads', '1'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect(threads.stdout).toBe(one.stdout);
  });

  it('runs from its bundled file', () => {
    const run = runCli(['--version'], process.cwd());
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
