import { describe, expect, it } from 'vitest';
import { migrate, type CheckHandler } from 'mpol/runtime';
import { pass, reject, throwError, timelineRows } from 'mpol/runtime/testing';
import { check, policy, step, type Inst } from '../builder.js';

const external = policy([check('X1', null), step('S')]);
const run = (handler: CheckHandler<Inst>) =>
  migrate(external, {}, { cohort: 'C', handlers: { checks: { X1: handler }, steps: { S: () => ({ status: 'ok' }) } } });

describe('external check handlers', () => {
  it('pass', async () => {
    const handler = pass();
    const result = await run(handler);
    expect(result.outcome.status).toBe('migrated');
    expect(timelineRows(result.timeline)[0]).toBe('0s      check-passed  X1');
    expect(handler.calls.map((context) => context.code)).toEqual(['X1']);
  });

  it('reject, failing the installation with the check code', async () => {
    const result = await run(reject());
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'X1', cause: 'check', step: null });
    expect(timelineRows(result.timeline)).toEqual(['0s      check-failed  X1', '0s      failed        X1']);
  });

  it('that throw fail the check, saying why', async () => {
    const result = await run(throwError('service down'));
    expect(timelineRows(result.timeline)[0]).toBe('0s      check-failed  X1: handler threw `service down`');
  });
});
