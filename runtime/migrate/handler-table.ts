/**
 * Finding handlers by name. A handler the run needs and cannot find is a
 * usage error: the harness was written for another policy, or has a typo.
 *
 * Names come from the policy, and a policy may call a step `toString` or
 * `constructor`: a handler is an own property of its group, or of a
 * prototype the harness made (a class with one method per step), never
 * something every object inherits from `Object.prototype`.
 */
import { MigrationUsageError } from '../errors.js';
import type { HandlerTable } from '../handlers.js';
import type { ActionDefinition, CompiledPolicy } from '../policy.js';
import { describeThrown } from './describe.js';

/**
 * The handlers `migrate` takes for a policy: the policy's own `Handlers`
 * interface when it carries one, else the loose `HandlerTable`.
 */
export type HandlersFor<I, H> = unknown extends H ? HandlerTable<I> : H;

export type HandlerGroup = keyof HandlerTable<unknown>;

const groups: readonly HandlerGroup[] = ['steps', 'checks', 'undos', 'arrivals', 'incidents'];

/** The five groups of a handler table, each read once: an object, or `undefined` when absent. */
export type HandlerGroups = Readonly<Record<HandlerGroup, object | undefined>>;

/**
 * Reads the groups of `handlers` once, so a getter is not asked again
 * during the run. Anything but an object (with groups that are objects or
 * absent) is a usage error, as is a group whose getter throws.
 */
export function readHandlerGroups(handlers: unknown): HandlerGroups {
  if (typeof handlers !== 'object' || handlers === null) throw new MigrationUsageError('`handlers` must be an object');
  const read = {} as Record<HandlerGroup, object | undefined>;
  for (const group of groups) {
    let value: unknown;
    try {
      value = (handlers as Record<string, unknown>)[group];
    } catch (error) {
      throw new MigrationUsageError(`reading \`handlers.${group}\` threw ${describeThrown(error)}`);
    }
    if (value !== undefined && (typeof value !== 'object' || value === null)) {
      throw new MigrationUsageError(`\`handlers.${group}\` must be an object of handlers, or left out`);
    }
    read[group] = value;
  }
  return read;
}

/**
 * The function `table` holds under `name`, own or from a prototype the
 * harness made, or `undefined`. Reading stops at `Object.prototype`.
 */
function handlerIn(table: object | undefined, group: HandlerGroup, name: string): unknown {
  try {
    for (let holder: object | null = table ?? null; holder !== null && holder !== Object.prototype; holder = Object.getPrototypeOf(holder) as object | null) {
      if (Object.hasOwn(holder, name)) {
        const handler = (holder as Record<string, unknown>)[name];
        return typeof handler === 'function' ? handler : undefined;
      }
    }
    return undefined;
  } catch (error) {
    throw new MigrationUsageError(`reading handler \`${group}.${name}\` threw ${describeThrown(error)}`);
  }
}

/** The handler `group.name`, or a `MigrationUsageError` naming what is missing. */
export function lookupHandler<F>(handlers: HandlerGroups, group: HandlerGroup, name: string): F {
  const handler = handlerIn(handlers[group], group, name);
  if (handler === undefined) {
    throw new MigrationUsageError(`no handler \`${group}.${name}\`: the policy needs one to run this installation`);
  }
  return handler as F;
}

/**
 * Every handler `migrate` may call for this policy, whatever the guards say,
 * that `handlers` does not provide, written `steps.Name`, `checks.CODE`,
 * `undos.Name`, `arrivals.Artefact` or `incidents.Step`. A harness can call
 * this once before running many installations. A table `migrate` would
 * refuse (not an object, a group that is not one) is a `MigrationUsageError`.
 */
export function missingHandlers<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  handlers: HandlersFor<I, H>,
): string[] {
  const table = readHandlerGroups(handlers);
  const missing: string[] = [];
  const seen = new Set<string>();
  const need = (group: HandlerGroup, name: string): void => {
    const key = `${group}.${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (handlerIn(table[group], group, name) === undefined) missing.push(key);
  };
  const isIncident = (action: ActionDefinition): boolean => action.kind === 'incident';
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      if (node.predicate === null) need('checks', node.code);
      continue;
    }
    need('steps', node.name);
    if (node.await !== null) need('arrivals', node.await);
    if (node.undo !== null) need('undos', node.undo.name);
    const actions = [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)];
    if (actions.some(isIncident)) need('incidents', node.name);
  }
  return missing;
}
