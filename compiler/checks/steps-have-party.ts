/**
 * Rule: every step has an acting party, its own or its stage's.
 * Reports: `missing-party`.
 * Enforces: docs/language.md, "The migration flow" › `step` ("an action
 * performed by a party") and `stage` ("Its guard, party and section apply
 * to every item inside").
 */
import type { Check } from './check.js';
import { helpWithName } from './policy-names.js';
import { stageNode } from './syntax-lookup.js';

export const checkStepsHaveParty: Check = (ctx, { model, table }) => {
  for (const step of model.flow) {
    if (step.kind !== 'step' || step.node.name.kind === 'Missing') continue;
    // A `by` whose name recovery lost counts as written: it was reported as a syntax error.
    if (step.node.party !== undefined || stageNode(table, step.stage)?.party !== undefined) continue;
    const where = step.stage === undefined ? 'after the step name' : 'to the step or to its stage';
    const help = helpWithName(table, 'party', 'PARTY', 'by PARTY', where, 'a party (`party PARTY "title"`)');
    ctx.report('missing-party', step.source.file, step.node.name, { step: step.name }, { help });
  }
};
