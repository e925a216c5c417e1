import { describe, expect, it } from 'vitest';
import { migrate, type ArrivalHandler } from 'mpol/runtime';
import {
  arriveAfter,
  arriveAt,
  arriveNow,
  neverArrive,
  succeed,
  table,
  TestClock,
  timelineTable,
} from 'mpol/runtime/testing';
import { deadline, fail, policy, step, type Inst } from '../builder.js';

// `Make` produces A; `Use` awaits B, which must come within 24h of A.
const awaiting = policy([
  step('Make', { produces: ['A'] }),
  step('Use', { await: 'B', deadlines: [deadline('24h', 'A', fail('LATE'))] }),
]);
const steps = () => ({ Make: succeed(), Use: succeed() });
const run = (handler: ArrivalHandler<Inst>, clock = new TestClock()) =>
  migrate(awaiting, {}, { cohort: 'C', clock, handlers: { steps: steps(), arrivals: { B: handler } } });
const awaited = { kinds: ['await', 'arrival', 'no-arrival', 'deadline', 'failed'] } as const;

describe('arrival handlers', () => {
  it('arriveNow: the artefact is there already', async () => {
    const result = await run(arriveNow());
    expect(result.artefacts).toEqual({ A: 0, B: 0 });
  });

  it('arriveAt: at a time on the run clock', async () => {
    const result = await run(arriveAt('3h'));
    expect(timelineTable(result.timeline, awaited)).toBe(table`
      0s      await         Use: B
      3h      arrival       Use: B
    `);
  });

  it('arriveAt a time already past stamps that time and goes on at once', async () => {
    const result = await run(arriveAt(0), new TestClock('1h'));
    expect(result.artefacts).toEqual({ A: 3_600_000, B: 0 });
    expect(result.outcome).toEqual({ status: 'migrated', at: 3_600_000 });
  });

  it('arriveAfter: relative to another artefact, here missing the deadline', async () => {
    expect((await run(arriveAfter('A', '23h59m'))).outcome.status).toBe('migrated');
    const late = await run(arriveAfter('A', '25h'));
    expect(timelineTable(late.timeline, awaited)).toBe(table`
      0s      await         Use: B
      24h     deadline      Use: 24h after A
      24h     failed        Use: LATE
    `);
  });

  it('arriveAfter an artefact with no time yet shows as a failed arrival naming it', async () => {
    // Without a deadline, since one that applies would end the step before the reason is recorded.
    const undated = policy([step('Use', { await: 'B' })]);
    const handlers = { steps: { Use: succeed() }, arrivals: { B: arriveAfter('Z', '1h') } };
    const result = await migrate(undated, {}, { cohort: 'C', handlers });
    expect(timelineTable(result.timeline, { kinds: ['no-arrival'] })).toBe(
      '0s      no-arrival    Use: B: threw `arriveAfter: `Z` has no time yet, at 0s`',
    );
  });

  it('neverArrive: the step fails at its deadline', async () => {
    const result = await run(neverArrive());
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'LATE', cause: 'deadline', at: 86_400_000 });
  });
});
