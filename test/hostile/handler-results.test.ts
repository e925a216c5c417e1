/**
 * Random handler results in every role: plain values valid and not, objects
 * whose getters change their answer or throw, proxies, thenables that call
 * back twice, reject, resolve with another thenable or never settle,
 * handlers that write to what they are given or keep it for later, and
 * junk. Every run ends in one documented outcome, with a timeline of
 * documented events in time order, within the guard's time (or, when
 * times that each fit add up past 2^53 − 1 ms, the one usage error that
 * says so); nothing a handler does later changes the result; and the heap
 * is no larger after the runs than a bound.
 *
 * `MPOL_FUZZ_RUNS=2000 npx vitest run test/hostile/handler-results.test.ts` hunts longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationUsageError, type HandlerTable, type MigrationResult, type TimelineKind } from '../../runtime/index.js';
import { deadline, fail, incident, policy, retry, rollback, step, type Inst } from '../runtime/builder.js';
import { expectBoundedHeap } from './heap.js';
import { fuzzRuns } from './runs.js';

const documented: readonly TimelineKind[] = [
  'skip', 'check-passed', 'check-failed', 'await', 'arrival', 'no-arrival', 'attempt', 'ok', 'transient', 'timeout', 'permanent', 'wait',
  'exhausted', 'deadline', 'commit', 'incident', 'resolved', 'unresolved', 'rollback', 'undo', 'undone', 'undo-failed', 'omitted',
  'migrated', 'failed', 'rolled-back',
];

/** Every role in one flow: an external check, an awaited artefact with a deadline, retries, an undo, a rollback, an incident. */
const flow = policy(
  [
    { kind: 'check', code: 'K', ref: null, stage: null, party: null, guard: null, predicate: null },
    step('A', { produces: ['X'], undo: 'UA', retry: 'R', mayFail: ['M'] }),
    step('B', { await: 'Y', deadlines: [deadline('2h', 'X', incident(['P', 'Q'], 'retry', 'E2'))], retry: 'R', onExhausted: rollback('E3') }),
    step('C', { guard: (_, membership) => membership.group === 'G', onFailure: incident(['P', 'Q'], 'continue', 'E4'), retry: 'R' }),
  ],
  { retries: { R: retry({ tiers: ['3 every 5m'], timeout: '20m' }) } },
);

type Maker = () => unknown;

/** A value in the role's own shape, sometimes valid. */
const validArb: fc.Arbitrary<Maker> = fc.oneof(
  fc.record({ status: fc.constantFrom('ok', 'transient', 'permanent', 'failed', 'bogus'), duration: fc.option(fc.constantFrom(0, 60_000, -1, NaN, Infinity, 1e300, Number.MAX_SAFE_INTEGER, 2 ** 53), { nil: undefined }), code: fc.option(fc.constantFrom('M', 'Z', 7), { nil: undefined }), detail: fc.option(fc.constantFrom('fine', 'x'.repeat(5000), 3), { nil: undefined }) }).map((value) => () => ({ ...value })),
  fc.constantFrom(true, false, null, undefined, 0, 3_600_000, -5, NaN, 'ok', Symbol.iterator, 10n, Number.MAX_SAFE_INTEGER, 2 ** 53).map((value) => () => value),
  fc.record({ resolvedBy: fc.constantFrom('P', 'Q', 'Z', undefined), at: fc.constantFrom(0, 1_800_000, NaN, -1, Number.MAX_SAFE_INTEGER, -(2 ** 53)) }).map((value) => () => ({ ...value })),
);

/** A result that reads differently each time, or throws when read. */
const slyArb: fc.Arbitrary<Maker> = fc.tuple(fc.constantFrom('status', 'duration', 'code', 'detail', 'at', 'resolvedBy', 'then'), fc.constantFrom('flip', 'throw')).map(
  ([field, kind]) =>
    () => {
      let reads = 0;
      const answers: Record<string, unknown[]> = { status: ['ok', 'bogus'], duration: [5, NaN], code: ['M', 'Z'], detail: ['a', {}], at: [5, NaN], resolvedBy: ['P', 'Z'], then: [undefined, () => {}] };
      const base: Record<string, unknown> = { status: 'ok', resolvedBy: 'P', at: 5 };
      return Object.defineProperty(base, field, {
        enumerable: true,
        get: () => {
          if (kind === 'throw') throw new Error(`sly ${field}`);
          return answers[field]![Math.min(reads++, 1)];
        },
      });
    },
);

const proxyArb: fc.Arbitrary<Maker> = fc.constantFrom<Maker>(
  () => new Proxy({}, { get: () => { throw new Error('get trap'); } }),
  () => new Proxy({ status: 'ok' }, { get: (target, key) => (key === 'then' ? undefined : Reflect.get(target, key)) }),
  () => new Proxy({}, { getPrototypeOf: () => { throw new Error('proto trap'); } }),
);

