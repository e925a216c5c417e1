/**
 * The bench flow as an XState 5 machine, as a TypeScript team would write it
 * without mpol: a state per step with `attempt`, `retrying`, `waiting` and
 * `exhausting` substates, delays as delayed transitions, time from a
 * `SimulatedClock`, the same draws as `simulate` kept in the context. Its
 * counts must equal mpol's for the same installations.
 */
import { assign, createActor, setup, SimulatedClock } from 'xstate';
import { bucketOf } from '../../runtime/simulate/histogram.js';
import { installationSeed, jitterSeed } from '../../runtime/simulate/seed.js';
import { emptyCounts, type Counts } from './simulate-counts.js';
import { benchCodes, benchSteps, faultsOf, retries, undoDuration } from './simulate-policy.js';

interface Context {
  f: number;
  j: number;
  now: number;
  attempts: number;
  attempt: number;
  scheduled: number;
  periodEnd: number;
  /** The attempt's status (0 ok, 1 transient, 2 permanent), duration and permanent code. */
  st: number;
  dur: number;
  pc: number;
  /** When the next attempt or the exhaustion is, once decided. */
  next: number;
  undoable: number;
  status: number;
  code: number;
}

/** A draw: the generator's next state and the uniform number it gives. */
function draw(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let r = Math.imul(next ^ (next >>> 16), 0x85ebca6b);
  r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
  return [next, ((r ^ (r >>> 16)) >>> 0) / 4294967296];
}

/** A clock that remembers when its pending timer is due, so the driver can jump there. */
class SteppingClock extends SimulatedClock {
  due = 0;

  override setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    this.due = this.now() + timeout;
    return super.setTimeout(fn, timeout);
  }
}

const machineSetup = setup({
  types: { context: {} as Context, input: {} as { f: number; j: number } },
  delays: {
    attemptDuration: ({ context }) => context.dur,
    untilNext: ({ context }) => context.next - context.now,
    rollbackDuration: ({ context }) => context.undoable * undoDuration,
  },
});

function stepState(index: number) {
  const step = benchSteps[index]!;
  const faults = faultsOf(step);
  const strategy = retries[step.retry];
  const after = index + 1 < benchSteps.length ? `#bench.s${index + 1}` : '#bench.migrated';
  const timeout = strategy.timeout ?? Infinity;
  const rollback = step.onExhausted.kind === 'rollback';
  return {
    initial: 'attempt',
    entry: assign(({ context }) => ({
      attempt: 1,
      scheduled: context.now,
      periodEnd: strategy.within === null ? Infinity : context.now + strategy.within,
    })),
    states: {
      attempt: {
        entry: assign(({ context }) => {
          let [f, u] = draw(context.f);
          let st = u < faults.permanent ? 2 : u < faults.permanent + faults.transient ? 1 : 0;
          [f, u] = draw(f);
          let dur = faults.low + Math.floor(u * (faults.high - faults.low + 1));
          let pc = -1;
          if (st === 2 && faults.codeB301 > 0) {
            [f, u] = draw(f);
            if (u < faults.codeB301) pc = benchCodes.indexOf('B301');
          }
          if (dur > timeout) [st, dur] = [1, timeout];
          return { f, st, dur, pc, attempts: context.attempts + 1 };
        }),
        after: {
          attemptDuration: [
            {
              guard: ({ context }: { context: Context }) => context.st === 0,
              target: after,
              actions: assign(({ context }: { context: Context }) => ({
                now: context.now + context.dur,
                undoable: step.commit ? 0 : step.undo !== null ? context.undoable + 1 : context.undoable,
              })),
            },
            {
              guard: ({ context }: { context: Context }) => context.st === 2,
              target: '#bench.failed',
              actions: assign(({ context }: { context: Context }) => ({
                now: context.now + context.dur,
                status: 1,
                code: context.pc >= 0 ? context.pc : benchCodes.indexOf(step.onFailure.code),
              })),
            },
            { target: 'retrying', actions: assign(({ context }: { context: Context }) => retry(context, step.retry)) },
          ],
        },
      },
      retrying: {
        always: [
          { guard: ({ context }: { context: Context }) => context.next >= 0 && context.next <= context.periodEnd, target: 'waiting' },
          {
            target: 'exhausting',
            actions: assign(({ context }: { context: Context }) => ({
              next: context.periodEnd !== Infinity && context.periodEnd > context.now ? context.periodEnd : context.now,
            })),
          },
        ],
      },
      waiting: {
        after: { untilNext: { target: 'attempt', actions: assign(({ context }: { context: Context }) => ({ now: context.next, attempt: context.attempt + 1 })) } },
      },
      exhausting: {
        after: {
          untilNext: [
            {
              guard: ({ context }: { context: Context }) => rollback && context.undoable > 0,
              target: '#bench.rollingBack',
              actions: assign(({ context }: { context: Context }) => ({ now: context.next, code: benchCodes.indexOf(step.onExhausted.code) })),
            },
            {
              target: '#bench.failed',
              actions: assign(({ context }: { context: Context }) => ({ now: context.next, status: 1, code: benchCodes.indexOf(step.onExhausted.code) })),
            },
          ],
        },
      },
    },
  };
}

