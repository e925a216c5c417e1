/**
 * Finding handlers by name. A handler the run needs and cannot find is a
 * usage error: the harness was written for another policy, or has a typo.
 */
import { MigrationUsageError } from '../errors.js';
import type { HandlerTable } from '../handlers.js';
import type { ActionDefinition, CompiledPolicy } from '../policy.js';

/**
 * The handlers `migrate` takes for a policy: the policy's own `Handlers`
 * interface when it carries one, else the loose `HandlerTable`.
 */
export type HandlersFor<I, H> = unknown extends H ? HandlerTable<I> : H;

/** The handler `group.name`, or a `MigrationUsageError` naming what is missing. */
export function lookupHandler<F>(
  handlers: Readonly<Record<string, F>> | undefined,
  group: keyof HandlerTable<unknown>,
  name: string,
): F {
  const handler = handlers === undefined ? undefined : handlers[name];
  if (typeof handler !== 'function') {
    throw new MigrationUsageError(`no handler \`${group}.${name}\`: the policy needs one to run this installation`);
  }
  return handler;
}

/**
 * Every handler `migrate` may call for this policy, whatever the guards say,
 * that `handlers` does not provide, written `steps.Name`, `checks.CODE`,
 * `undos.Name`, `arrivals.Artefact` or `incidents.Step`. A harness can call
 * this once before running many installations.
 */
export function missingHandlers<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  handlers: HandlersFor<I, H>,
): string[] {
  const table = handlers as HandlerTable<I>;
  const missing: string[] = [];
  const need = (group: keyof HandlerTable<I>, name: string): void => {
    const handlersOfGroup = table[group] as Readonly<Record<string, unknown>> | undefined;
    const key = `${group}.${name}`;
    if (typeof handlersOfGroup?.[name] !== 'function' && !missing.includes(key)) missing.push(key);
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
