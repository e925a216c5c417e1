/**
 * Random fault models: the example's own, with hostile values put in at
 * random places (deep nesting, huge objects and arrays, NaN and Infinity,
 * BigInts, symbols, getters that throw, proxies, cycles, `__proto__` keys,
 * long strings). Validation always returns (never throws), keeps at most a
 * hundred short errors, and a model it accepts simulates to a result that
 * serialises, or a usage error: never anything else.
 *
 * `MPOL_FUZZ_RUNS=1000 npx vitest run test/hostile/fault-models.test.ts` hunts longer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MigrationUsageError, simulate, validateFaultModel } from '../../runtime/index.js';
import { policy } from '../emit/golden/example.js';
import { expectBoundedHeap } from './heap.js';
import { fuzzRuns } from './runs.js';

const base = readFileSync(path.resolve(import.meta.dirname, '../../policies/example/faults.json'), 'utf8');

const places = [
  '', 'defaults', 'defaults.step', 'defaults.step.duration', 'defaults.check.fail', 'steps', 'steps.Commission', 'steps.Commission.transient',
  'steps.Commission.duration', 'steps.Commission.duration.uniform', 'steps.Commission.codes', 'steps.Commission.codes.EX301', 'steps.Commission.cohorts',
  'steps.Commission.cohorts.MOC_Secure/DA', 'checks.EX003', 'checks.EX003.fail', 'artefacts.TransferFiles.after', 'artefacts.TransferFiles.delay',
  'artefacts.TransferFiles.delay.exponential', 'parties.Inventory', 'parties.Inventory.unresolved', 'undos.SwitchBack', 'cohorts', 'cohorts.IOC',
  'installation', 'installation.type', 'installation.type.enum', 'installation.meters.integer', 'installation.firmware.value', 'installation.__proto__',
];

function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

const hostileArb: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => () => value),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 2 ** 53, 0.5, 1, 0, '', '5m', '1h30m', '999999999999999d', 'x'.repeat(100_000), null, true).map((value) => () => value),
  fc.bigInt().map((value) => () => value),
  fc.integer({ min: 25, max: 40 }).map((depth) => () => nested(depth)),
  fc.constant(() => nested(20_000)),
  fc.constant(() => Symbol('s')),
  fc.constant(() => () => 1),
  fc.constant(() => new Map([['IOC', 1]])),
  fc.constant(() => new Date(0)),
  fc.constant(() => ({ get transient(): number { throw new Error('getter'); } })),
  fc.constant(() => new Proxy({}, { ownKeys: () => { throw new Error('trap'); } })),
  fc.constant(() => new Proxy({ transient: 0.1 }, { get: () => { throw new Error('get trap'); } })),
  fc.constant(() => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    return cycle;
  }),
  fc.constant(() => JSON.parse('{ "__proto__": { "value": 1 }, "constructor": { "bool": 0.5 } }') as unknown),
  fc.constant(() => new Array(100_000).fill(0)),
  fc.constant(() => Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`k${index}`, index]))),
);

/** Puts `value` at `place` in `model`, making the objects on the way. */
function put(model: Record<string, unknown>, place: string, value: unknown): Record<string, unknown> {
  if (place === '') return value as Record<string, unknown>;
  // A root replaced by something else before: start over from an empty model.
  if (typeof model !== 'object' || model === null || Array.isArray(model) || !Object.isExtensible(model)) model = Object.create(null) as Record<string, unknown>;
  const keys = place.split('.');
  let holder: Record<string, unknown> = model;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(holder, key) ? holder[key] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next) || !Object.isExtensible(next) || Object.getPrototypeOf(next) !== Object.prototype) {
      Object.defineProperty(holder, key, { value: Object.create(null), enumerable: true, writable: true, configurable: true });
    }
    holder = holder[key] as Record<string, unknown>;
  }
  Object.defineProperty(holder, keys[keys.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return model;
}

describe('random fault models', () => {
  it('validate to a model or at most a hundred short errors, and simulate to a result or a usage error', async () => {
    await expectBoundedHeap(() => fc.assert(
      fc.asyncProperty(fc.array(fc.record({ place: fc.constantFrom(...places), value: hostileArb }), { minLength: 1, maxLength: 3 }), async (changes) => {
        let model = JSON.parse(base) as Record<string, unknown>;
        for (const { place, value } of changes) {
          try {
            model = put(model, place, value());
          } catch {
            // An earlier change made the way there unreadable (a proxy that throws): that change stands alone.
          }
        }
        const validation = validateFaultModel(model, policy);
        expect(validation.errors.length).toBeLessThanOrEqual(100);
        for (const error of validation.errors) {
          expect(typeof error.path).toBe('string');
          expect(error.message.length + error.path.length).toBeLessThan(400);
        }
        if (validation.model === null) {
          expect(validation.errors.length).toBeGreaterThan(0);
          return;
        }
        const outcome = await simulate(policy, { faults: model, cohorts: { IOC: 20, 'MOC_Secure/DA': 20 }, seed: 1 }).catch((error: unknown) => error);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(MigrationUsageError);
        else expect(JSON.parse(JSON.stringify(outcome)).installations).toBe(40);
      }),
      { numRuns: fuzzRuns(60) },
    ));
  }, 60_000);
});
