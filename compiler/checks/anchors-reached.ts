/**
 * Rule: a deadline is anchored on something that has happened by the time
 * a step it applies to runs: an artefact an earlier step produces or
 * awaits, or a step earlier in the flow.
 * Reports: `anchor-not-reached`.
 * Enforces: docs/language.md, "The migration flow" › `step` ("`within D
 * after ANCHOR else ACTION`": the anchor is "the time it was produced or
 * arrived" or "the time it completed").
 *
 * The step's own `await` counts too for a step deadline: the wait comes
 * before its first attempt, and the runtime anchors the step's deadlines
 * on the arrival. It does not for an `await`'s own deadline, which bounds
 * that arrival: anchored on the artefact it awaits, it could never apply
 * (docs/language.md, "Deadlines"). A deadline written in a stage or the
 * `migration` block applies to many steps; it is reported once, where it
 * is written, when it applies to none of them.
 */
import type { DeadlineModel, StepModel } from '../model.js';
import { anchorLookup } from './anchors.js';
import type { Check } from './check.js';
import { deadlineNodes, sourceKey } from './syntax-lookup.js';

export const checkAnchorsReached: Check = (ctx, { model, table }) => {
  const anchorState = anchorLookup(table, model.flow);
  // Each written deadline, with the first step that carries it, until one step reaches its anchor.
  const pending = new Map<string, { deadline: DeadlineModel; step: StepModel }>();
  const settled = new Set<string>();
  for (const step of model.flow) {
    if (step.kind !== 'step') continue;
    for (const deadline of step.deadlines) {
      const key = sourceKey(deadline.source);
      if (settled.has(key)) continue;
      if (anchorState(step, deadline.anchor, deadline.arrival) === 'not-reached') {
        if (!pending.has(key)) pending.set(key, { deadline, step });
      } else {
        settled.add(key);
        pending.delete(key);
      }
    }
  }
  const nodes = deadlineNodes(ctx);
  for (const [key, { deadline, step }] of pending) {
    const node = nodes.get(key);
    const anchor = deadline.anchor;
    const target = anchor === undefined ? undefined : table.symbols.get(anchor);
    if (node === undefined || node.anchor.kind === 'Missing' || anchor === undefined || target === undefined) continue;
    const isArtefact = target.kind === 'artefact';
    const ownArrival = deadline.arrival && anchor === step.await;
    const note = ownArrival
      ? `the deadline bounds the arrival of \`${anchor}\` itself, which has no time until it arrives`
      : isArtefact
        ? `artefact \`${anchor}\` is declared here`
        : anchor === step.name
          ? `the deadline belongs to step \`${anchor}\` itself, which has not completed while it runs`
          : `step \`${anchor}\` does not come earlier in the flow`;
    const help = ownArrival
      ? `to bound the step once \`${anchor}\` has arrived, write the deadline as its own item before the \`await\``
      : isArtefact
        ? deadline.arrival
          ? `add \`produces ${anchor}\` or \`await ${anchor}\` to an earlier step`
          : `add \`produces ${anchor}\` to an earlier step, or \`await ${anchor}\` to step \`${step.name}\``
        : 'anchor the deadline on a step that comes earlier';
    ctx.report('anchor-not-reached', deadline.source.file, node.anchor, { name: anchor }, { notes: [{ message: note, file: target.file, span: target.span }], help });
  }
};
