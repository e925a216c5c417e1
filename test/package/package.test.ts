/**
 * The npm package on its own (decision 0023): packed as `npm pack` packs
 * it, installed into an empty project as a user installs it, with no npm
 * warning, and used there as the README says. Every `exports` target and
 * every source map's source is in the tarball, every package a shipped
 * module imports is a dependency, and the policies, fault models and
 * documents the README points at are shipped. `npm test` builds `dist/`
 * before this runs; npm installs the dependencies from its cache
 * (`--prefer-offline`), reaching the registry only for what it lacks.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../child-env.js';

const repo = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

/** npm as a user runs it: none of the `npm_*` variables of the `npm test` this runs under. */
function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const env = childEnv();
  for (const name of Object.keys(env)) if (/^npm_/i.test(name)) delete env[name];
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

let scratch = '';
let tarball = '';
let packed: Set<string>;
let project = '';
let installed: SpawnSyncReturns<string>;

beforeAll(() => {
  scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'mpol-package-')));
  const pack = npm(['pack', '--json', '--pack-destination', scratch], repo);
  expect(pack.status, pack.stderr).toBe(0);
  const [report] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(scratch, report!.filename);
  packed = new Set(report!.files.map((file) => file.path));
  project = path.join(scratch, 'project');
  spawnSync('mkdir', [project]);
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'a-project', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  installed = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
}, 180_000);

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

/** The fenced `sh` blocks of the README, by the heading they are under. */
function shBlocks(): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let heading = '';
  for (const part of readme.split(/^```/m).map((text, index) => ({ text, index }))) {
    if (part.index % 2 === 0) heading = [...part.text.matchAll(/^## (.+)$/gm)].at(-1)?.[1] ?? heading;
    else if (part.text.startsWith('sh\n')) blocks.set(heading, part.text.slice(3).trim().split('\n'));
  }
  return blocks;
}

describe('the packed package', () => {
  it('has no install script, which npm would warn about on every install', () => {
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[script], script).toBeUndefined();
  });

  it('ships every target of its exports, under every condition', () => {
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    expect(targets.length).toBeGreaterThan(8);
    for (const target of targets) expect(packed.has(path.posix.normalize(target)), target).toBe(true);
  });

  it('ships the source of every source map it ships', () => {
    const maps = [...packed].filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(100);
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(path.join(repo, map), 'utf8')) as { sources: string[] };
      for (const source of sources) expect(packed.has(path.posix.join(path.posix.dirname(map), source)), `${map}: ${source}`).toBe(true);
    }
  });

  it('declares every package a shipped module imports', () => {
    const allowed = new Set([...builtinModules, ...Object.keys(manifest.dependencies)]);
    for (const file of [...packed].filter((name) => /\.(js|d\.ts)$/.test(name))) {
      const code = readFileSync(path.join(repo, file), 'utf8');
      for (const match of code.matchAll(/^(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const specifier = (match[1] ?? match[2])!;
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (name !== manifest.name) expect(allowed.has(name), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('ships a licence, the bundled policies with their fault models, and what the README points at', () => {
    expect(packed.has('LICENSE')).toBe(true);
    for (const folder of ['policies/example', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1']) {
      expect(packed.has(`${folder}/faults.json`), folder).toBe(true);
      expect([...packed].some((file) => file.startsWith(`${folder}/`) && file.endsWith('.mpol')), folder).toBe(true);
    }
    const mentioned = new Set([...readme.matchAll(/`([A-Za-z0-9_./-]+)`|\]\(([^)#:]+)\)/g)].map((match) => (match[1] ?? match[2])!));
    const paths = [...mentioned].filter((text) => /^(docs|policies|schemas)\/|^[A-Z]+\.md$/.test(text) && existsSync(path.join(repo, text)));
    expect(paths).toContain('docs/language.md');
    for (const file of paths) expect([...packed].some((name) => name === file || name.startsWith(file.endsWith('/') ? file : `${file}/`)), file).toBe(true);
  });
});

describe('the package installed into an empty project', () => {
  it('installs without a warning', () => {
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).not.toMatch(/npm warn/i);
    expect(installed.stdout).not.toMatch(/npm warn/i);
  });

  it("runs the README's installation and command-line blocks there", { timeout: 120_000 }, () => {
    const blocks = shBlocks();
    const install = blocks.get('Installing the package')!;
    const commands = blocks.get('Using the command line')!;
    expect(install[0]).toBe(`npm install ./${manifest.name}-${manifest.version}.tgz`);
    // The first line was run by `beforeAll`, on the tarball this test packed.
    for (const line of [...install.slice(1), ...commands]) {
      const run = spawnSync('sh', ['-c', line], { cwd: project, env: childEnv(), encoding: 'utf8', timeout: 60_000 });
      expect(run.status, `${line}\n${run.stdout}\n${run.stderr}`).toBe(0);
    }
    expect(commands.length).toBeGreaterThan(5);
    expect(existsSync(path.join(project, 'gen'))).toBe(true);
    expect(existsSync(path.join(project, 'review.html'))).toBe(true);
  });

  it('runs every entry point: the libraries, the Prettier plugin through mpol fmt, the schema', { timeout: 60_000 }, () => {
    const script = [
      "const { loadPolicy } = await import('mpol/compiler');",
      "const { simulate } = await import('mpol/runtime');",
      "await import('mpol/runtime/testing');",
      "await import('mpol/prettier');",
      "const { createRequire } = await import('node:module');",
      "createRequire(import.meta.url)('mpol/fault-model.schema.json');",
      "const policy = loadPolicy('node_modules/mpol/policies/example');",
      "const result = await simulate(policy, { faults: JSON.parse((await import('node:fs')).readFileSync('node_modules/mpol/policies/example/faults.json', 'utf8')), cohorts: { IOC: 10 } });",
      'console.log(result.total.installations);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: childEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('10\n');
    const fmt = spawnSync('npx', ['mpol', 'fmt', '--check', 'node_modules/mpol/policies'], { cwd: project, env: childEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(fmt.status, fmt.stderr).toBe(0);
  });
});
