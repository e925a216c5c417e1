/**
 * Handlers cannot reach past their guard: a result is read once, inside the
 * guard, into a snapshot; handlers get frozen copies of the run's state and
 * a read-only view of the installation; a resolved result never changes; a
 * synchronous handler that overran the guard is a timed-out attempt; and
 * every misuse of `migrate` or `simulate` is a `MigrationUsageError`.
 */
import { describe, expect, it } from 'vitest';
import { MigrationUsageError, migrate, simulate, VirtualClock, type StepContext, type StepHandler, type StepResult } from '../../runtime/index.js';
import { deadline, fail, incident, ms, policy, retry, rows, run, step, type Inst } from './builder.js';

const retries = { Five: retry({ tiers: ['2 every 5m'] }) };
const retried = policy([step('S', { retry: 'Five', mayFail: ['M1'] })], { retries });

/** A step handler answering `first` on its first call and `{ status: 'ok' }` after. */
function firstThen(first: () => unknown): StepHandler<Inst> {
  let calls = 0;
  // The handler answers what a harness should not: that is the point.
  return (() => (calls++ === 0 ? first() : { status: 'ok' })) as StepHandler<Inst>;
}

describe("a handler's result", () => {
  it('whose getter throws is a failed attempt, never the run rejecting with the handler’s error', async () => {
    for (const field of ['status', 'duration', 'code', 'detail']) {
      const result = { status: 'permanent', code: 'M1', duration: 0, detail: 'x' };
      Object.defineProperty(result, field, { get: () => { throw new Error(`no ${field}`); } });
      const outcome = await run(retried, { steps: { S: firstThen(() => result) } });
      expect(rows(outcome)[1]).toBe(`0s transient S #1 (reading its result threw \`no ${field}\`)`);
      expect(outcome.outcome.status).toBe('migrated');
    }
  });

  it('is read once: a duration that reads 5 then NaN ends the attempt at 5', async () => {
    let reads = 0;
    const result = { status: 'ok', get duration() { return reads++ === 0 ? 5 : NaN; } };
    const outcome = await run(retried, { steps: { S: () => result as never } });
    expect(outcome.outcome).toEqual({ status: 'migrated', at: 5 });
    expect(reads).toBe(1);
  });

  it('is read once: a status that reads `ok` then `bogus` puts no undocumented event in the timeline', async () => {
    let reads = 0;
    const result = { get status() { return reads++ === 0 ? 'ok' : 'bogus'; } };
    const outcome = await run(retried, { steps: { S: () => result as never } });
    expect(rows(outcome)).toEqual(['0s attempt S #1', '0s ok S #1', '0s migrated']);
  });

  it('behind a proxy, or in a promise of a promise that never settles, ends the attempt', async () => {
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(rows(await run(retried, { steps: { S: firstThen(() => trap) } }))[1]).toBe('0s transient S #1 (reading its result threw `trap`)');
    // A thenable that calls back with another thenable: read as an invalid result, not adopted and waited for.
    const nested = { then: (resolve: (value: unknown) => void) => resolve({ then: () => {} }) };
    const outcome = await run(retried, { steps: { S: firstThen(() => nested) } }, { handlerTimeoutMs: 60_000 });
    expect(rows(outcome)[1]).toBe('0s transient S #1 (invalid result: `status` is not `ok`, `transient` or `permanent`)');
  });

  it('keeps at most 500 characters of a detail, and refuses one that is not a string', async () => {
    const long = await run(retried, { steps: { S: () => ({ status: 'ok', detail: 'x'.repeat(10_000) }) } });
    expect(long.timeline[1]!.detail).toHaveLength(500);
    const wrong = await run(retried, { steps: { S: firstThen(() => ({ status: 'ok', detail: { toString: () => 'x' } })) } });
    expect(rows(wrong)[1]).toBe('0s transient S #1 (invalid result: `detail` is not a string)');
  });

  it('of other roles is read once inside the guard too', async () => {
    const throwing = (field: string) => Object.defineProperty({}, field, { get: () => { throw new Error(field); }, enumerable: true });
    const undo = policy([step('A', { undo: 'U' }), step('B', { onFailure: { kind: 'rollback', code: 'E' } })]);
    const undone = await run(undo, { steps: { A: () => ({ status: 'ok' }), B: () => ({ status: 'permanent' }) }, undos: { U: () => throwing('status') as never } });
    expect(undone.outcome).toMatchObject({ status: 'failed', failedUndo: 'U' });
    expect(rows(undone)).toContain('0s undo-failed A (U: reading its result threw `status`)');
    const raised = policy([step('A', { onFailure: incident(['P'], 'continue', 'E') })]);
    const unresolved = await run(raised, { steps: { A: () => ({ status: 'permanent' }) }, incidents: { A: () => throwing('at') as never } });
    expect(rows(unresolved)).toContain('0s unresolved A (reading its result threw `at`)');
  });
});

