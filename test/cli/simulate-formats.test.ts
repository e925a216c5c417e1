// `mpol simulate --format` and `--out`: the result as the summary (text,
// Markdown or CSV), as JSON or as one self-contained HTML page, to standard output or to a file
// while the terminal gets the summary and where the file is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from './run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const small = ['simulate', 'policies/mehrs/v2.1', '--cohort', 'IOC=300', '--cohort', 'MOC_Secure/DA=300', '--seed', '7'];

describe('mpol simulate --format and --out', () => {
  it('writes the HTML report to --out and prints the summary and where the report is', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'reports', 'simulation.html');
    const run = runCli([...small, '--out', file], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = runCli(small, repo).stdout;
    expect(run.stdout).toBe(`${summary}\nwrote ${path.relative(repo, file)}: the report, to open in a browser\n`);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h2 id="outcomes-by-cohort-and-group">Outcomes by cohort and group</h2>');
    expect(page).toContain('Default fault model for MEHRS v2.1');
    expect(page).toContain('<code>AS201</code>');
  });

  it('gives the same page for the same seed, and HTML on standard output when asked', () => {
    const first = runCli([...small, '--format', 'html'], repo);
    const again = runCli([...small, '--format', 'html'], repo);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^<!doctype html>[^]*<\/html>\n$/);
    expect(again.stdout).toBe(first.stdout);
  });

  it('prints the summary as Markdown and as CSV, the same figures as the text, and picks them for .md and .csv files', () => {
    const text = runCli(small, repo).stdout;
    const markdown = runCli([...small, '--format', 'markdown'], repo);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toMatch(/^# MEHRS 2\.1, seed 7: 600 installations\n\nThe fault model policies\/mehrs\/v2\.1\/faults\.json says: Default fault model/);
    expect(markdown.stdout).toContain('\n| code | title | IOC | MOC_Secure/DA | total | % of failures |\n');
    const csv = runCli([...small, '--format', 'csv'], repo);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('table,row,column,value');
    // The migrated count of the text summary's total row is the CSV's.
    const migrated = /\ntotal +600 +([\d,]+) /.exec(text)![1]!.replace(',', '');
    expect(csv.stdout).toContain(`\noutcomes,total,migrated,${migrated}\n`);
    for (const [name, format] of [['summary.md', markdown], ['summary.csv', csv]] as const) {
      const file = path.join(tempFolder(), name);
      const run = runCli([...small, '--out', file], repo);
      expect(run.stdout.startsWith(text)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(format.stdout);
    }
    const campaign = runCli([...small, '--campaign', '--format', 'csv'], repo);
    expect(campaign.status).toBe(2);
    expect(campaign.stderr).toBe('mpol: error: --format csv is for a simulation of the cohorts; a campaign prints as text, json or html\n');
  });

  it('takes --format json as --json does, and JSON for an --out file ending in .json', () => {
    const json = runCli([...small, '--format', 'json'], repo);
    expect(json.stdout).toBe(runCli([...small, '--json'], repo).stdout);
    const file = path.join(tempFolder(), 'result.json');
    const run = runCli([...small, '--out', file], repo);
    expect(run.stdout.endsWith(': the whole result\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(json.stdout);
  });

  it('refuses two formats with exit code 2', () => {
    const both = runCli([...small, '--json', '--format', 'html'], repo);
    expect(both.stderr).toBe('mpol: error: --json and --format html ask for two formats; give one\n');
    expect(both.status).toBe(2);
  });

  it('writes a comparison of campaigns as a page too, and prints the text comparison and where the page is', () => {
    const compare = ['simulate', 'policies/mehrs/v2.1', '--compare', 'policies/mehrs/v2.1/faults.json', '--cohort', 'IOC=3000', '--seed', '4'];
    const file = path.join(tempFolder(), 'compared.html');
    const run = runCli([...compare, '--out', file], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${runCli(compare, repo).stdout}\nwrote ${path.relative(repo, file)}: the report, to open in a browser\n`);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h2 id="figures-side-by-side">Figures side by side</h2>');
    expect(runCli([...compare, '--format', 'html'], repo).stdout).toBe(page);
  });

  it('exits 2 with one line when --out cannot be written', () => {
    const run = runCli([...small, '--out', '/proc/mpol-report.html'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^mpol: error: cannot create folder '[^']*proc': .+ is on proc, a system file system, not a place for files\n$/);
    const folder = tempFolder();
    const taken = runCli([...small, '--out', folder], repo);
    expect(taken.stderr).toMatch(/^mpol: error: cannot write '.+': it is a folder\n$/);
    expect(taken.status).toBe(2);
  });
});
