// The layer rule: grammar → compiler → lsp; the runtime imports nothing of
// ours but the leaf `common/`, which every layer may import and which
// imports nothing; only the command line (the server's entry among it) touches files
// or the process. Each source file's imports are read and checked against it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Which of our folders each folder may import from (itself always allowed). */
const allowed: Record<string, readonly string[]> = {
  common: [],
  grammar: ['common'],
  compiler: ['common', 'grammar'],
  runtime: ['common'],
  lsp: ['common', 'compiler', 'grammar'],
  cli: ['common', 'grammar', 'compiler', 'runtime', 'lsp'],
  // The editor extension is a client: it speaks to the language server and runs the command line.
  'vscode-extension': [],
};

/**
 * Layers a folder may import types from, and nothing else: the compiler
 * knows the shape of the runtime's policy object, which it emits
 * (docs/decisions/0011), but never runs runtime code.
 */
const typesOnly: Record<string, readonly string[]> = {
  compiler: ['runtime'],
  // The extension knows the shapes of the server's own requests (lsp/protocol.ts), and runs none of its code.
  'vscode-extension': ['lsp'],
};

/** Node modules that touch the file system or the process. */
const ioModules = ['fs', 'fs/promises', 'child_process', 'process', 'net', 'http', 'https', 'worker_threads', 'os'];

/**
 * Files allowed to do I/O: the command line, which also starts the language
 * server and its worker, and the compiler's host over the disk (`compiler/disk/`),
 * which the command line and harnesses (`loadPolicy`) read files through;
 * and the editor extension, which starts both as processes.
 */
const ioAllowed = (file: string): boolean => file.startsWith('cli/') || file.startsWith('compiler/disk/') || file.startsWith('vscode-extension/');

/** What is not source: installed packages and build output. */
const notSource = new Set(['node_modules', 'dist', 'server']);

function sourceFiles(folder: string): string[] {
  const full = path.join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (notSource.has(entry)) return [];
    const relative = `${folder}/${entry}`;
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return entry.endsWith('.ts') ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  return importStatements(file).map((statement) => statement.specifier);
}

/** Each import of `file`, and whether it imports types only (`import type`, `export type`). */
function importStatements(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const statements: { specifier: string; typeOnly: boolean }[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\b([^'"]*?)from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    statements.push({ specifier: (match[2] ?? match[3] ?? match[4])!, typeOnly: match[1] !== undefined && /^\s*type\b/.test(match[1]) });
  }
  return statements;
}

/** The repository files a file imports by relative path (`.js` specifiers name `.ts` sources). */
function relativeImportsOf(file: string): string[] {
  return importsOf(file)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier)).replace(/\.js$/, '.ts'));
}

function layerOf(file: string): string {
  return file.split('/')[0]!;
}

describe('layers', () => {
  for (const folder of Object.keys(allowed)) {
    it(`${folder}/ imports only what the layer rule allows`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(folder)) {
        for (const { specifier, typeOnly } of importStatements(file)) {
          if (specifier.startsWith('.')) {
            const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier));
            const layer = layerOf(target);
            const typesAllowed = typeOnly && (typesOnly[folder] ?? []).includes(layer);
            if (layer !== folder && !allowed[folder]!.includes(layer) && !typesAllowed) violations.push(`${file} imports ${target}`);
          } else {
            const bare = specifier.replace(/^node:/, '');
            if (ioModules.includes(bare) && !ioAllowed(file)) violations.push(`${file} imports ${specifier}, but only the command line does I/O`);
            if (specifier.startsWith('mpol/')) violations.push(`${file} imports the package itself (${specifier})`);
            // The runtime runs anywhere emitted code does: no packages, no Node built-ins.
            if (folder === 'runtime' || folder === 'common') violations.push(`${file} imports ${specifier}, but the runtime imports nothing from outside`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('finds the imports it checks', () => {
    // Guards the checker itself: if the import pattern broke, every layer would pass vacuously.
    expect(importsOf('compiler/compile.ts')).toContain('../grammar/index.js');
    expect(sourceFiles('grammar').length).toBeGreaterThan(3);
    expect(sourceFiles('vscode-extension')).toContain('vscode-extension/src/extension.ts');
    expect(importStatements('vscode-extension/src/protocol.ts')).toContainEqual({ specifier: '../../lsp/protocol', typeOnly: true });
  });

  it('no file imports itself through a cycle of relative imports', () => {
    // A cycle makes load order matter and hides which file a concept lives in.
    const files = Object.keys(allowed).flatMap(sourceFiles);
    const edges = new Map(files.map((file) => [file, relativeImportsOf(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of edges.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('nothing imports the command line', () => {
    const importers = Object.keys(allowed)
      .filter((folder) => folder !== 'cli')
      .flatMap(sourceFiles)
      .filter((file) => importsOf(file).some((s) => s.startsWith('.') && layerOf(path.relative(root, path.resolve(path.dirname(path.join(root, file)), s))) === 'cli'));
    expect(importers).toEqual([]);
  });
});