describe('what handlers are given', () => {
  it('is frozen: writing the membership cannot make a guarded step run for another group', async () => {
    const guarded = policy([step('A'), step('B', { guard: (_, membership) => membership.group === 'G' })]);
    const errors: unknown[] = [];
    const outcome = await run(guarded, {
      steps: {
        A: (context) => {
          try {
            (context.membership as { group: string | null }).group = 'G';
          } catch (error) {
            errors.push(error);
          }
          return { status: 'ok' };
        },
        B: () => ({ status: 'ok' }),
      },
    });
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect(rows(outcome)).toContain('0s skip B');
  });

  it('is a copy: writing or deleting an artefact time cannot move or remove a later deadline', async () => {
    const flow = [step('A', { produces: ['X'] }), step('B'), step('C', { retry: 'Five', deadlines: [deadline('7m', 'X', fail('E'))] })];
    for (const tamper of [(artefacts: Record<string, number>) => (artefacts['X'] = -1e9), (artefacts: Record<string, number>) => delete artefacts['X']]) {
      const outcome = await run(policy(flow, { retries }), {
        steps: {
          A: () => ({ status: 'ok' }),
          B: (context) => {
            try {
              tamper(context.artefacts as Record<string, number>);
            } catch {
              // Frozen: the write throws in strict code, and changes nothing anyway.
            }
            return { status: 'ok' };
          },
          C: () => ({ status: 'transient' }),
        },
      });
      expect(outcome.outcome).toMatchObject({ status: 'failed', cause: 'deadline', at: ms('7m') });
    }
  });

  it('is a read-only view of the installation, so a guard reads what the caller gave', async () => {
    const installation = { tier: 'gold' };
    const guarded = policy([step('A'), step('B', { guard: (inst) => inst['tier'] === 'gold' })]);
    const outcome = await migrate(guarded, installation, {
      cohort: 'C',
      handlers: {
        steps: {
          A: (context: StepContext<Inst>) => {
            (context.installation as { tier: string }).tier = 'lead';
            return { status: 'ok' };
          },
          B: () => ({ status: 'ok' }),
        },
      },
    });
    expect(rows(outcome)[1]).toBe('0s transient A #1 (threw `\'set\' on proxy: trap returned falsish for property \'tier\'`)');
    expect(installation.tier).toBe('gold');
  });

  it('cannot change a result after `migrate` resolved, even from a handler that timed out and calls back', async () => {
    let late: ((result: StepResult) => void) | undefined;
    let seen: Readonly<Record<string, number>> | undefined;
    const flow = [step('A', { produces: ['X'] }), step('B', { retry: 'Five' })];
    const outcome = await run(policy(flow, { retries }), {
      steps: {
        A: () => ({ status: 'ok', duration: 10 }),
        B: (context) => {
          seen = context.artefacts;
          return new Promise<StepResult>((resolve) => (late = resolve));
        },
      },
    }, { handlerTimeoutMs: 5 });
    const before = JSON.stringify(outcome);
    late!({ status: 'ok', duration: 1 });
    expect(() => ((seen as Record<string, number>)['X'] = 0)).toThrow(TypeError);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.stringify(outcome)).toBe(before);
    expect(Object.isFrozen(outcome.artefacts)).toBe(true);
  });
});

