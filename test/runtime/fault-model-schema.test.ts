/**
 * The JSON Schema of fault models (`schemas/fault-model.schema.json`, for
 * editors) agrees with `validateFaultModel`: every model the validator
 * accepts, the schema accepts (the bundled models, the templates, the
 * documentation's examples, and random mutations of them), and every
 * mistake of shape the schema can express is refused by both. The
 * validator refuses more: names the policy lacks, `low > high`, sums
 * over 1, which a schema for every policy cannot know.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../compiler/index.js';
import { faultModelTemplate, validateFaultModel } from '../../runtime/index.js';
import { faultModelSchema } from '../../runtime/fault-model/schema.js';
import { fuzzRuns } from '../hostile/runs.js';

const repo = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(repo, 'schemas/fault-model.schema.json'), 'utf8')) as object;
const schemaValid = new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
const schemaAccepts = (json: unknown): boolean => schemaValid(json);

const folders = ['policies/example', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1'];
const policies = new Map(folders.map((folder) => [folder, loadPolicy(path.join(repo, folder))]));
const bundled = folders.map((folder) => [folder, JSON.parse(readFileSync(path.join(repo, folder, 'faults.json'), 'utf8')) as unknown] as const);
const validatorAccepts = (json: unknown, folder: string): boolean => validateFaultModel(json, policies.get(folder)!).errors.length === 0;

describe('the JSON Schema of fault models', () => {
  it('is the file npm run generate writes, from runtime/fault-model/schema.ts', () => {
    const written = readFileSync(path.join(repo, 'schemas/fault-model.schema.json'), 'utf8');
    expect(written, 'schemas/fault-model.schema.json is out of date: run `npm run generate` and commit the result').toBe(`${JSON.stringify(faultModelSchema(), null, 2)}\n`);
  });

  it('is shipped with the package and named in the documentation', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain('schemas');
    expect(pkg.exports['./fault-model.schema.json']).toBe('./schemas/fault-model.schema.json');
    expect(readFileSync(path.join(repo, 'docs/fault-model.md'), 'utf8')).toContain('schemas/fault-model.schema.json');
  });

  for (const [folder, model] of bundled) {
    it(`accepts the bundled fault model of ${folder}, as the validator does`, () => {
      expect(validatorAccepts(model, folder)).toBe(true);
      expect(schemaAccepts(model), JSON.stringify(schemaValid.errors)).toBe(true);
    });

    it(`accepts the template of ${folder}, as the validator does`, () => {
      const template = JSON.parse(JSON.stringify({ $schema: '../schemas/fault-model.schema.json', ...faultModelTemplate(policies.get(folder)!) })) as unknown;
      expect(validatorAccepts(template, folder)).toBe(true);
      expect(schemaAccepts(template), JSON.stringify(schemaValid.errors)).toBe(true);
    });
  }

  // Mistakes of shape, each refused by both: for the example policy, whose names they use.
  const mistakes: Record<string, unknown> = {
    'an unknown top-level key': { step: {} },
    'a model that is not an object': [],
    'a probability over 1': { steps: { Commission: { transient: 1.5 } } },
    'a negative probability': { checks: { EX003: { fail: -0.1 } } },
    'a probability written as text': { defaults: { check: { fail: '0.1' } } },
    'a misspelt key of a step': { steps: { Commission: { transiant: 0.1 } } },
    'codes in the default step': { defaults: { step: { codes: {} } } },
    '`after` in the default artefact': { defaults: { artefact: { after: 'Manifest' } } },
    'a duration without a unit': { defaults: { step: { duration: '10' } } },
    'a duration in hours and minutes the wrong way': { defaults: { undo: { duration: '1.5h' } } },
    'a negative duration': { defaults: { undo: { duration: -1 } } },
    'a fractional millisecond': { defaults: { undo: { duration: 1.5 } } },
    'a uniform range of one value': { defaults: { step: { duration: { uniform: ['1s'] } } } },
    'two distributions at once': { defaults: { step: { duration: { uniform: ['1s', '2s'], exponential: '1s' } } } },
    'an unknown distribution': { defaults: { step: { duration: { normal: '1s' } } } },
    'a fractional installation count': { cohorts: { IOC: 1.5 } },
    'a negative installation count': { cohorts: { IOC: -1 } },
    'a field spec of two kinds': { installation: { epclListed: { bool: 0.5, value: true } } },
    'a field spec of no kind': { installation: { epclListed: {} } },
    'an unknown field spec kind': { installation: { epclListed: { boolean: 0.5 } } },
    'a negative enumeration weight': { installation: { type: { enum: { Active: -1 } } } },
    'an enumeration without members': { installation: { type: { enum: {} } } },
    'a fractional integer bound': { installation: { meters: { integer: [1.5, 3] } } },
    'a campaign without capacity': { campaign: {} },
    'a capacity without a daily figure': { campaign: { capacity: {} } },
    'a daily capacity of 0': { campaign: { capacity: { daily: 0 } } },
    'a working day that is not one': { campaign: { capacity: { daily: 1 }, calendar: { workingDays: ['Monday'] } } },
    'no working day': { campaign: { capacity: { daily: 1 }, calendar: { workingDays: [] } } },
    'a working day twice': { campaign: { capacity: { daily: 1 }, calendar: { workingDays: ['Mon', 'Mon'] } } },
    'a start that is not a date': { campaign: { capacity: { daily: 1 }, calendar: { start: '4 Jan 2021' } } },
    'a party resubmission delay without its delay': { campaign: { capacity: { daily: 1 }, resubmission: { responsible: { Provider: {} } } } },
  };
  for (const [what, model] of Object.entries(mistakes)) {
    it(`refuses ${what}, as the validator does`, () => {
      expect(validatorAccepts(model, 'policies/example')).toBe(false);
      expect(schemaAccepts(model)).toBe(false);
    });
  }

  it('accepts every model the validator accepts, among random changes to the bundled ones', () => {
    // One change at a random place: a value replaced, a key removed, or a key added.
    const changed = fc.tuple(fc.constantFrom(...bundled), fc.nat(), fc.oneof(fc.constant({ kind: 'remove' as const }), fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('transient', 'fail', 'delay', 'duration', 'uniform', 'exponential', 'value', 'bool', 'enum', 'daily', 'never', 'x'), value: fc.jsonValue({ maxDepth: 2 }) })));
    fc.assert(
      fc.property(changed, ([[folder, model], at, change]) => {
        const copy = structuredClone(model) as Record<string, unknown>;
        const places = objectsIn(copy);
        const place = places[at % places.length]!;
        const keys = Object.keys(place);
        if (change.kind === 'remove' && keys.length > 0) delete place[keys[at % keys.length]!];
        else if (change.kind === 'set') place[keys.length > 0 && at % 2 === 0 ? keys[at % keys.length]! : change.key] = change.value;
        if (validatorAccepts(copy, folder)) expect(schemaAccepts(copy), `${JSON.stringify(copy)}\n${JSON.stringify(schemaValid.errors)}`).toBe(true);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

/** Every object within `value`, itself included. */
function objectsIn(value: unknown): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object') return [];
  const children = Object.values(value).flatMap(objectsIn);
  return Array.isArray(value) ? children : [value as Record<string, unknown>, ...children];
}