/** After a failed attempt (time has moved to its end): the next attempt's time, or -1. */
function retry(context: Context, name: keyof typeof retries): Partial<Context> {
  const now = context.now + context.dur;
  const k = context.attempt;
  let j = context.j;
  let wait = -1;
  let u = 0;
  if (name === 'Short') wait = k <= 3 ? retries.Short.tiers[0]!.every : -1;
  else if (name === 'Ioc' && k < retries.Ioc.attempts) {
    const interval = k <= 3 ? retries.Ioc.tiers[0]!.every : retries.Ioc.tiers[1]!.every;
    [j, u] = draw(j);
    wait = Math.min(interval, Math.floor(u * (interval + 1)));
  } else if (k <= 5) {
    // Backoff: five retries, which its limit of six attempts also allows.
    const interval = Math.min(retries.Backoff.tiers[0]!.every * Math.pow(2, k - 1), 10 * 60_000);
    [j, u] = draw(j);
    wait = interval + Math.min(30_000, Math.floor(u * 30_001));
  }
  if (wait < 0) return { now, j, next: -1 };
  const scheduled = context.scheduled + wait;
  return { now, j, scheduled, next: scheduled > now ? scheduled : now };
}

const machine = machineSetup.createMachine({
  id: 'bench',
  context: ({ input }: { input: { f: number; j: number } }) => ({ ...input, now: 0, attempts: 0, attempt: 1, scheduled: 0, periodEnd: Infinity, st: 0, dur: 0, pc: -1, next: -1, undoable: 0, status: 0, code: -1 }),
  initial: 's0',
  states: {
    ...Object.fromEntries(benchSteps.map((_, index) => [`s${index}`, stepState(index)])),
    rollingBack: {
      after: { rollbackDuration: { target: 'rolledBack', actions: assign(({ context }) => ({ now: context.now + context.undoable * undoDuration })) } },
    },
    migrated: { type: 'final' },
    failed: { type: 'final' },
    rolledBack: { type: 'final', entry: assign({ status: 2 }) },
  },
} as never);

/** Runs installations `first .. first + count - 1` through the machine, one actor and clock each. */
export function runXState(seed: number, first: number, count: number, counts: Counts = emptyCounts()): Counts {
  for (let index = first; index < first + count; index++) {
    const f = installationSeed(seed, index);
    const clock = new SteppingClock();
    const actor = createActor(machine, { clock, input: { f, j: jitterSeed(f) } });
    actor.start();
    while (actor.getSnapshot().status !== 'done') clock.set(clock.due);
    const context = actor.getSnapshot().context as Context;
    actor.stop();
    counts.record(context.status, context.code, context.attempts, context.now, bucketOf(context.now));
  }
  return counts;
}

