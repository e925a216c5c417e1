/**
 * Rule: one go at a step lasts less than 2^53 − 1 ms (about 285,616
 * years), counting its waits with their longest jitter and its attempts cut
 * at their timeout.
 * Reports: `time-too-long`, and `flow-too-long` when the steps' strategies
 * (with an incident's second go) add up past the limit.
 * Enforces: docs/language.md, "The schedule": times are exact milliseconds.
 * The runtime refuses the same strategies with the same words
 * (common/time-bound.ts), and stops a run whose clock would pass the limit.
 *
 * A factor of 99,999 over three retries waits 10^10 hours: a double holds
 * that time only to within a few milliseconds, and every sum, deadline and
 * percentile built on it would be silently wrong.
 */
import { attemptLimit, mostAttempts } from '../../common/attempt-bound.js';
import { longestGo, timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import { isSchedulable } from '../retry-timeline.js';
import type { Check, CheckInput } from './check.js';

export const checkTimesWithinRange: Check = (ctx, { model }) => {
  const longest = new Map<string, number>();
  for (const retry of model.retries.values()) {
    // A strategy with too many attempts is reported for that alone: one mistake, one error.
    if (!isSchedulable(retry) || mostAttempts(retry).attempts > attemptLimit) continue;
    const bound = longestGo(retry);
    longest.set(retry.name, bound.time);
    if (bound.time <= timeLimit) continue;
    const tier = retry.tiers[bound.tier];
    const file = retry.source.file;
    const notes = tier === undefined ? [] : [{ message: `the waits of tier \`${tier.name}\` take one go past the limit`, file, span: tier.source.span }];
    const help = 'lower the factor, add a `cap`, shorten the intervals or the timeout, or stop the strategy sooner with `within` or `attempts`';
    ctx.report('time-too-long', file, retry.node.name, { name: retry.name, limit: timeLimitInWords, tier: tier?.name ?? '' }, { notes, help });
  }
  checkFlow(ctx, model, longest);
};

/**
 * The steps run one after another, each go bounded as above, and an
 * incident's `then retry` gives a step another go: their sum is the
 * longest the flow's retries can take. Reported once, at the step that takes
 * it past the limit, when no strategy is past it on its own.
 */
function checkFlow(ctx: Parameters<Check>[0], model: CheckInput['model'], longest: ReadonlyMap<string, number>): void {
  if ([...longest.values()].some((time) => time > timeLimit)) return;
  let total = 0;
  for (const node of model.flow) {
    if (node.kind !== 'step' || node.retry === undefined) continue;
    const actions = [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)];
    const goes = 1 + actions.filter((action) => action?.kind === 'incident' && action.then === 'retry').length;
    total += goes * (longest.get(node.retry) ?? 0);
    if (total <= timeLimit) continue;
    const help = 'shorten the strategies of the steps, or stop them sooner with `within` or `attempts`';
    ctx.report('flow-too-long', node.source.file, node.node.name, { step: node.name, limit: timeLimitInWords }, { help });
    return;
  }
}
