/**
 * `handlers(policy, overrides)`: every handler a compiled policy may call,
 * filled with defaults under which everything goes well, so a test states
 * only what differs from the happy path.
 */
import type { HandlersFor } from '../migrate/handler-table.js';
import type { HandlerTable } from '../handlers.js';
import type { ActionDefinition, CompiledPolicy } from '../policy.js';
import { arriveNow } from './arrivals.js';
import { pass } from './checks.js';
import { leaveUnresolved } from './incidents.js';
import { succeed } from './steps.js';
import { undoOk } from './undos.js';

/**
 * The handlers a test replaces, group by group: `{ steps: { Commission:
 * failAlways() } }`. For an emitted policy each handler has its exact type,
 * so a misspelt name, a `may fail` code the step does not have or a party
 * that may not resolve the incident is a type error.
 */
export type HandlerOverrides<H> = { readonly [Group in keyof H]?: Partial<NonNullable<H[Group]>> };

type Group = keyof HandlerTable<unknown>;
type MutableTable = Record<Group, Record<string, unknown>>;

/**
 * A fresh set of handlers for `policy`: each step succeeds at once, each
 * external check passes, each awaited artefact is already there, each undo
 * succeeds, and each incident stays unresolved, then `overrides` on top.
 *
 * Incidents default to unresolved because an incident only happens when the
 * test made something fail; resolving it quietly would hide that failure,
 * so a test that wants a resolution names who resolves it, with `resolveBy`.
 *
 * An override the policy never calls (a misspelt step, a check that has a
 * predicate rather than a handler) throws, since the run would ignore it
 * and the test would pass for the wrong reason.
 */
export function handlers<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  overrides: HandlerOverrides<HandlersFor<I, H>> = {},
): HandlersFor<I, H> {
  const table = defaults(policy);
  for (const [group, named] of Object.entries(overrides as Record<string, unknown>)) {
    const known = Object.hasOwn(table, group) ? table[group as Group] : undefined;
    if (known === undefined) {
      throw new Error(`handlers: \`${group}\` is not a handler group; use steps, checks, undos, arrivals or incidents`);
    }
    for (const [name, handler] of Object.entries((named ?? {}) as Record<string, unknown>)) {
      if (!Object.hasOwn(known, name)) {
        const names = Object.keys(known).map((each) => `\`${each}\``);
        const has = names.length === 0 ? 'it calls none' : `it calls ${names.join(', ')}`;
        throw new Error(`handlers: the policy never calls \`${group}.${name}\`; ${has}`);
      }
      if (handler !== undefined) known[name] = handler;
    }
  }
  // Invariant: the table has a handler for every name `missingHandlers` would ask for.
  return table as HandlersFor<I, H>;
}

/** The happy-path handler for every name the policy's flow may call, whatever its guards say. */
function defaults<I>(policy: CompiledPolicy<I, unknown, string>): MutableTable {
  // Prototype-free records, so a step called `__proto__` or `toString` is a name like any other.
  const record = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;
  const table: MutableTable = { steps: record(), checks: record(), undos: record(), arrivals: record(), incidents: record() };
  const isIncident = (action: ActionDefinition): boolean => action.kind === 'incident';
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      if (node.predicate === null) table.checks[node.code] = pass();
      continue;
    }
    table.steps[node.name] = succeed();
    if (node.await !== null) table.arrivals[node.await] = arriveNow();
    if (node.undo !== null) table.undos[node.undo.name] = undoOk();
    const actions = [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)];
    if (actions.some(isIncident)) table.incidents[node.name] = leaveUnresolved();
  }
  return table;
}
