// `--cohort COHORT=N` and `--cohort COHORT/GROUP=N`: a mistake names the
// flag and the nearest population, a population given twice is refused
// rather than silently overwritten, and a population of 0 adds no row.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');

function refused(args: readonly string[]): string {
  const run = runCli(['simulate', ...args], repo);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(hasStackTrace(run.stderr)).toBe(false);
  return run.stderr;
}

describe('--cohort', () => {
  it.each([
    ['IOCC=10', "mpol: error: --cohort IOCC=10: the policy has no cohort `IOCC`; did you mean `IOC`?\n"],
    ['moc_secure=10', "mpol: error: --cohort moc_secure=10: the policy has no cohort `moc_secure`; did you mean `MOC_Secure`?\n"],
    ['MOC_Secure/DAA=10', "mpol: error: --cohort MOC_Secure/DAA=10: the policy has no cohort/group `MOC_Secure/DAA`; did you mean `MOC_Secure/DA`?\n"],
    ['MOC_Secur/DA=10', "mpol: error: --cohort MOC_Secur/DA=10: the policy has no cohort/group `MOC_Secur/DA`; did you mean `MOC_Secure/DA`?\n"],
    ['Nowhere=10', 'mpol: error: --cohort Nowhere=10: the policy has no cohort `Nowhere`\n'],
  ])('names the flag and the nearest population for --cohort %s', (flag, message) => {
    expect(refused(['policies/mehrs/v2.1', '--cohort', flag])).toBe(message);
  });

  it('names the flag for a campaign too', () => {
    expect(refused(['policies/mehrs/v2.1', '--campaign', '--cohort', 'IOCC=10'])).toContain('--cohort IOCC=10: the policy has no cohort `IOCC`; did you mean `IOC`?');
  });

  it.each([
    [['--cohort', 'IOC=10', '--cohort', 'IOC=20'], "mpol: error: --cohort IOC=20: `IOC` was already given (--cohort IOC=10); give each population once\n"],
    [['--cohort', 'MOC_Secure/DA=1', '--cohort', 'IOC=3', '--cohort', 'MOC_Secure/DA=1'], "mpol: error: --cohort MOC_Secure/DA=1: `MOC_Secure/DA` was already given (--cohort MOC_Secure/DA=1); give each population once\n"],
  ])('refuses a population given twice: %j', (flags, message) => {
    expect(refused(['policies/mehrs/v2.1', ...flags])).toBe(message);
    expect(refused(['policies/mehrs/v2.1', '--campaign', ...flags])).toBe(message);
  });

  it('prints no row for a population of 0, in any table', () => {
    const run = runCli(['simulate', 'policies/mehrs/v2.1', '--cohort', 'IOC=6', '--cohort', 'MOC_Secure=0'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^IOC +6 /m);
    expect(run.stdout).not.toMatch(/^MOC_Secure\b/m);
    expect(run.stdout).not.toMatch(/\bMOC_Secure +total\b/);
    // The attempts histogram lists only counts some installation made.
    const histogram = run.stdout.slice(run.stdout.indexOf('\nattempts '), run.stdout.indexOf('\n\n', run.stdout.indexOf('\nattempts ')));
    expect(histogram.split('\n').length).toBeGreaterThan(2);
    for (const row of histogram.split('\n').slice(2)) expect(row).not.toMatch(/^\d+ +0 /);
  });

  it('prints no attempts histogram at all when every population is 0', () => {
    const run = runCli(['simulate', 'policies/mehrs/v2.1', '--cohort', 'IOC=0'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^MEHRS 2\.1, seed 0: 0 installations\n/);
    expect(run.stdout).not.toContain('Step attempts per installation');
    expect(run.stdout).not.toMatch(/^IOC\b/m);
  });
});
