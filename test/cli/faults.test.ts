/**
 * `mpol faults`: a complete fault model with neutral values, which
 * validates, simulates and names the shipped JSON Schema; and `simulate`
 * refusing a model that leaves installation fields without values.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, runCli } from './run-cli.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('mpol faults', () => {
  it('prints a model whose $schema is the shipped schema, relative to the working folder', () => {
    const run = runCli(['faults', 'policies/example'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const model = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(model['$schema']).toBe('schemas/fault-model.schema.json');
    expect(Object.keys(model)).toEqual(['$schema', 'description', 'defaults', 'steps', 'checks', 'artefacts', 'parties', 'undos', 'cohorts', 'installation']);
  });

  it('writes --out, whose model simulates with every installation migrating', () => {
    const folder = exampleCopy();
    rmSync(path.join(folder, 'faults.json'));
    const written = runCli(['faults', '.', '--out', 'models/template.json'], folder);
    expect(written.stderr).toBe('');
    expect(written.stdout).toBe('wrote models/template.json: a fault model with neutral values; replace them with measured or assumed ones\n');
    const model = JSON.parse(readFileSync(path.join(folder, 'models/template.json'), 'utf8')) as Record<string, unknown>;
    expect(existsSync(path.resolve(folder, 'models', model['$schema'] as string))).toBe(true);
    const simulated = runCli(['simulate', '.', '--faults', 'models/template.json', '--format', 'json'], folder);
    expect(simulated.stderr).toBe('');
    const result = JSON.parse(simulated.stdout) as { installations: number; total: { outcomes: { migrated: number } } };
    expect(result.installations).toBe(3000);
    expect(result.total.outcomes.migrated).toBe(3000);
  });

  it('does not replace an existing file without --force', () => {
    const folder = exampleCopy();
    const before = readFileSync(path.join(folder, 'faults.json'), 'utf8');
    const refused = runCli(['faults', '.', '--out', 'faults.json'], folder);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("mpol: error: 'faults.json' exists; it may be a fault model someone measured. Give another --out, or --force to replace it\n");
    expect(readFileSync(path.join(folder, 'faults.json'), 'utf8')).toBe(before);
    expect(runCli(['faults', '.', '--out', 'faults.json', '--force'], folder).status).toBe(0);
    expect(readFileSync(path.join(folder, 'faults.json'), 'utf8')).not.toBe(before);
  });

  it('refuses a policy with errors as check shows them', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'codes.mpol'), 'error EX001 "broken');
    const run = runCli(['faults', '.'], folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
  });
});

describe('mpol simulate without values for installation fields', () => {
  const message =
    'mpol: error: the fault model gives no values for the installation fields `type`, `epclListed`, `firmware`, `meters`, `outage`: ' +
    'every installation would leave them undefined, failing or skipping whatever reads them.';

  it('is refused without a fault model, naming the fields and mpol faults, with nothing on standard output', () => {
    const folder = exampleCopy();
    rmSync(path.join(folder, 'faults.json'));
    const run = runCli(['simulate', '.', '--cohort', 'IOC=100'], folder);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).toContain('`mpol faults`');
  });

  it('is refused with a fault model that says nothing about them, for a campaign too', () => {
    const folder = exampleCopy();
    writeFileSync(path.join(folder, 'faults.json'), JSON.stringify({ cohorts: { IOC: 10 }, campaign: { capacity: { daily: 5 } } }));
    for (const args of [[], ['--campaign']]) {
      const run = runCli(['simulate', '.', ...args], folder);
      expect(run.status).toBe(2);
      expect(run.stderr.startsWith(message)).toBe(true);
    }
  });
});
