/**
 * `npm start`, the quick start's main job: the campaign of MEHRS v2.1 over
 * the whole estate as the public figures describe it, then the simulation
 * report. The script is read from package.json and run as npm runs it (a
 * shell in the repository's layout), in a scratch folder so the report it
 * writes stays out of the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../child-env.js';
import { tempFolder } from './run-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');
const start = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

const count = (text: string): number => Number(text.replaceAll(',', ''));

describe('npm start', () => {
  it('plays the whole MEHRS v2.1 campaign, every installation ending once, then writes the simulation report', () => {
    const folder = tempFolder();
    for (const name of ['dist', 'policies', 'node_modules']) symlinkSync(path.join(repo, name), path.join(folder, name));
    const run = spawnSync('sh', ['-c', start], { cwd: folder, env: childEnv(), encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^MEHRS 2\.1 campaign, seed 0: 13,000,000 installations\n/);
    expect(run.stdout).toMatch(/\ncapacity 31,000 a day on Mon Tue Wed Thu Fri, from 2021-01-04; resubmissions for SMSO at most 2,000\n/);
    expect(run.stdout).toMatch(/\ncomplete after \d+ days \(\d+ working days\)/);
    expect(run.stdout).toContain('installations migrated, cumulative (burn-up)');
    // The total row: every installation ends migrated, failed for good or excluded.
    const total = /\ntotal +([\d,]+) +([\d,]+) +([\d,]+) +([\d,]+) +([\d,]+) +([\d,]+)\n/.exec(run.stdout);
    expect(total).not.toBeNull();
    const [installations, migrated, failed, excluded, attempts, resubmissions] = total!.slice(1).map(count) as [number, number, number, number, number, number];
    expect(installations).toBe(13_000_000);
    expect(migrated + failed + excluded).toBe(installations);
    expect(attempts).toBe(installations + resubmissions);
    expect(migrated / installations).toBeGreaterThan(0.9);
    // Then the report of the month-like mix, written where the script says.
    const report = path.join(folder, 'reports', 'mehrs-v2.1-simulation.html');
    expect(run.stdout).toContain('reports/mehrs-v2.1-simulation.html');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toMatch(/^<!doctype html>/i);
  }, 180_000);
});
