/**
 * Scripted external checks. Only `external` checks have handlers; a
 * predicate check reads installation fields, so a test changes the
 * installation to make it fail.
 */
import type { CheckContext } from '../handlers.js';
import { scripted, type Scripted } from './scripted.js';

export type ScriptedCheck = Scripted<CheckContext<unknown>, boolean>;

/** The external service accepts the installation. */
export function pass(): ScriptedCheck {
  return scripted(() => true);
}

/** The external service rejects it: the installation fails with the check's code. */
export function reject(): ScriptedCheck {
  return scripted(() => false);
}
