/**
 * Reading what a handler returned. Each reader reads every field it needs
 * once, into a plain snapshot, and validates the snapshot: a getter that
 * answers differently on a second read, or a proxy, cannot make the run see
 * two values. A reader runs inside the handler's guard (`invoke`), so a
 * getter that throws is the handler's failure; an invalid value is a
 * `HandlerFailure` too, treated like a handler that threw.
 */
import { timeLimit } from '../../common/time-bound.js';
import { HandlerFailure } from './invoke.js';

/** The most characters of a handler's `detail` the timeline keeps. */
export const detailLimit = 500;

/** A step result as the run uses it. */
export interface StepSnapshot {
  readonly status: 'ok' | 'transient' | 'permanent';
  readonly duration: number;
  /** A permanent failure's code, among the step's `may fail` codes, or `null`. */
  readonly code: string | null;
  readonly detail: string | undefined;
}

export interface UndoSnapshot {
  readonly status: 'ok' | 'failed';
  readonly duration: number;
  readonly detail: string | undefined;
}

export interface ResolutionSnapshot {
  readonly resolvedBy: string;
  readonly at: number;
}

/** A time the runtime computes with exactly: a number of milliseconds within ±`timeLimit`. */
const isExactTime = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= timeLimit;

const invalid = (problem: string): HandlerFailure => new HandlerFailure(`invalid result: ${problem}`, false);

function readDuration(duration: unknown): number | HandlerFailure {
  if (duration === undefined) return 0;
  return typeof duration === 'number' && duration >= 0 && duration <= timeLimit
    ? duration
    : invalid('`duration` is not a number of milliseconds from 0 to 2^53 − 1');
}

function readDetail(detail: unknown): string | undefined | HandlerFailure {
  if (detail === undefined) return undefined;
  if (typeof detail !== 'string') return invalid('`detail` is not a string');
  return detail.length > detailLimit ? `${detail.slice(0, detailLimit - 3)}...` : detail;
}

/** A `StepResult` whose permanent `code`, if any, is one of the step's `may fail` codes. */
export function readStepResult(value: unknown, mayFail: readonly string[]): StepSnapshot | HandlerFailure {
  if (typeof value !== 'object' || value === null) return invalid('not an object');
  const { status, duration: rawDuration, code: rawCode, detail: rawDetail } = value as { status?: unknown; duration?: unknown; code?: unknown; detail?: unknown };
  if (status !== 'ok' && status !== 'transient' && status !== 'permanent') {
    return invalid('`status` is not `ok`, `transient` or `permanent`');
  }
  let code: string | null = null;
  if (status === 'permanent' && rawCode !== undefined) {
    if (typeof rawCode !== 'string' || !mayFail.includes(rawCode)) {
      return invalid(`\`${typeof rawCode === 'string' ? rawCode.slice(0, 60) : typeof rawCode}\` is not a \`may fail\` code of the step`);
    }
    code = rawCode;
  }
  const duration = readDuration(rawDuration);
  if (duration instanceof HandlerFailure) return duration;
  const detail = readDetail(rawDetail);
  if (detail instanceof HandlerFailure) return detail;
  return { status, duration, code, detail };
}

/** An `UndoResult`. */
export function readUndoResult(value: unknown): UndoSnapshot | HandlerFailure {
  if (typeof value !== 'object' || value === null) return invalid('not an object');
  const { status, duration: rawDuration, detail: rawDetail } = value as { status?: unknown; duration?: unknown; detail?: unknown };
  if (status !== 'ok' && status !== 'failed') return invalid('`status` is not `ok` or `failed`');
  const duration = readDuration(rawDuration);
  if (duration instanceof HandlerFailure) return duration;
  const detail = readDetail(rawDetail);
  if (detail instanceof HandlerFailure) return detail;
  return { status, duration, detail };
}

/** An arrival time: a finite number, or `null` for an artefact that never arrives. */
export function readArrival(value: unknown): number | HandlerFailure {
  if (value === null) return new HandlerFailure('it never arrives', false);
  return isExactTime(value) ? value : new HandlerFailure('invalid arrival time', false);
}

/** An external check's answer: it passes only on `true`. */
export function readCheckResult(value: unknown): boolean | HandlerFailure {
  return typeof value === 'boolean' ? value : new HandlerFailure('returned no boolean', false);
}

/** An `IncidentResolution` by one of the incident's resolvers; `null` means nobody resolves it. */
export function readResolution(value: unknown, resolvers: readonly string[]): ResolutionSnapshot | HandlerFailure {
  if (value === null) return new HandlerFailure('nobody resolved it', false);
  if (typeof value !== 'object') return new HandlerFailure('invalid resolution: not an object', false);
  const { resolvedBy, at } = value as { resolvedBy?: unknown; at?: unknown };
  if (!isExactTime(at)) return new HandlerFailure('invalid resolution: `at` is not a time within ±(2^53 − 1) ms', false);
  if (typeof resolvedBy !== 'string' || !resolvers.includes(resolvedBy)) {
    const shown = typeof resolvedBy === 'string' ? resolvedBy.slice(0, 60) : typeof resolvedBy === 'object' || typeof resolvedBy === 'symbol' ? `a ${typeof resolvedBy}` : String(resolvedBy);
    return new HandlerFailure(`\`${shown}\` may not resolve it`, false);
  }
  return { resolvedBy, at };
}
