// loadPolicy: a vitest harness tests a policy straight from its .mpol files,
// with no build step, and a policy it cannot use fails the test with the
// diagnostics `mpol check` would print.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy, PolicyLoadError } from 'mpol/compiler';
import { migrate } from 'mpol/runtime';
import { failAlways, handlers } from 'mpol/runtime/testing';

const repo = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-load-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('loadPolicy', () => {
  it('loads a policy folder as the runtime runs it, with no build step', async () => {
    const policy = loadPolicy('policies/example', { cwd: repo });
    expect(policy.name).toBe('Example');
    const installation = { type: 'Active', epclListed: true, firmware: '2.1', meters: 1, outage: 0 };
    const result = await migrate(policy, installation, { cohort: 'IOC', handlers: handlers(policy, { steps: { Commission: failAlways() } }) });
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'EX300', cause: 'exhausted' });
  });

  it('takes a root file, or a set of files, relative to the working folder by default', () => {
    expect(loadPolicy(path.join(repo, 'policies/mehrs/v2.1/mehrs.mpol')).version).toBe('2.1');
    expect(loadPolicy(['policies/example/example.mpol', 'policies/example/codes.mpol'], { cwd: repo }).name).toBe('Example');
  });

  it('fails with the rendered diagnostics of a policy with errors', () => {
    const folder = folderWith({ 'p.mpol': 'policy P version "1" "P"\nparty S1SP "Provider"\nparty S1SP "Again"\n' });
    let thrown: unknown;
    try {
      loadPolicy(folder);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyLoadError);
    const error = thrown as PolicyLoadError;
    expect(error.message).toContain(`loadPolicy: '${folder}' has`);
    expect(error.message).toContain('error[duplicate-declaration]: `S1SP` is declared more than once');
    expect(error.message).toContain('3 | party S1SP "Again"');
    expect(error.diagnostics.some((d) => d.code === 'duplicate-declaration')).toBe(true);
  });

  it('fails clearly for a path that does not exist, and for a folder of several policies', () => {
    expect(() => loadPolicy('policies/nope', { cwd: repo })).toThrow("loadPolicy: no such file or folder 'policies/nope'");
    expect(() => loadPolicy('policies/mehrs', { cwd: repo })).toThrow(/holds 2 policies \(policies\/mehrs\/v2\.0\/mehrs\.mpol, policies\/mehrs\/v2\.1\/mehrs\.mpol\)/);
  });

  it('loads the policy a fragment given alone belongs to', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mpol-load-'));
    folders.push(folder);
    mkdirSync(path.join(folder, 'example'));
    cpSync(path.join(repo, 'policies/example'), path.join(folder, 'example'), { recursive: true });
    expect(loadPolicy('example/codes.mpol', { cwd: folder }).name).toBe('Example');
  });
});
