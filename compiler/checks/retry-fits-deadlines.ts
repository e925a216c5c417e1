/**
 * Rule: every attempt a step's strategy makes can happen before each of the
 * step's deadlines, even on the earliest timeline.
 * Reports: `retry-exceeds-deadline`.
 * Enforces: docs/language.md, "The schedule" ("no deadline of the step has
 * passed") and "What the compiler checks": "a retry that falls after a
 * deadline of a step that uses the strategy, with its time".
 *
 * The step starts no earlier than the deadline's anchor, so an attempt
 * scheduled more than `within` after the first one always comes after the
 * deadline. A deadline whose anchor has not happened before the step does
 * not apply to it (`anchor-not-reached` covers the case where it never
 * applies). Reported once per step and deadline, at the step's `retry`.
 * An `await`'s own deadline bounds the arrival, which comes before the
 * first attempt, and not the attempts: the schedule is not judged against it.
 */
import { firstAttemptAfter, type PlannedAttempt } from '../retry-timeline.js';
import { anchorLookup } from './anchors.js';
import type { Check } from './check.js';
import { deadlineNodes, sourceKey, schedulable } from './syntax-lookup.js';
import { formatDuration } from '../../common/duration.js';

export const checkRetryFitsDeadlines: Check = (ctx, { model, table }) => {
  const anchorState = anchorLookup(table, model.flow);
  const deadlines = deadlineNodes(ctx);
  // Many steps share a strategy and a deadline: each pair is worked out once.
  const late = new Map<string, PlannedAttempt | undefined>();
  for (const step of model.flow) {
    if (step.kind !== 'step' || step.retry === undefined || step.deadlines.length === 0) continue;
    const retry = model.retries.get(step.retry);
    const retryItem = step.node.items.find((item) => item.kind === 'StepRetry');
    if (retry === undefined || retryItem === undefined || !schedulable(ctx, retry)) continue;
    for (const deadline of step.deadlines) {
      if (deadline.arrival) continue;
      const node = deadlines.get(sourceKey(deadline.source));
      if (node === undefined || node.within.kind === 'Missing' || ctx.recovered(deadline.source.file, node)) continue;
      if (anchorState(step, deadline.anchor, false) !== 'reached') continue;
      const key = `${retry.name}:${deadline.within}`;
      if (!late.has(key)) late.set(key, firstAttemptAfter(retry, deadline.within));
      const attempt = late.get(key);
      if (attempt === undefined) continue;
      const within = formatDuration(deadline.within);
      const fitting = attempt.number - 1;
      ctx.report(
        'retry-exceeds-deadline',
        step.source.file,
        retryItem,
        { attempt: String(attempt.number), time: formatDuration(attempt.at), deadline: within },
        {
          notes: [
            { message: `the deadline is ${within} after \`${deadline.anchor ?? ''}\`, and the step starts no earlier`, file: deadline.source.file, span: deadline.source.span },
            { message: `strategy \`${retry.name}\` is declared here`, file: retry.source.file, span: retry.node.name },
          ],
          help: `only ${fitting} ${fitting === 1 ? 'attempt fits' : 'attempts fit'} before the deadline: shorten the strategy or lengthen the deadline`,
        },
      );
    }
  }
};
