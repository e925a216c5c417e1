/**
 * Names that are properties of `Object.prototype` on the command line: in
 * a policy being simulated, and in `--cohort`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultText, plainNames, policyText } from '../hostile/names-policy.js';
import { exampleFolder, hasStackTrace, runCli, tempFolder } from './run-cli.js';

describe('names every object inherits', () => {
  it('simulates a policy whose step, check and cohort are called `toString`, `constructor` and `__proto__`', () => {
    const folder = tempFolder();
    const names = { ...plainNames, S1: 'toString', E2: 'constructor', C1: '__proto__' };
    writeFileSync(path.join(folder, 'names.mpol'), policyText(names));
    writeFileSync(path.join(folder, 'faults.json'), faultText(names, { step: false, check: false, artefact: true, party: true, undo: true }));
    const run = runCli(['simulate', 'names.mpol', '--json'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { populations: { cohort: string; installations: number }[] };
    expect(result.populations.map((population) => `${population.cohort} ${population.installations}`)).toEqual(['__proto__ 300', 'Nm_C2 100', 'Nm_C2 200']);
  });

  it('refuses `--cohort __proto__=5` for a policy without that cohort, instead of simulating nothing', () => {
    const run = runCli(['simulate', exampleFolder, '--cohort', '__proto__=5'], exampleFolder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--cohort __proto__=5: the policy has no cohort `__proto__`');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