describe('synchronous handlers', () => {
  it('that overrun the guard make a timed-out attempt, which is retried', async () => {
    const busy = firstThen(() => {
      const until = performance.now() + 60;
      while (performance.now() < until) {
        // Busy: the guard cannot interrupt this, only measure it.
      }
      return { status: 'ok' };
    });
    const outcome = await run(retried, { steps: { S: busy } }, { handlerTimeoutMs: 20 });
    expect(rows(outcome)[1]).toMatch(/^0s timeout S #1 \(ran synchronously for \d+ms, longer than the 20ms guard\)$/);
    expect(outcome.outcome).toEqual({ status: 'migrated', at: ms('5m') });
  });
});

describe('misuse of migrate', () => {
  const refusals: [string, Record<string, unknown>, string][] = [
    ['a guard of 2^31 ms', { handlerTimeoutMs: 2 ** 31 }, '`handlerTimeoutMs` must be a number of milliseconds above 0 and at most 2147483647, not 2147483648'],
    ['a symbol for a seed', { seed: Symbol('s') }, '`seed` must be a whole number from -9007199254740991, not a symbol'],
    ['an object with a throwing valueOf for a seed', { seed: { valueOf: () => { throw new Error('no'); } } }, '`seed` must be a whole number'],
    ['a symbol for a cohort', { cohort: Symbol('c') }, "`cohort` must be the name of one of the policy's cohorts, not a symbol"],
    ['null handler steps', { handlers: { steps: null } }, '`handlers.steps` must be an object of handlers, or left out'],
    ['a clock without methods', { clock: {} }, '`clock` must have `now()` and `waitUntil(time)` methods'],
    ['a group that is a number', { group: 7 }, '`group` must be the name of a group of the cohort, or null, not 7'],
  ];
  for (const [what, change, message] of refusals) {
    it(`refuses ${what} with a message`, async () => {
      const options = { cohort: 'C', handlers: { steps: { S: () => ({ status: 'ok' }) } }, ...change };
      const refused = await migrate(retried, {}, options as never).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MigrationUsageError);
      expect((refused as Error).message).toContain(message);
    });
  }

  it('refuses options that are not an object, and an option whose getter throws', async () => {
    await expect(migrate(retried, {}, null as never)).rejects.toThrow('`options` must be an object, not null');
    const sly = { cohort: 'C', handlers: {}, get seed(): number { throw new Error('sly'); } };
    await expect(migrate(retried, {}, sly as never)).rejects.toThrow('reading `options.seed` threw `sly`');
  });

  it('accepts a guard of 2^31 - 1 ms, which setTimeout honours', async () => {
    const outcome = await run(retried, { steps: { S: async () => ({ status: 'ok' as const }) } }, { handlerTimeoutMs: 2 ** 31 - 1 });
    expect(outcome.outcome.status).toBe('migrated');
  });

  it('refuses a clock that reads a time that is not finite, or throws', async () => {
    const clock = { now: () => NaN, waitUntil: () => undefined };
    await expect(run(retried, { steps: { S: () => ({ status: 'ok' }) } }, { clock })).rejects.toThrow('`clock.now()` returned NaN, not a finite time');
    const throwing = new (class extends VirtualClock {})(0);
    expect((await run(retried, { steps: { S: () => ({ status: 'ok' }) } }, { clock: throwing })).outcome.status).toBe('migrated');
  });
});

describe('misuse of simulate', () => {
  const faults = { steps: { S: { transient: 0.5 } } };
  const refusals: [string, Record<string, unknown>, string][] = [
    ['a symbol for a seed', { seed: Symbol('s'), cohorts: { C: 5 } }, '`seed` must be a whole number'],
    ['a BigInt count', { cohorts: { C: 5n } }, '`cohorts.C` must be a whole number from 0, not the BigInt 5n'],
    ['a symbol for a cohort of a generated installation', { installations: { count: 2, generate: () => ({ cohort: Symbol('c'), installation: {} }) } }, '`installations.generate(0).cohort` must be a cohort\'s name, not a symbol'],
    ['a generator that throws', { installations: { count: 2, generate: () => { throw new Error('gone'); } } }, '`installations.generate(0)` threw `gone`'],
    ['a progress callback that throws', { cohorts: { C: 5 }, onProgress: () => { throw new Error('drawn'); } }, '`onProgress` threw `drawn`'],
    ['null for the starting installation', { cohorts: { C: 5 }, installation: null }, '`installation` must be an object of field values, not null'],
    ['more installations than seeds', { cohorts: { C: 2 ** 32 + 1 } }, 'more than one simulation runs'],
  ];
  for (const [what, options, message] of refusals) {
    it(`refuses ${what} with a message`, async () => {
      const refused = await simulate(retried, { faults, ...options } as never).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MigrationUsageError);
      expect((refused as Error).message).toContain(message);
    });
  }
});
