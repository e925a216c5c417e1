/**
 * TypeScript examples of the documentation, type-checked in one `tsc` run
 * with the strict flags of the repository. Each block is a module in
 * `test/docs/out/`; beside them, `generated/example.ts` is what
 * `mpol build policies/example --out generated` writes, so an example may
 * import the built example policy as a reader's project would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, emitPolicy, memoryHost } from '../../compiler/index.js';
import { repo, type Block } from './blocks.js';
import { childEnv } from '../child-env.js';

const out = path.join(repo, 'test/docs/out');

export function moduleName(block: Block): string {
  return `${block.page.replace(/[^A-Za-z0-9]+/g, '-')}-${block.line}.ts`;
}

function writeExamplePolicy(): void {
  const files = ['example.mpol', 'parties.mpol', 'codes.mpol'].map((name) => `policies/example/${name}`);
  const result = checkWorkspace(files, memoryHost(new Map(files.map((file) => [file, readFileSync(path.join(repo, file), 'utf8')]))));
  mkdirSync(path.join(out, 'generated'), { recursive: true });
  writeFileSync(path.join(out, 'generated/example.ts'), emitPolicy(result.policies[0]!));
}

/** The type errors of each block, by module name; a block without errors is absent. */
export function typeCheck(blocks: readonly Block[]): Map<string, string[]> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeExamplePolicy();
  for (const block of blocks) writeFileSync(path.join(out, moduleName(block)), `${block.text}\n`);
  const errors = new Map<string, string[]>();
  // tsc reports no type errors while any file has syntax errors, so a block
  // with syntax errors is taken out and the rest checked again.
  for (let round = 0; round < 2; round++) {
    const found = runTsc();
    for (const [file, list] of found) errors.set(file, list);
    const broken = [...found].filter(([, list]) => list.some((error) => / TS1\d{3}: /.test(error))).map(([file]) => file);
    if (broken.length === 0) break;
    for (const file of broken) rmSync(path.join(out, file), { force: true });
  }
  return errors;
}

function runTsc(): Map<string, string[]> {
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const run = spawnSync(tsc, ['-p', path.join(repo, 'test/docs/tsconfig.json'), '--pretty', 'false'], { cwd: repo, env: childEnv(), encoding: 'utf8' });
  const errors = new Map<string, string[]>();
  for (const line of run.stdout.split('\n')) {
    const match = /^test\/docs\/out\/([^(]+)\((\d+),(\d+)\): (.*)$/.exec(line);
    if (match === null) continue;
    const list = errors.get(match[1]!) ?? [];
    list.push(`line ${match[2]} of the block: ${match[4]}`);
    errors.set(match[1]!, list);
  }
  if (run.status !== 0 && errors.size === 0) errors.set('(tsc)', [run.stdout + run.stderr]);
  return errors;
}
