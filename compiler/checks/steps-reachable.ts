/**
 * Rule: every step runs for some cohort or group.
 * Reports: `unreachable-step` (warning).
 * Enforces: docs/language.md, "The migration flow" › "Guards": "A step that
 * no cohort or group can reach (its guards are false for every cohort and
 * group) is a warning".
 *
 * The step's guards (its stage's and its own) are evaluated for every
 * cohort alone and every cohort with each of its groups. A guard on
 * installation fields is unknown, so it never makes a step unreachable; the
 * step is unreachable only when, for every population, some guard is
 * definitely false.
 */
import type { Check } from './check.js';
import { guardEvaluator, populationsOf } from './guard-truth.js';

export const checkStepsReachable: Check = (ctx, { model }) => {
  const guardTruth = guardEvaluator(model);
  const populations = populationsOf(model);
  // With no cohort declared there is no population to run; the guards are judged for an unknown one.
  if (populations.length === 0) populations.push({ cohort: '', group: undefined });
  for (const step of model.flow) {
    if (step.kind !== 'step' || step.node.name.kind === 'Missing' || step.guards.length === 0) continue;
    const reachable = populations.some((population) => step.guards.every((guard) => guardTruth(guard, population) !== 'false'));
    if (reachable) continue;
    const notes = step.guards.flatMap((guard) => {
      const falseFor = populations.filter((population) => guardTruth(guard, population) === 'false').length;
      if (falseFor === 0) return [];
      const message = falseFor === populations.length ? 'this guard is false for every cohort and group' : 'this guard excludes some cohorts and groups';
      return [{ message, file: guard.source.file, span: guard.source.span }];
    });
    ctx.report('unreachable-step', step.source.file, step.node.name, { step: step.name }, { notes });
  }
};
