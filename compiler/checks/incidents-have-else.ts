/**
 * Rule: an incident says how it fails when it is not resolved, unless its
 * `then` branch fails already.
 * Reports: `incident-without-else`.
 * Enforces: docs/language.md, "Failure actions": "`else fail CODE` is the
 * outcome if the incident is not resolved, or if the retried step fails
 * again; it may be left out when the `then` branch is `fail`".
 *
 * Incidents are checked where they are written, so one written in a stage
 * or the `migration` block is reported once, not once per step.
 */
import type { Check } from './check.js';
import { helpWithName } from './policy-names.js';
import { forEachAction } from './syntax-lookup.js';

export const checkIncidentsHaveElse: Check = (ctx, { table }) => {
  forEachAction(ctx, (action, file) => {
    if (action.kind !== 'Incident' || action.elseCode !== undefined) return;
    if (action.then.kind === 'Fail' || action.then.kind === 'Missing') return;
    ctx.report('incident-without-else', file, action, {}, { help: helpWithName(table, 'error', 'CODE', 'else fail CODE', 'for when the incident is not resolved', 'an error code (`error CODE "title" { report NAME }`)') });
  });
};
