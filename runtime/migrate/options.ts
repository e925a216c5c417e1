/**
 * `migrate`'s options, read once and checked before anything runs: every
 * misuse is a `MigrationUsageError` that names the option.
 */
import { own } from '../../common/own.js';
import { VirtualClock, type Clock } from '../clock.js';
import { MigrationUsageError } from '../errors.js';
import type { Membership } from '../policy.js';
import { describeValue, readOptions, wholeNumber } from '../usage.js';
import { describeThrown } from './describe.js';
import { readHandlerGroups, type HandlerGroups } from './handler-table.js';
import type { AnyPolicy } from './run.js';

/** `setTimeout` takes at most this many milliseconds; a longer guard would fire at once. */
export const longestGuard = 2 ** 31 - 1;

export interface RunSettings {
  readonly handlers: HandlerGroups;
  /** Frozen: handlers are given it as it is. */
  readonly membership: Membership;
  readonly clock: Clock;
  readonly seed: number;
  readonly migrationAttempt: number;
  readonly handlerTimeoutMs: number;
  readonly timelineLimit: number;
}

const keys = ['handlers', 'cohort', 'group', 'clock', 'seed', 'migrationAttempt', 'handlerTimeoutMs', 'timelineLimit'] as const;

export function readMigrateOptions<I>(policy: AnyPolicy<I>, options: unknown): RunSettings {
  checkPolicyShape(policy);
  const read = readOptions(options, keys, 'options');
  const handlers = readHandlerGroups(read.handlers);
  const { cohort, group = null } = read;
  if (typeof cohort !== 'string') throw new MigrationUsageError(`\`cohort\` must be the name of one of the policy's cohorts, not ${describeValue(cohort)}`);
  const groups = own(policy.cohorts, cohort)?.groups;
  if (groups === undefined) throw new MigrationUsageError(`the policy has no cohort \`${cohort}\``);
  if (group !== null && typeof group !== 'string') throw new MigrationUsageError(`\`group\` must be the name of a group of the cohort, or null, not ${describeValue(group)}`);
  if (group !== null && !groups.includes(group)) throw new MigrationUsageError(`cohort \`${cohort}\` has no group \`${group}\``);
  const handlerTimeoutMs = read.handlerTimeoutMs ?? 5000;
  if (!(typeof handlerTimeoutMs === 'number' && handlerTimeoutMs > 0 && handlerTimeoutMs <= longestGuard)) {
    throw new MigrationUsageError(`\`handlerTimeoutMs\` must be a number of milliseconds above 0 and at most ${longestGuard}, not ${describeValue(handlerTimeoutMs)}`);
  }
  const timelineLimit = read.timelineLimit === undefined || read.timelineLimit === Infinity ? Infinity : wholeNumber(read.timelineLimit, 'timelineLimit', 3);
  return {
    handlers,
    membership: Object.freeze({ cohort, group }),
    clock: checkedClock(read.clock),
    seed: read.seed === undefined ? 0 : wholeNumber(read.seed, 'seed', Number.MIN_SAFE_INTEGER),
    migrationAttempt: read.migrationAttempt === undefined ? 1 : wholeNumber(read.migrationAttempt, 'migrationAttempt', 1),
    handlerTimeoutMs,
    timelineLimit,
  };
}

/** The parts of a policy every run reads; a policy built elsewhere may lack them. */
function checkPolicyShape<I>(policy: AnyPolicy<I>): void {
  if (typeof policy !== 'object' || policy === null) throw new MigrationUsageError(`the policy must be an object, not ${describeValue(policy)}`);
  if (!Array.isArray(policy.flow)) throw new MigrationUsageError('the policy has no `flow` array');
  for (const part of ['cohorts', 'errors', 'retries'] as const) {
    if (typeof policy[part] !== 'object' || policy[part] === null) throw new MigrationUsageError(`the policy has no \`${part}\` object`);
  }
}

/**
 * The caller's clock, with each call checked: a reading that is not a
 * finite time, a throw or a rejection is a usage error, not a run that goes
 * wrong quietly. The runtime's own `VirtualClock` is trusted as it is.
 */
function checkedClock(clock: unknown): Clock {
  if (clock === undefined) return new VirtualClock(0);
  if (clock instanceof VirtualClock) return clock;
  const { now, waitUntil } = readOptions(clock, ['now', 'waitUntil'], 'clock');
  if (typeof now !== 'function' || typeof waitUntil !== 'function') throw new MigrationUsageError('`clock` must have `now()` and `waitUntil(time)` methods');
  const fail = (call: string, problem: string, cause?: unknown): never => {
    throw new MigrationUsageError(`\`clock.${call}\` ${problem}`, cause === undefined ? undefined : { cause });
  };
  return {
    now(): number {
      let time: unknown;
      try {
        time = now.call(clock);
      } catch (error) {
        return fail('now()', `threw ${describeThrown(error)}`, error);
      }
      return typeof time === 'number' && Number.isFinite(time) ? time : fail('now()', `returned ${describeValue(time)}, not a finite time`);
    },
    waitUntil(time: number): void | Promise<void> {
      let waiting: unknown;
      try {
        waiting = waitUntil.call(clock, time);
      } catch (error) {
        return fail(`waitUntil(${time})`, `threw ${describeThrown(error)}`, error);
      }
      if (waiting === undefined || waiting === null || typeof (waiting as { then?: unknown }).then !== 'function') return;
      return Promise.resolve(waiting).then(
        () => undefined,
        (error: unknown) => fail(`waitUntil(${time})`, `rejected ${describeThrown(error)}`, error),
      );
    },
  };
}
