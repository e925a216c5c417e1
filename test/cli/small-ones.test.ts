/**
 * The small things a careful command line gets right: a seed written in
 * digits only, a bound and an estimate for a huge number of installations,
 * and a word when `mpol diff` compares two differently named policies.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roughly } from '../../cli/simulation-size.js';
import { exampleFolder, runCli, tempFolder } from './run-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('--seed', () => {
  it.each(['', ' ', '0x10', '1e3', '-1', '1.5', '99999999999999999999'])('refuses %j, which Number() would have taken or rounded', (seed) => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=5', '--seed', seed], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`mpol: error: --seed takes a whole number from 0 written in digits, such as 42, not '${seed}'\n`);
  });

  it('takes digits, leading zeros included', () => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=5', '--seed', '0042'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('seed 42: 5 installations');
  });
});

describe('a huge number of installations', () => {
  it('is refused above 100,000,000 with an estimate of how long it would take, unless forced', () => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=1000000000000'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^mpol: error: the run asks for 1,000,000,000,000 installations, more than the 100,000,000 one run makes without --force: at the [\d.,]+( M)? installations a second samples of it ran at here, it would take about \d[\d,]* (minutes?|hours?|days?|years?); pass --force to run it anyway\n$/,
    );
    expect(run.milliseconds).toBeLessThan(15_000);
  });

  it('counts every population of the run, from the fault model too', () => {
    const folder = tempFolder();
    cpSync(exampleFolder, folder, { recursive: true });
    const faults = JSON.parse(readFileSync(path.join(folder, 'faults.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(folder, 'faults.json'), JSON.stringify({ ...faults, cohorts: { IOC: 60_000_000, 'MOC_Secure/DA': 60_000_000 } }));
    const run = runCli(['simulate', '.'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the run asks for 120,000,000 installations');
  });

  it('is still refused with --force beyond 2^32, where installations would repeat each other', () => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=5000000000', '--force'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('5,000,000,000 installations is more than one simulation runs');
  });

  it('refuses a count too large to count exactly', () => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=99999999999999999999'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('mpol: error: --cohort IOC=99999999999999999999: the count is too large to count exactly\n');
  });

  it('says durations as a person would', () => {
    expect([30, 90, 150, 7200, 86_400 * 6.4, 86_400 * 365 * 3].map(roughly)).toEqual(['30 seconds', '1 minute', '3 minutes', '2 hours', '6 days', '3 years']);
  });
});

describe('mpol diff of two differently named policies', () => {
  it('compares them, and warns that they may not be two versions of one policy', () => {
    const folder = tempFolder();
    cpSync(exampleFolder, path.join(folder, 'other'), { recursive: true });
    const root = path.join(folder, 'other', 'example.mpol');
    writeFileSync(root, readFileSync(root, 'utf8').replace('policy Example', 'policy Other'));
    for (const format of ['text', 'json', 'markdown']) {
      const run = runCli(['diff', exampleFolder, path.join(folder, 'other'), '--format', format], folder);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^mpol: warning: '.+' is policy `Example` and '.+' is policy `Other`: these may be two different policies rather than two versions of one\n$/);
    }
  });

  it('says nothing extra for two versions of one policy', () => {
    const run = runCli(['diff', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1'], repo);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
