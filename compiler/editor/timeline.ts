/**
 * Retry timelines in words, for hovers and inlay hints: the earliest
 * timeline of `retry-timeline.ts` (every attempt failing at once, every
 * jitter draw at its minimum), read from a strategy's own declaration.
 */
import { formatDuration } from '../../common/duration.js';
import type * as A from '../../grammar/index.js';
import { PassContext } from '../context.js';
import { lowerRetry } from '../lower.js';
import type { RetryModel } from '../model.js';
import { isSchedulable, retryTimeline, type Draws, type PlannedAttempt } from '../retry-timeline.js';

/** The strategy a declaration states, on its own: what its hover and the hints of its uses show. */
export function retryOf(file: string, node: A.RetryDecl): RetryModel {
  // Repeated items are reported by the check; here only the model is wanted.
  return lowerRetry(new PassContext([]), file, node);
}

/** How many attempts a schedule lists at most in words: the first ones, then the last two. */
const shownFirst = 5;

/**
 * `attempt 1 at 0s, 2 at 5m, 3 at 10m, 4 at 15m, 5 at 45m, … 99 at 47h45m;
 * gives up at 48h`; `undefined` while the strategy is too broken to have a
 * timeline (the checks say why). The earliest timeline unless `draws` asks
 * for the latest (the policy document gives both for a strategy with jitter).
 */
export function describeTimeline(retry: RetryModel, draws: Draws = 'earliest'): string | undefined {
  if (!isSchedulable(retry)) return undefined;
  const timeline = retryTimeline(retry, draws);
  const { attempts } = timeline;
  const at = (attempt: PlannedAttempt): string => `${attempt.number} at ${formatDuration(attempt.at)}`;
  const shown = attempts.length <= shownFirst + 2 ? attempts.map(at) : [...attempts.slice(0, shownFirst).map(at), `… ${attempts.slice(-2).map(at).join(', ')}`];
  const list = `attempt ${shown.join(', ')}`;
  if (timeline.end === 'cap') return `${list}, and more: the schedule is cut off after ${attempts.length} attempts`;
  return `${list}; gives up at ${formatDuration(timeline.exhaustedAt)}`;
}

/** `7 attempts over 48h`: a strategy's size in a few words, `undefined` while it has no timeline. */
export function summarizeTimeline(retry: RetryModel): string | undefined {
  if (!isSchedulable(retry)) return undefined;
  const timeline = retryTimeline(retry);
  const count = timeline.end === 'cap' ? `over ${timeline.attempts.length} attempts` : `${timeline.attempts.length} ${timeline.attempts.length === 1 ? 'attempt' : 'attempts'}`;
  return `${count} over ${formatDuration(timeline.exhaustedAt)}`;
}

/**
 * The last attempt of the strategy's earliest timeline that is scheduled no
 * later than `deadline` after the first: what still fits before a deadline.
 */
export function lastAttemptBy(retry: RetryModel, deadline: number): { attempt: PlannedAttempt; all: boolean } | undefined {
  if (!isSchedulable(retry)) return undefined;
  const { attempts } = retryTimeline(retry);
  let last: PlannedAttempt | undefined;
  for (const attempt of attempts) {
    if (attempt.at > deadline) break;
    last = attempt;
  }
  return last === undefined ? undefined : { attempt: last, all: last === attempts[attempts.length - 1] };
}
