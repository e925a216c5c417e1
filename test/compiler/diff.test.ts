// `mpol diff`: the semantic diff of two policy versions, keyed by ref.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, diffPolicies, formatDiffMarkdown, memoryHost, type PolicyModel } from '../../compiler/index.js';

const repo = path.resolve(import.meta.dirname, '../..');

function loadFolder(folder: string): Map<string, string> {
  const files = readdirSync(path.join(repo, folder)).filter((f) => f.endsWith('.mpol'));
  return new Map(files.map((f) => [`${folder}/${f}`, readFileSync(path.join(repo, folder, f), 'utf8')]));
}

function modelOf(files: Map<string, string>): PolicyModel {
  const result = checkWorkspace([...files.keys()], memoryHost(files));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.policies).toHaveLength(1);
  return result.policies[0]!.model;
}

const v20 = loadFolder('policies/mehrs/v2.0');
const v21 = loadFolder('policies/mehrs/v2.1');

const base = `
policy P version "1" "t"
section "1" "One"
section "2" "Two"
party A "a"
report R "r" to A
error E1 "e1" ref "1" { report R }
error E2 "e2" ref "1" { report R }
retry Slow ref "2" {
  tier short: 3 retries every 5m
  tier long: every 2h
  within 24h
}
migration {
  on failure fail E1
  step S ref "1" by A { retry Slow on exhausted fail E2 }
}
`;

function diffTexts(before: string, after: string) {
  return diffPolicies(modelOf(new Map([['p.mpol', before]])), modelOf(new Map([['p.mpol', after]])));
}

describe('diff', () => {
  it('ignores whitespace, comments and the order of declarations', () => {
    const lines = base.trim().split('\n');
    const shuffled = [lines[0], '// a comment', lines[5], lines[4], lines[3], '/* block */', ...lines.slice(6), lines[1], lines[2]]
      .map((line) => `   ${line}   `)
      .join('\n\n');
    expect(diffTexts(base, shuffled!)).toEqual([]);
  });

  it('gives a retry parameter with its old and new value under its section', () => {
    const after = base.replace('every 2h', 'every 30m').replace('within 24h', 'within 48h');
    expect(diffTexts(base, after)).toEqual([
      { ref: '2', kind: 'changed', subject: 'retry strategy `Slow`: tier `long` interval', before: '2h', after: '30m' },
      { ref: '2', kind: 'changed', subject: 'retry strategy `Slow`: total retry period', before: '24h', after: '48h' },
    ]);
  });

  it('names each way of resubmission', () => {
    const always = base.replace('error E2 "e2" ref "1" { report R }', 'error E2 "e2" ref "1" { report R resubmit }');
    const afterRollback = base.replace('error E2 "e2" ref "1" { report R }', 'error E2 "e2" ref "1" { report R resubmit after rollback }');
    expect(diffTexts(always, afterRollback)).toEqual([
      { ref: '1', kind: 'changed', subject: 'error `E2`: resubmission', before: 'allowed', after: 'allowed after a rollback' },
    ]);
    expect(diffTexts(base, afterRollback)[0]).toMatchObject({ before: 'not allowed', after: 'allowed after a rollback' });
  });

  it('reports added and removed rules, and a failure handler under its own ref', () => {
    const after = base.replace('on exhausted fail E2', 'on exhausted fail E1 ref "2"').replace(/error E2 .*\n/, '');
    expect(diffTexts(base, after)).toEqual([
      { ref: '1', kind: 'removed', subject: 'error `E2`', before: 'title: e2; reports: R; resubmission: not allowed', after: null },
      { ref: '1', kind: 'removed', subject: 'step `S`: when retries run out', before: 'fail E2', after: null },
      { ref: '2', kind: 'added', subject: 'step `S`: when retries run out', before: null, after: 'fail E1' },
    ]);
  });

  it('lists exactly the sections of Table 1 between MEHRS v2.0 and v2.1', () => {
    const sections = new Set(diffPolicies(modelOf(v20), modelOf(v21)).map((change) => change.ref));
    const table1 = ['2.3.2', '2.4.1.1', '2.4.4', '2.4.5', '2.5.1.1', '2.5.2', '2.5.4', '2.5.5', '2.5.6', '2.5.7', '2.5.8', '2.5.9', '2.5.10'];
    table1.push('2.6.2', '2.6.3', '2.6.4.1', '2.6.5', '2.6.6', '2.6.7', '3.1', '3.3', 'A.1');
    expect([...sections]).toEqual(table1);
  });

  it('finds no change between a version and itself', () => {
    expect(diffPolicies(modelOf(v21), modelOf(v21))).toEqual([]);
  });

  it('keeps policies/mehrs/CHANGES-v2.0-v2.1.md current', async () => {
    const before = modelOf(v20);
    const after = modelOf(v21);
    const markdown = formatDiffMarkdown(diffPolicies(before, after), before, after);
    await expect(markdown).toMatchFileSnapshot(path.join(repo, 'policies/mehrs/CHANGES-v2.0-v2.1.md'));
  });
});
