/**
 * Whatever a fault model holds, validation ends in a list of errors (the
 * first hundred, and a count of the rest) or a model, in time linear in
 * its size: never an exception, a stack overflow or a hang. A model built
 * in code may hold getters, proxies, cycles, BigInts and deep nesting.
 */
import { describe, expect, it } from 'vitest';
import { drawInstallation, formatFaultModelErrors, SeededRandom, simulate, validateFaultModel, type FaultModelValidation } from '../../runtime/index.js';
import { depthLimit } from '../../runtime/fault-model/json.js';
import { policy } from '../emit/golden/example.js';

const validate = (json: unknown): FaultModelValidation => validateFaultModel(json, policy);
/** The example without its installation schema, as a policy written by hand: field names and values are not checked against it. */
const { installation: _fields, ...schemaless } = policy;
const validateUnchecked = (json: unknown): FaultModelValidation => validateFaultModel(json, schemaless);
const linesOf = (json: unknown): string[] => formatFaultModelErrors(validate(json));

/** `[[[...]]]` nested `depth` deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe('fault models nested too deep', () => {
  it('refuses 20,000 levels of arrays in `after` with one error, not a stack overflow', () => {
    const lines = linesOf({ artefacts: { TransferFiles: { after: nested(20_000) } } });
    expect(lines).toEqual([`artefacts.TransferFiles.after${'[0]'.repeat(depthLimit - 3)}: nested more than 32 levels deep`]);
  });

  it('refuses the same depth in a field value, which JSON output would otherwise overflow on', () => {
    const lines = linesOf(JSON.parse(`{"installation":{"firmware":{"value":${'['.repeat(20_000)}${']'.repeat(20_000)}}}}`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^installation\.firmware\.value(\[0\])+: nested more than 32 levels deep$/);
  });

  it('accepts values nested less deeply', () => {
    expect(validateUnchecked({ installation: { firmware: { value: nested(20) } } }).errors).toEqual([]);
  });
});

describe('fault models built in code', () => {
  it('turns getters that throw, proxies, cycles and values that are not JSON into errors at their paths', () => {
    const cyclic: Record<string, unknown> = { transient: 0.1 };
    cyclic['cohorts'] = { IOC: cyclic };
    const getter = { get transient(): number { throw new Error('no rates today'); } };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(linesOf({ steps: { Commission: getter } })).toEqual(['steps.Commission: reading it threw `no rates today`']);
    expect(linesOf({ steps: { Commission: proxy } })).toEqual(['steps.Commission: reading it threw `trap`']);
    expect(linesOf({ steps: { Commission: cyclic } })).toEqual(['steps.Commission.cohorts.IOC: contains itself']);
    expect(linesOf({ steps: { Commission: { transient: 10n } } })).toEqual(['steps.Commission.transient: expected JSON data, got the BigInt 10n']);
    expect(linesOf({ steps: { Commission: { transient: Symbol('p') } } })).toEqual(['steps.Commission.transient: expected JSON data, got a symbol']);
    expect(linesOf({ cohorts: new Map([['IOC', 5]]) })).toEqual(['cohorts: expected JSON data, got a Map']);
    expect(linesOf({ steps: { Commission: { transient: () => 0.1 } } })).toEqual(['steps.Commission.transient: expected JSON data, got a function']);
  });

  it('reads each value once, so a getter cannot change its answer between checking and use', () => {
    let reads = 0;
    const sly = { get transient(): number { return reads++ === 0 ? 0.1 : 5; } };
    const validation = validate({ steps: { Commission: sly } });
    expect(validation.errors).toEqual([]);
    expect(reads).toBe(1);
    expect(validation.model!.steps['Commission']!.base.transient).toBe(0.1);
  });

  it('shares an object between two places, which is not a cycle', () => {
    const rates = { transient: 0.1 };
    expect(validate({ steps: { Commission: rates, RotateKeys: rates } }).errors).toEqual([]);
  });
});

describe('huge fault models', () => {
  it('stops after the first hundred errors, counting the rest, and finds them in linear time', () => {
    const steps = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`Comission${index}`, {}]));
    const validation = validate({ steps });
    expect(validation.errors).toHaveLength(100);
    expect(validation.omitted).toBe(49_900);
    expect(validation.errors[0]).toEqual({ path: 'steps.Comission0', message: 'the policy has no step `Comission0`; did you mean `Commission`?' });
    expect(formatFaultModelErrors(validation).at(-1)).toBe('and 49,900 more errors');
  });

  it('refuses more installation fields than the limit with one error', () => {
    const installation = Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`field${index}`, { value: index }]));
    expect(linesOf({ installation })).toEqual(['installation: 1,001 fields, more than the limit of 1,000']);
  });

  it('refuses an enumeration of more members than the limit', () => {
    const members = Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`M${index}`, 1]));
    expect(linesOf({ installation: { type: { enum: members } } })).toEqual(['installation.type.enum: 1,001 members, more than the limit of 1,000']);
  });

  it('simulates an enumeration at the limit', async () => {
    const members = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`M${index}`, 1]));
    const result = await simulate(schemaless, { faults: { installation: { type: { enum: members } } }, cohorts: { IOC: 100 } });
    expect(result.installations).toBe(100);
  });

  it('shows a key that is not a plain name quoted, and a very long one shortened', () => {
    expect(linesOf({ steps: { 'a.b c': {} } })[0]).toBe('steps["a.b c"]: the policy has no step `a.b c`');
    const long = 'x'.repeat(5000);
    expect(linesOf({ steps: { [long]: {} } })[0]).toBe(`steps["${'x'.repeat(57)}..."]: the policy has no step \`${'x'.repeat(57)}...\``);
  });
});

describe('special names in a fault model', () => {
  it('draws an installation field called `__proto__` like any other', () => {
    const validation = validateUnchecked(JSON.parse('{ "installation": { "__proto__": { "value": "kept" }, "type": { "value": "Active" } } }'));
    expect(validation.errors).toEqual([]);
    const installation = drawInstallation(validation.model!.installation, {}, new SeededRandom(1));
    expect(Object.hasOwn(installation, '__proto__')).toBe(true);
    expect(Object.keys(installation)).toEqual(['__proto__', 'type']);
    expect(installation['__proto__']).toBe('kept');
  });
});
