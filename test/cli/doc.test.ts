// `mpol doc`: a policy's readable document, from the command line.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, hasStackTrace, runCli } from './run-cli.js';

describe('mpol doc', () => {
  it('prints the Markdown document of a policy folder', () => {
    const folder = exampleCopy();
    const run = runCli(['doc', '.'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Example 1\.0: Example migration policy\n/);
    expect(run.stdout).toContain('```mermaid\nflowchart TD\n');
    expect(run.stdout).toContain('#### Retry strategy Rotation');
  });

  it('writes the document whole to a file, and HTML when the file ends in .html', () => {
    const folder = exampleCopy();
    const markdown = runCli(['doc', 'example.mpol', '--out', 'docs/policy.md'], folder);
    expect(markdown.stdout).toBe('wrote docs/policy.md\n');
    expect(readFileSync(path.join(folder, 'docs/policy.md'), 'utf8')).toMatch(/^# Example 1\.0/);
    const html = runCli(['doc', '.', '--out', 'policy.html'], folder);
    expect(html.status).toBe(0);
    const page = readFileSync(path.join(folder, 'policy.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    // The diagram library is inlined: the page needs nothing else.
    expect(page).toContain('/*! mermaid 11.');
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('names the file after the policy in a folder given as --out, in the format asked for', () => {
    const folder = exampleCopy();
    mkdirSync(path.join(folder, 'out'));
    expect(runCli(['doc', '.', '--out', 'out'], folder).stdout).toBe('wrote out/example.md\n');
    expect(runCli(['doc', '.', '--format', 'html', '--out', 'new/'], folder).stdout).toBe('wrote new/example.html\n');
    expect(readFileSync(path.join(folder, 'new/example.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('gives HTML on standard output when asked', () => {
    const run = runCli(['doc', '.', '--format', 'html'], exampleCopy());
    expect(run.stdout).toMatch(/^<!doctype html>[^]*<\/html>\n$/);
  });

  it('refuses a policy with errors, showing them, and writes nothing', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'parties.mpol'), readFileSync(path.join(folder, 'parties.mpol'), 'utf8').replace('party Provider', 'party Provder'));
    const run = runCli(['doc', '.', '--out', 'policy.md'], folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error[unknown-name]');
    expect(existsSync(path.join(folder, 'policy.md'))).toBe(false);
  });

  it('exits 2 with one line for an output it cannot write, a bad format or a missing policy', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'taken'), 'a file');
    const unwritable = runCli(['doc', '.', '--out', 'taken/policy.md'], folder);
    expect(unwritable.stderr).toBe("mpol: error: cannot create folder 'taken': a folder on its path is a file\n");
    expect(unwritable.status).toBe(2);
    const format = runCli(['doc', '.', '--format', 'pdf'], folder);
    expect(format.stderr).toContain("argument 'pdf' is invalid. Allowed choices are markdown, html.");
    expect(format.status).toBe(2);
    const missing = runCli(['doc', 'nowhere'], folder);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^mpol: error: /);
    for (const run of [unwritable, format, missing]) expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
