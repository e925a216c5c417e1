/**
 * The cold figure of the compile benchmark: `mpol build` of a policy in a
 * fresh node process, as a build pipeline runs it, start-up and module
 * loading included, beside a fresh process that reads and `JSON.parse`s the
 * policy's JSON form. Runs the built CLI (dist/mpol.js, the bundle) with node's
 * default flags; the median of a few runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedPolicy } from './generate-policy.js';
import { median } from './measure.js';

const cli = fileURLToPath(new URL('../../mpol.js', import.meta.url));

export interface ColdTimes {
  /** Median milliseconds of `mpol build` in a fresh process. */
  readonly build: number;
  /** Median milliseconds of a fresh process that reads and parses the JSON form. */
  readonly json: number;
  /** Median milliseconds of `mpol --version`: start-up alone. */
  readonly startup: number;
}

export function coldTimes(policy: GeneratedPolicy, runs: number): ColdTimes {
  const dir = mkdtempSync(join(tmpdir(), 'mpol-bench-'));
  try {
    for (const [path, text] of policy.files) {
      mkdirSync(dirname(join(dir, 'policy', path)), { recursive: true });
      writeFileSync(join(dir, 'policy', path), text);
    }
    const jsonPath = join(dir, 'policy.json');
    writeFileSync(jsonPath, policy.json);
    const readJson = `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(jsonPath)}, 'utf8'))`;
    return {
      build: timed(runs, [cli, 'build', join(dir, 'policy'), '--out', join(dir, 'out')]),
      json: timed(runs, ['-e', readJson]),
      startup: timed(runs, [cli, '--version']),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(runs: number, args: readonly string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  }
  return median(samples);
}
