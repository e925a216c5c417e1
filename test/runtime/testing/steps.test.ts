import { describe, expect, it } from 'vitest';
import { migrate, type MigrationResult, type StepHandler } from 'mpol/runtime';
import {
  failAlways,
  failPermanently,
  failTransiently,
  formatTime,
  neverSettle,
  sequence,
  succeed,
  table,
  throwError,
  timelineTable,
} from 'mpol/runtime/testing';
import type { Handlers } from '../../emit/golden/example.js';
import { policy, retry, step, type Inst } from '../builder.js';

// One step, retried every 5 minutes, at most 4 attempts of at most 10 minutes each.
const retried = policy([step('S', { retry: 'R', mayFail: ['MA7'] })], {
  retries: { R: retry({ tiers: ['every 5m'], attempts: 4, timeout: '10m' }) },
});
const ends = ['ok', 'transient', 'permanent', 'timeout', 'exhausted', 'failed'] as const;

function run(handler: StepHandler<Inst>): Promise<MigrationResult> {
  return migrate(retried, {}, { cohort: 'C', handlers: { steps: { S: handler } }, handlerTimeoutMs: 10 });
}
const endsOf = (result: MigrationResult): string => timelineTable(result.timeline, { kinds: [...ends] });

describe('step handlers', () => {
  it('succeed, at once or after a duration', async () => {
    expect((await run(succeed())).outcome).toEqual({ status: 'migrated', at: 0 });
    expect((await run(succeed('10m'))).outcome).toEqual({ status: 'migrated', at: 600_000 });
    expect((await run(succeed(90_000))).outcome).toEqual({ status: 'migrated', at: 90_000 });
  });

  it('failAlways: every attempt fails until the strategy runs out', async () => {
    expect(endsOf(await run(failAlways('1m')))).toBe(table`
      1m      transient     S #1
      6m      transient     S #2
      11m     transient     S #3
      16m     transient     S #4
      16m     exhausted     S #4
      16m     failed        S: E
    `);
  });

  it('failTransiently: fails the given number of times, then succeeds', async () => {
    const handler = failTransiently(2);
    expect(endsOf(await run(handler))).toBe(table`
      0s      transient     S #1
      5m      transient     S #2
      10m     ok            S #3
    `);
    expect(handler.calls.map((context) => [context.attempt, formatTime(context.now)])).toEqual([
      [1, '0s'],
      [2, '5m'],
      [3, '10m'],
    ]);
    expect((await run(failTransiently(0))).outcome.status).toBe('migrated');
    expect(() => failTransiently(1.5)).toThrow('1.5 is not a whole number');
  });

  it('failPermanently: with or without a code of its own', async () => {
    expect((await run(failPermanently())).outcome).toMatchObject({ status: 'failed', code: 'E', cause: 'permanent' });
    expect((await run(failPermanently('MA7', '2m'))).outcome).toMatchObject({ code: 'MA7', at: 120_000 });
  });

  it('sequence: one item per call, results or handlers, the last one repeating', async () => {
    const handler = sequence({ status: 'transient', duration: 60_000 }, throwError('lost'), failAlways('11m'), succeed('1m'));
    expect(endsOf(await run(handler))).toBe(table`
      1m      transient     S #1
      5m      transient     S #2: threw \`lost\`
      20m     timeout       S #3: longer than 10m
      21m     ok            S #4
    `);
    const repeating = sequence(failAlways(), succeed());
    const answers = [repeating({} as never), repeating({} as never), repeating({} as never)];
    expect(answers).toEqual([{ status: 'transient' }, { status: 'ok' }, { status: 'ok' }]);
  });

  it('throwError and neverSettle make failed attempts, not crashes', async () => {
    expect(timelineTable((await run(throwError('boom'))).timeline, { kinds: ['transient'] })).toContain('threw `boom`');
    // The real-time guard (10ms here) gives up on it; the step's 10-minute timeout cuts the attempt off.
    const hanging = neverSettle();
    expect(endsOf(await run(hanging))).toContain('10m     timeout       S #1: longer than 10m');
    expect(hanging.calls.length).toBe(4);
  });

  it('are typed by the codes a step may fail with', () => {
    const steps: Partial<Handlers['steps']> = {
      Commission: failPermanently('EX301'),
      GenerateFile: sequence(failAlways(), succeed()),
      // A duration without a code, as docs/testing.md shows it, fits any step.
      RotateKeys: failPermanently(undefined, '2m'),
      // @ts-expect-error: UpdateInventory has no `may fail` codes.
      UpdateInventory: failPermanently('EX301'),
    };
    // @ts-expect-error: EX999 is not a `may fail` code of Commission.
    const wrong: Partial<Handlers['steps']> = { Commission: failPermanently('EX999') };
    expect([steps, wrong]).toHaveLength(2);
  });
});
