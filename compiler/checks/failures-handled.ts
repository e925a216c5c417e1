/**
 * Rule: every step failure reaches an action, both a permanent failure and
 * running out of retries.
 * Reports: `unhandled-failure`.
 * Enforces: docs/language.md, "Failure actions" › "Which action applies":
 * "A step whose failure reaches no action is an error".
 *
 * A step without `retry` still has one attempt, and a transient failure of
 * it exhausts the step, so both cases apply to every step. A step missing
 * both gets one diagnostic naming both.
 */
import type * as A from '../../grammar/index.js';
import type { Check } from './check.js';
import { helpWithName } from './policy-names.js';
import { levelsOf, migrationNode } from './syntax-lookup.js';

type Trigger = A.FailureHandler['trigger'];

export const checkFailuresHandled: Check = (ctx, { model, table }) => {
  const migration = migrationNode(ctx);
  const written = new Map<readonly unknown[], ReadonlySet<Trigger>>();
  // The triggers of the handlers written at each level, counted once per level however many steps share it.
  const writtenAt = (items: ReturnType<typeof levelsOf>[number]): ReadonlySet<Trigger> => {
    let triggers = written.get(items);
    if (triggers === undefined) {
      triggers = new Set(items.flatMap((item) => (item.kind === 'FailureHandler' ? [item.trigger] : [])));
      written.set(items, triggers);
    }
    return triggers;
  };
  for (const step of model.flow) {
    if (step.kind !== 'step' || step.node.name.kind === 'Missing') continue;
    if (step.onFailure !== undefined && step.onExhausted !== undefined) continue;
    // A handler whose action recovery lost was reported as a syntax error; it still counts.
    const levels = levelsOf(migration, table, step).map(writtenAt);
    const permanent = step.onFailure === undefined && !levels.some((t) => t.has('failure'));
    const exhausted = step.onExhausted === undefined && !levels.some((t) => t.has('failure') || t.has('exhausted'));
    if (!permanent && !exhausted) continue;
    const trigger = permanent && exhausted ? 'a permanent failure or running out of retries' : permanent ? 'a permanent failure' : 'running out of retries';
    const handler = permanent ? 'on failure' : 'on exhausted';
    ctx.report(
      'unhandled-failure',
      step.source.file,
      step.node.name,
      { step: step.name, trigger },
      { help: helpWithName(table, 'error', 'CODE', `${handler} fail CODE`, 'to the step, its stage or the `migration` block', 'an error code (`error CODE "title" { report NAME }`)') },
    );
  }
};
