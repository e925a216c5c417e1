/**
 * Scripted incidents: who resolves the incident a failure raised, and when.
 */
import type { IncidentContext, IncidentResolution } from '../handlers.js';
import { toMilliseconds, type Duration } from './duration.js';
import { scripted, type Scripted } from './scripted.js';

export type ScriptedIncident<P extends string = never> = Scripted<IncidentContext<unknown>, IncidentResolution<P>>;

/**
 * `party` resolves the incident `after` its raising (at once by default).
 * The `Handlers` type checks that `party` may resolve this step's incidents;
 * at run time a party the action does not name leaves it unresolved.
 */
export function resolveBy<const P extends string>(party: P, after: Duration = 0): ScriptedIncident<P> {
  const delay = toMilliseconds(after);
  return scripted((context) => ({ resolvedBy: party, at: context.now + delay }));
}

/** Nobody resolves the incident: the installation fails with the action's `else` code. */
export function leaveUnresolved(): ScriptedIncident {
  return scripted(() => null);
}
