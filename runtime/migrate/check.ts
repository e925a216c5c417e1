/**
 * Checks: a predicate over installation fields, or an `external` check that
 * asks the `checks[code]` handler. A failing check fails the installation
 * with the check's code.
 */
import { failed } from './failure.js';
import { lookupHandler } from './handler-table.js';
import { HandlerFailure, invoke } from './invoke.js';
import type { CheckHandler } from '../handlers.js';
import type { FailedOutcome } from '../outcome.js';
import type { CheckNode } from '../policy.js';
import { readCheckResult } from './results.js';
import type { Run } from './run.js';

/**
 * Runs a check whose guard passed: `null` when it passes. An external
 * check passes only when its handler returns `true`; a handler that throws,
 * returns something else or does not settle fails the check.
 */
export async function runCheck<I>(run: Run<I>, check: CheckNode<I>): Promise<FailedOutcome | null> {
  let passed: boolean;
  let detail = check.code;
  if (check.predicate !== null) {
    passed = check.predicate(run.installation, run.membership);
  } else {
    const handler = lookupHandler<CheckHandler<I>>(run.handlers, 'checks', check.code);
    let value = invoke(handler, run.checkContext(check.code), run.handlerTimeoutMs, readCheckResult);
    if (value instanceof Promise) value = await value;
    passed = value === true;
    if (value instanceof HandlerFailure) detail += `: handler ${value.reason}`;
  }
  run.emit(passed ? 'check-passed' : 'check-failed', undefined, undefined, detail);
  return passed ? null : failed(run, check.code, null, 'check');
}
