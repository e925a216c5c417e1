// `mpol simulate`: the policy compiled in memory and simulated from the command line.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../runtime/index.js';
import { repositoryPolicy } from '../docs/policies.js';
import { mainScript, runCli, tempFolder } from './run-cli.js';
import { childEnv } from '../child-env.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('mpol simulate', () => {
  it('prints a summary with the default fault model beside the policy', () => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=2000', '--cohort', 'MOC_Secure/DA=1000'], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Example 1\.0, seed 0: 3,000 installations\n/);
    expect(run.stdout).toContain('MOC_Secure/DA');
    expect(run.stderr).toBe('');
  });

  it('uses the default seed of the runtime API, so both give the same result', async () => {
    const run = runCli(['simulate', 'policies/example', '--cohort', 'IOC=300', '--json'], repo);
    const policy = repositoryPolicy('policies/example');
    const faults: unknown = JSON.parse(readFileSync(path.join(repo, 'policies/example/faults.json'), 'utf8'));
    const result = await simulate(policy, { faults, cohorts: { IOC: 300 } });
    expect(run.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('gives the same output, byte for byte, for the same seed', () => {
    const args = ['simulate', 'policies/mehrs/v2.1', '--cohort', 'MOC_Secure/DA=5000', '--seed', '42'];
    const first = runCli(args, repo);
    const again = runCli(args, repo);
    expect(again.stdout).toBe(first.stdout);
    const other = runCli([...args.slice(0, -1), '43'], repo);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it('prints the whole result as JSON', () => {
    const run = runCli(['simulate', 'policies/mehrs/v2.0', '--cohort', 'IOC=500', '--json'], repo);
    const result = JSON.parse(run.stdout) as { installations: number; total: { outcomes: Record<string, number> } };
    expect(result.installations).toBe(500);
    expect(run.stdout).toContain('"populations"');
  });

  it('names the bad field of an invalid fault model, with exit code 2', () => {
    const folder = tempFolder();
    const faults = path.join(folder, 'faults.json');
    writeFileSync(faults, JSON.stringify({ steps: { Commission: { transient: 1.5 }, Comission: {} } }));
    const run = runCli(['simulate', 'policies/example', '--faults', faults, '--cohort', 'IOC=10'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('steps.Commission.transient: expected a probability between 0 and 1, got 1.5');
    expect(run.stderr).toContain('steps.Comission: the policy has no step `Comission`; did you mean `Commission`?');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is wrong with a missing or malformed fault model file', () => {
    const folder = tempFolder();
    const missing = runCli(['simulate', 'policies/example', '--faults', path.join(folder, 'none.json')], repo);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the fault model');
    writeFileSync(path.join(folder, 'bad.json'), '{ "steps": ');
    const malformed = runCli(['simulate', 'policies/example', '--faults', path.join(folder, 'bad.json')], repo);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('is not valid JSON');
  });

  it('draws a progress bar on a terminal for a long run, and keeps it out of the output', () => {
    // util-linux's `script` gives the command a pseudo-terminal, as an interactive user would.
    const folder = tempFolder();
    const output = path.join(folder, 'summary.txt');
    const log = path.join(folder, 'terminal.log');
    const command = `${process.execPath} ${mainScript} simulate policies/mehrs/v2.1 --cohort MOC_Secure/DA=16000000 > ${output}`;
    const env = childEnv();
    const run = spawnSync('script', ['-qc', command, log], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/simulating \[[=-]+\] \d+% \| [\d]+\/16000000 installations/);
    const summary = readFileSync(output, 'utf8');
    expect(summary).toMatch(/^MEHRS 2\.1, seed 0: 16,000,000 installations\n/);
    expect(summary).not.toContain('\u001b');
  });

  it('refuses a malformed --cohort, an unknown cohort and a bad seed', () => {
    expect(runCli(['simulate', 'policies/example', '--cohort', 'IOC:10'], repo).stderr).toContain('--cohort takes COHORT=COUNT');
    const unknown = runCli(['simulate', 'policies/example', '--cohort', 'FOC=10'], repo);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('FOC');
    expect(runCli(['simulate', 'policies/example', '--seed', 'x'], repo).stderr).toContain('--seed takes a whole number');
  });
});