/** Thenables that misbehave; `inner` is what they call back with. */
const thenableArb = (inner: fc.Arbitrary<Maker>): fc.Arbitrary<Maker> =>
  fc.tuple(fc.constantFrom('resolve', 'twice', 'reject', 'nested', 'never', 'throws'), inner).map(([kind, value]) => () => {
    switch (kind) {
      case 'resolve':
        return Promise.resolve(value());
      case 'twice':
        return { then: (ok: (v: unknown) => void) => { ok(value()); ok({ status: 'bogus' }); } };
      case 'reject':
        return Promise.reject(new Error('rejected'));
      case 'nested':
        return { then: (ok: (v: unknown) => void) => ok({ then: () => {} }) };
      case 'never':
        return new Promise(() => {});
      default:
        return { then: () => { throw new Error('then threw'); } };
    }
  });

const answerArb: fc.Arbitrary<Maker> = fc.oneof({ arbitrary: validArb, weight: 4 }, { arbitrary: slyArb, weight: 2 }, { arbitrary: proxyArb, weight: 1 }, { arbitrary: thenableArb(validArb), weight: 2 });

/** What a handler does to what it is given before it answers. */
const mischiefArb = fc.constantFrom('none', 'membership', 'artefacts', 'installation', 'keep', 'throw');

/** A handler answering each call with the next of `answers` (the last repeats), after its mischief. */
function handler(answers: readonly Maker[], mischief: string, kept: object[]): (context: Record<string, unknown>) => unknown {
  let call = 0;
  return (context) => {
    try {
      if (mischief === 'membership') (context['membership'] as Record<string, unknown>)['group'] = 'G';
      if (mischief === 'artefacts') (context['artefacts'] as Record<string, unknown>)['X'] = -1e12;
      if (mischief === 'installation') (context['installation'] as Record<string, unknown>)['flag'] = false;
    } catch {
      // Frozen or read-only: strict code throws, and the run goes on.
    }
    if (mischief === 'keep') kept.push(context);
    if (mischief === 'throw') throw new Error('mischief');
    return answers[Math.min(call++, answers.length - 1)]!();
  };
}

const roleArb = fc.record({ answers: fc.array(answerArb, { minLength: 1, maxLength: 4 }), mischief: mischiefArb });

describe('random handler results', () => {
  it('end in one documented outcome, in time order, within the guard, and leave the result alone afterwards', async () => {
    await expectBoundedHeap(() => fc.assert(
      fc.asyncProperty(
        fc.record({ check: roleArb, A: roleArb, B: roleArb, C: roleArb, arrival: roleArb, undo: roleArb, incidentB: roleArb, incidentC: roleArb }),
        fc.constantFrom(null, 'G'),
        async (roles, group) => {
          const kept: object[] = [];
          const make = (role: typeof roles.A) => handler(role.answers, role.mischief, kept);
          const handlers = {
            checks: { K: make(roles.check) },
            steps: { A: make(roles.A), B: make(roles.B), C: make(roles.C) },
            arrivals: { Y: make(roles.arrival) },
            undos: { UA: make(roles.undo) },
            incidents: { B: make(roles.incidentB), C: make(roles.incidentC) },
          } as unknown as HandlerTable<Inst>;
          const installation = { flag: true };
          const started = performance.now();
          const ended = await migrate(flow, installation, { cohort: 'C', group, handlers, handlerTimeoutMs: 5 }).catch((error: unknown) => error);
          // Each handler call waits at most the 5 ms guard: a few dozen calls, never seconds.
          expect(performance.now() - started).toBeLessThan(5_000);
          // Times that each fit (an arrival or a resolution at 2^53 − 1 ms) may add up past the exact range: the one usage error.
          if (ended instanceof MigrationUsageError) {
            expect(ended.message).toMatch(/^the run's clock would pass about 285,616 years/);
            return;
          }
          const result = ended as MigrationResult;
          const { timeline, outcome } = result;
          for (const event of timeline) expect(documented).toContain(event.kind);
          timeline.forEach((event, index) => {
            expect(Number.isFinite(event.at)).toBe(true);
            if (index > 0) expect(event.at).toBeGreaterThanOrEqual(timeline[index - 1]!.at);
          });
          expect(timeline.at(-1)!.kind).toBe(outcome.status);
          expect(outcome.at).toBe(timeline.at(-1)!.at);
          // Outside group G, step C is skipped whatever a handler wrote to its membership (if the run gets that far).
          if (group === null) for (const event of timeline.filter((each) => each.step === 'C')) expect(event.kind).toBe('skip');
          expect(installation.flag).toBe(true);
          const before = JSON.stringify(result);
          // Late callbacks and kept contexts: neither changes what was returned.
          for (const context of kept) {
            try {
              (context as { artefacts: Record<string, number> }).artefacts['X'] = 0;
            } catch {
              // Frozen.
            }
          }
          await new Promise((resolve) => setTimeout(resolve, 10));
          expect(JSON.stringify(result)).toBe(before);
          expect(Object.isFrozen(result.artefacts)).toBe(true);
        },
      ),
      { numRuns: fuzzRuns(80) },
    ));
  }, 60_000);
});
