/**
 * A fault model's installation fields against the policy's `installation`
 * block, the refusal to simulate installations whose declared fields have
 * no value (every check reading one would fail, and "migrated 0" would
 * look like a result), and the complete template `faultModelTemplate`
 * writes for a policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../compiler/index.js';
import { faultModelTemplate, fieldsWithoutValues, formatFaultModelErrors, simulate, simulateCampaign, validateFaultModel } from '../../runtime/index.js';
import { policy as example } from '../emit/golden/example.js';

const repo = path.resolve(import.meta.dirname, '../..');
const lines = (json: unknown): string[] => formatFaultModelErrors(validateFaultModel(json, example));
const exampleFaults = JSON.parse(readFileSync(path.join(repo, 'policies/example/faults.json'), 'utf8')) as { installation: Record<string, unknown> };

describe('installation fields in a fault model', () => {
  it('the compiled policy carries its installation schema', () => {
    expect(example.installation).toEqual({
      type: { type: 'enum', members: ['Active', 'Dormant', 'Mixed'] },
      epclListed: { type: 'bool' },
      firmware: { type: 'text' },
      meters: { type: 'number' },
      outage: { type: 'duration' },
    });
  });

  it('refuses a field the policy does not declare, with a suggestion', () => {
    expect(lines({ installation: { epclListd: { bool: 1 }, colour: { value: 'red' } } })).toEqual([
      'installation.epclListd: the policy has no installation field `epclListd`; did you mean `epclListed`?',
      'installation.colour: the policy has no installation field `colour`',
    ]);
  });

  it('refuses a spec that draws values the field cannot hold', () => {
    expect(
      lines({
        installation: {
          type: { bool: 0.5 },
          epclListed: { value: 'yes' },
          meters: { duration: ['0s', '1m'] },
          outage: { value: '2h' },
          firmware: { integer: [1, 2] },
        },
      }),
    ).toEqual([
      'installation.type.bool: `type` is an enumeration (Active | Dormant | Mixed); expected `enum` or `value`',
      'installation.epclListed.value: `epclListed` is a bool, got "yes"',
      'installation.meters.duration: `meters` is a number; expected `integer` or `number` or `value`',
      'installation.outage.value: `outage` is a duration (whole milliseconds), got "2h"',
      'installation.firmware.integer: `firmware` is text; expected `enum` or `value`',
    ]);
  });

  it('refuses an enumeration member the field does not list, with a suggestion', () => {
    expect(lines({ installation: { type: { enum: { Active: 1, Dormnt: 1, Gone: 1 } }, epclListed: { value: true } } })).toEqual([
      'installation.type.enum.Dormnt: `type` has no member `Dormnt`; did you mean `Dormant`?',
      'installation.type.enum.Gone: `type` has no member `Gone`; expected one of `Active`, `Dormant`, `Mixed`',
    ]);
    expect(lines({ installation: { type: { value: 'Gone' } } })).toEqual(['installation.type.value: `type` is an enumeration (Active | Dormant | Mixed), got "Gone"']);
  });

  it('accepts the bundled fault model, and values of every type', () => {
    expect(lines(exampleFaults)).toEqual([]);
    expect(lines({ installation: { type: { value: 'Mixed' }, epclListed: { value: false }, firmware: { enum: { '2.1': 1, '3.0': 1 } }, meters: { number: [0, 2.5] }, outage: { value: 60000 } } })).toEqual([]);
  });

  it('lists the declared fields nothing gives a value, in declaration order', () => {
    const model = validateFaultModel({ installation: { meters: { integer: [1, 2] } } }, example).model!;
    expect(fieldsWithoutValues(example.installation, model.installation, { type: 'Active' })).toEqual(['epclListed', 'firmware', 'outage']);
    expect(fieldsWithoutValues(undefined, model.installation, {})).toEqual([]);
  });
});

describe('simulating without values for the installation fields', () => {
  it('is refused, naming every field without a value and how to give one', async () => {
    const error = await simulate(example, { faults: {}, cohorts: { IOC: 10 } }).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.name).toBe('MigrationUsageError');
    expect(error?.message).toContain('no values for the installation fields `type`, `epclListed`, `firmware`, `meters`, `outage`');
    expect(error?.message).toContain('mpol faults');
  });

  it('is refused when only some fields are drawn, and names only those', async () => {
    const faults = { installation: { type: { value: 'Active' }, epclListed: { bool: 1 }, firmware: { value: '2.1' } } };
    await expect(simulate(example, { faults, cohorts: { IOC: 10 } })).rejects.toThrow(/no values for the installation fields `meters`, `outage`:/);
  });

  it('runs when the `installation` option gives the rest', async () => {
    const faults = { installation: { type: { value: 'Active' }, epclListed: { bool: 1 }, firmware: { value: '2.1' } } };
    const result = await simulate(example, { faults, cohorts: { IOC: 10 }, installation: { meters: 1, outage: 0 } });
    expect(result.total.outcomes.migrated).toBe(10);
  });

  it('is refused for a campaign too', async () => {
    const faults = { cohorts: { IOC: 10 }, campaign: { capacity: { daily: 5 } } };
    await expect(simulateCampaign(example, { faults })).rejects.toThrow(/no values for the installation fields `type`/);
  });

  it('is not checked for a policy written without its schema, nor for generated installations', async () => {
    const { installation: _fields, ...schemaless } = example;
    const result = await simulate(schemaless, { faults: {}, cohorts: { IOC: 3 } });
    expect(result.installations).toBe(3);
    const generated = await simulate(example, {
      faults: {},
      installations: { count: 2, generate: () => ({ cohort: 'IOC', installation: { type: 'Active' as const, epclListed: true, firmware: '2.1', meters: 1, outage: 0 } }) },
    });
    expect(generated.total.outcomes.migrated).toBe(2);
  });
});

describe('the fault-model template of a policy', () => {
  const bundled = ['policies/example', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1'].map((folder) => loadPolicy(path.join(repo, folder)));

  it('names every step with its codes, external check, awaited artefact, party resolving incidents, undo, population and field', () => {
    const template = faultModelTemplate(example) as Record<string, Record<string, unknown>>;
    expect(Object.keys(template)).toEqual(['description', 'defaults', 'steps', 'checks', 'artefacts', 'parties', 'undos', 'cohorts', 'installation']);
    expect(Object.keys(template.steps!)).toEqual(example.flow.filter((node) => node.kind === 'step').map((node) => (node.kind === 'step' ? node.name : '')));
    expect(template.steps!['Commission']).toEqual({ transient: 0, permanent: 0, duration: '0s', codes: { EX301: 0 } });
    expect(Object.keys(template.checks!)).toEqual(['EX003']);
    expect(Object.keys(template.artefacts!)).toEqual(['TransferFiles']);
    expect(Object.keys(template.parties!)).toEqual(['Provider', 'Inventory']);
    expect(Object.keys(template.undos!)).toEqual(['SwitchBack']);
    expect(Object.keys(template.cohorts!)).toEqual(['IOC', 'MOC_Secure', 'MOC_Secure/DA']);
    expect(Object.keys(template.installation!)).toEqual(Object.keys(example.installation!));
    expect(template.description).toMatch(/none is measured/);
  });

  it('gives fields values that pass the checks: an enumeration keeps only the members that do', () => {
    const template = faultModelTemplate(example) as { installation: Record<string, unknown> };
    expect(template.installation).toEqual({
      type: { enum: { Active: 1, Dormant: 0, Mixed: 1 } },
      epclListed: { bool: 1 },
      firmware: { value: '' },
      meters: { number: [1, 1] },
      outage: { duration: ['0s', '0s'] },
    });
  });

  for (const policy of bundled) {
    it(`validates against ${policy.name} ${policy.version} and simulates with nothing failing`, async () => {
      const template = JSON.parse(JSON.stringify(faultModelTemplate(policy))) as unknown;
      expect(formatFaultModelErrors(validateFaultModel(template, policy))).toEqual([]);
      const result = await simulate(policy, { faults: template });
      expect(result.installations).toBeGreaterThan(0);
      expect(result.total.outcomes.migrated).toBe(result.installations);
    });
  }
});
