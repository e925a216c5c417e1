import { describe, expect, it } from 'vitest';
import { migrate, missingHandlers } from 'mpol/runtime';
import { failAlways, failPermanently, handlers, pass, reject, resolveBy, succeed, undoOk } from 'mpol/runtime/testing';
import { policy as example, type Installation } from '../../emit/golden/example.js';
import { check, incident, policy, step } from '../builder.js';

const installation: Installation = { type: 'Active', epclListed: true, firmware: '1.2', meters: 2, outage: 0 };
const namesOf = (table: object): Record<string, string[]> =>
  Object.fromEntries(Object.entries(table).map(([group, named]) => [group, Object.keys(named as object)]));

describe('handlers(policy, overrides)', () => {
  it('gives every handler the policy may call, whatever the guards', () => {
    const table = handlers(example);
    expect(missingHandlers(example, table)).toEqual([]);
    expect(namesOf(table)).toEqual({
      steps: ['GenerateFile', 'SwitchAccount', 'RotateKeys', 'Commission', 'UpdateInventory'],
      checks: ['EX003'],
      undos: ['SwitchBack'],
      arrivals: ['TransferFiles'],
      incidents: ['UpdateInventory'],
    });
  });

  it('defaults to the happy path: everything succeeds at once', async () => {
    for (const membership of [{ cohort: 'IOC' }, { cohort: 'MOC_Secure', group: 'DA' }] as const) {
      const result = await migrate(example, installation, { ...membership, handlers: handlers(example) });
      expect(result.outcome).toEqual({ status: 'migrated', at: 0 });
    }
  });

  it('leaves incidents unresolved unless told who resolves them', async () => {
    const table = handlers(example);
    expect(await table.incidents.UpdateInventory({} as never)).toBeNull();
  });

  it('replaces only what the overrides name', () => {
    const commission = failAlways();
    const table = handlers(example, { steps: { Commission: commission }, checks: { EX003: reject() } });
    expect(table.steps.Commission).toBe(commission);
    expect(table.steps.GenerateFile({} as never)).toEqual({ status: 'ok' });
    expect(table.checks.EX003({} as never)).toBe(false);
  });

  it('keeps the default for an override left undefined', () => {
    expect(handlers(example, { steps: { Commission: undefined } }).steps.Commission).toBeTypeOf('function');
  });

  it('makes fresh handlers on each call', () => {
    const first = handlers(example);
    first.steps.Commission({} as never);
    expect(handlers(example).steps.Commission).not.toBe(first.steps.Commission);
  });

  it('throws on an override the policy never calls', () => {
    expect(() => handlers(example, { checks: { EX001: pass() } } as never)).toThrow(
      'handlers: the policy never calls `checks.EX001`; it calls `EX003`',
    );
    const plain = policy([step('S')]);
    expect(() => handlers(plain, { undos: { Undo: undoOk() } })).toThrow(
      'handlers: the policy never calls `undos.Undo`; it calls none',
    );
    expect(() => handlers(plain, { step: { S: succeed() } } as never)).toThrow('`step` is not a handler group');
  });

  it('works for hand-built policies, whatever their names', async () => {
    const odd = policy([check('X', null), step('toString'), step('__proto__', { onFailure: incident(['P'], 'continue', 'E') })]);
    // A computed key, since `__proto__:` in an object literal sets the prototype instead.
    const table = handlers(odd, { steps: { ['__proto__']: failPermanently() }, incidents: { ['__proto__']: resolveBy('P', '1h') } });
    expect(missingHandlers(odd, table)).toEqual([]);
    const result = await migrate(odd, {}, { cohort: 'C', handlers: table });
    expect(result.outcome).toEqual({ status: 'migrated', at: 3_600_000 });
  });

  it('types overrides by the policy it is given', () => {
    // @ts-expect-error: the policy has no step `Comission`.
    expect(() => handlers(example, { steps: { Comission: succeed() } })).toThrow('never calls `steps.Comission`');
    // @ts-expect-error: only Provider and Inventory resolve this incident.
    handlers(example, { incidents: { UpdateInventory: resolveBy('Supplier') } });
  });
});
