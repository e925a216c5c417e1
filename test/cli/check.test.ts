import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansiEscape, exampleCopy, exampleFolder, hasStackTrace, runCli } from './run-cli.js';

/** The example with one party misspelt, and the span of the misspelling. */
function brokenExample(): string {
  const folder = exampleCopy();
  const file = path.join(folder, 'example.mpol');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('step GenerateFile ref "2.2" by Provider', 'step GenerateFile ref "2.2" by Provder'));
  return folder;
}

// Other checks may come to warn about the example, so the tests look for
// the diagnostics they are about rather than expect an exact list.
function lastLine(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

describe('mpol check, text', () => {
  it('passes the example policy with exit code 0', () => {
    const run = runCli(['check', '.'], exampleCopy());
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/^error\[/m);
    expect(lastLine(run.stdout)).toMatch(/^(no problems|\d+ warnings?) in 3 files$/);
    expect(run.status).toBe(0);
  });

  it('reports an error in rustc style, with the caret under the span, and exits 1', () => {
    const run = runCli(['check', '.'], brokenExample());
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      [
        'error[unknown-name]: unknown party `Provder`',
        '  --> example.mpol:56:34',
        '   |',
        '56 |   step GenerateFile ref "2.2" by Provder {',
        '   |                                  ^^^^^^^',
      ].join('\n'),
    );
    expect(lastLine(run.stdout)).toMatch(/^1 error(, \d+ warnings?)? in 3 files$/);
  });

  it('accepts files and folders together, and counts each file once', () => {
    const folder = exampleCopy();
    const run = runCli(['check', 'example.mpol', '.', './codes.mpol'], folder);
    expect(lastLine(run.stdout)).toMatch(/ in 3 files$/);
    expect(run.status).toBe(0);
  });

  it('checks a fragment given alone within the policy beside it that imports it, without orphan-file', () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const run = runCli(['check', 'policies/mehrs/v2.1/codes.mpol'], repo);
    expect(run.stdout).toBe('no problems in 5 files\n');
    expect(run.status).toBe(0);
  });

  it('shows paths relative to the working folder', () => {
    const folder = brokenExample();
    const run = runCli(['check', folder], path.dirname(folder));
    expect(run.stdout).toContain(`--> ${path.basename(folder)}/example.mpol:56:34`);
  });

  it('reports a policy cut in half as errors, exit 1, without a stack trace', () => {
    const folder = exampleCopy();
    const file = path.join(folder, 'example.mpol');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const run = runCli(['check', '.'], folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error\[/m);
    expect(lastLine(run.stdout)).toMatch(/^\d+ errors?(, \d+ warnings?)? in 3 files$/);
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  });

  it('writes no colour to a pipe, nor with NO_COLOR, and colours with FORCE_COLOR', () => {
    const folder = brokenExample();
    expect(runCli(['check', '.'], folder).stdout).not.toMatch(ansiEscape);
    expect(runCli(['check', '.'], folder, { NO_COLOR: '1' }).stdout).not.toMatch(ansiEscape);
    expect(runCli(['check', '.'], folder, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(ansiEscape);
    expect(runCli(['check', '.'], folder, { FORCE_COLOR: '1' }).stdout).toMatch(ansiEscape);
  });

  it('never colours JSON, even when forced', () => {
    const run = runCli(['check', '--format', 'json', '.'], brokenExample(), { FORCE_COLOR: '1' });
    expect(run.stdout).not.toMatch(ansiEscape);
  });
});

describe('mpol check --format json', () => {
  it('prints an array of located diagnostics, 1-based, ends exclusive', () => {
    const run = runCli(['check', '--format', 'json', '.'], brokenExample());
    expect(run.status).toBe(1);
    const diagnostics = JSON.parse(run.stdout) as { severity: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        file: 'example.mpol',
        line: 56,
        column: 34,
        endLine: 56,
        endColumn: 41,
        code: 'unknown-name',
        severity: 'error',
        message: 'unknown party `Provder`',
        help: expect.any(String),
        fixes: [
          { message: 'replace `Provder` with `Provider`', edits: [{ file: 'example.mpol', line: 56, column: 34, endLine: 56, endColumn: 41, text: 'Provider' }] },
          { message: 'declare party `Provder` in `parties.mpol`', edits: [{ file: 'parties.mpol', line: 7, column: 1, endLine: 7, endColumn: 1, text: 'party Provder "TODO"\n' }] },
        ],
      },
    ]);
  });

  it('includes notes with their own locations', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'parties.mpol'), readFileSync(path.join(exampleFolder, 'parties.mpol'), 'utf8') + 'party Operator "again"\n');
    const run = runCli(['check', '--format', 'json', '.'], folder);
    const diagnostics = JSON.parse(run.stdout) as { code: string; line: number; notes: unknown }[];
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-declaration');
    expect(duplicate?.line).toBe(12);
    expect(duplicate?.notes).toEqual([{ file: 'parties.mpol', line: 4, column: 7, endLine: 4, endColumn: 15, message: expect.any(String) }]);
  });

  it('prints an array with no errors for a clean policy', () => {
    const run = runCli(['check', '--format', 'json', '.'], exampleCopy());
    const diagnostics = JSON.parse(run.stdout) as { severity: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe('mpol check --format sarif', () => {
  it('prints a SARIF 2.1.0 log with the catalog as rules', () => {
    const run = runCli(['check', '--format', 'sarif', 'example.mpol'], brokenExample());
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('mpol');
    expect(sarifRun.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const rule = sarifRun.tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-name');
    expect(rule).toEqual({
      id: 'unknown-name',
      shortDescription: { text: 'a reference to a name the policy does not declare' },
      defaultConfiguration: { level: 'error' },
    });
    const errors = sarifRun.results.filter((r: { level: string }) => r.level === 'error');
    expect(errors).toHaveLength(1);
    const [result] = errors;
    expect(result.ruleId).toBe('unknown-name');
    expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe('unknown-name');
    expect(result.level).toBe('error');
    expect(result.message.text).toBe('unknown party `Provder`');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'example.mpol', uriBaseId: 'SRCROOT' },
      region: { startLine: 56, startColumn: 34, endLine: 56, endColumn: 41 },
    });
    expect(result.fixes[0]).toEqual({
      description: { text: 'replace `Provder` with `Provider`' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'example.mpol', uriBaseId: 'SRCROOT' },
          replacements: [{ deletedRegion: { startLine: 56, startColumn: 34, endLine: 56, endColumn: 41 }, insertedContent: { text: 'Provider' } }],
        },
      ],
    });
  });

  it('writes URIs with forward slashes, escaped', () => {
    const folder = brokenExample();
    const parent = path.dirname(folder);
    const run = runCli(['check', '--format', 'sarif', folder], parent);
    const log = JSON.parse(run.stdout);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unknown-name');
    const uri: string = result.locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe(`${encodeURIComponent(path.basename(folder))}/example.mpol`);
    expect(log.runs[0].originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
  });
});
