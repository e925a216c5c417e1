/**
 * Rule: every step has an acting party, its own or its stage's.
 * Reports: `missing-party`.
 * Enforces: docs/language.md, "The migration flow" › `step` ("an action
 * performed by a party") and `stage` ("Its guard, party and section apply
 * to every item inside").
 */
import type { Check } from './check.js';
import { stageNode } from './syntax-lookup.js';

export const checkStepsHaveParty: Check = (ctx, { model, table }) => {
  for (const step of model.flow) {
    if (step.kind !== 'step' || step.node.name.kind === 'Missing') continue;
    // A `by` whose name recovery lost counts as written: it was reported as a syntax error.
    if (step.node.party !== undefined || stageNode(table, step.stage)?.party !== undefined) continue;
    const help = step.stage === undefined ? 'add `by PARTY` after the step name' : 'add `by PARTY` to the step or to its stage';
    ctx.report('missing-party', step.source.file, step.node.name, { step: step.name }, { help });
  }
};
