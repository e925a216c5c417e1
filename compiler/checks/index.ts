/**
 * Every static check, in the order they run. Each lives in its own file,
 * whose header names the rule and the section of docs/language.md it
 * enforces.
 *
 * The order reads like the reference: retry strategies (their shape first,
 * then their timelines, which skip a malformed strategy), failure paths,
 * rollbacks and deadlines, then reachability and use. Diagnostics are
 * sorted by position afterwards, so the order only groups the code.
 */
import { checkAnchorsReached } from './anchors-reached.js';
import { checkAttemptLimitReachable } from './attempt-limit-reachable.js';
import { checkAttemptsWithinLimit } from './attempts-within-limit.js';
import type { Check } from './check.js';
import { checkCodesReported } from './codes-reported.js';
import { checkCodesUsed } from './codes-used.js';
import { checkCountsAreWhole } from './counts-are-whole.js';
import { checkDeclarationsUsed } from './declarations-used.js';
import { checkFailuresHandled } from './failures-handled.js';
import { checkIncidentsHaveElse } from './incidents-have-else.js';
import { checkJitterRangeNotEmpty } from './jitter-range-not-empty.js';
import { checkPopulationsUsed } from './populations-used.js';
import { checkRefsPresent } from './refs-present.js';
import { checkRetryFitsDeadlines } from './retry-fits-deadlines.js';
import { checkRetryFitsWithin } from './retry-fits-within.js';
import { checkRetryHasTiers } from './retry-has-tiers.js';
import { checkRetryIsBounded } from './retry-is-bounded.js';
import { checkRollbackHasUndo } from './rollback-has-undo.js';
import { checkStepsHaveParty } from './steps-have-party.js';
import { checkStepsReachable } from './steps-reachable.js';
import { checkTierGrowth } from './tier-growth.js';
import { checkTimeoutFitsInterval } from './timeout-fits-interval.js';
import { checkTimeoutIsPositive } from './timeout-is-positive.js';
import { checkTimesWithinRange } from './times-within-range.js';

export type { Check, CheckInput } from './check.js';

export const checks: readonly Check[] = [
  // Retry strategies: shape.
  checkRetryHasTiers,
  checkRetryIsBounded,
  checkTierGrowth,
  checkCountsAreWhole,
  checkJitterRangeNotEmpty,
  checkTimeoutIsPositive,
  // Retry strategies: the earliest timeline.
  checkTimeoutFitsInterval,
  checkRetryFitsWithin,
  checkRetryFitsDeadlines,
  checkAttemptLimitReachable,
  checkAttemptsWithinLimit,
  checkTimesWithinRange,
  // Failure paths.
  checkFailuresHandled,
  checkCodesReported,
  checkCodesUsed,
  checkIncidentsHaveElse,
  checkStepsHaveParty,
  // Rollback and deadlines.
  checkRollbackHasUndo,
  checkAnchorsReached,
  // Reachability and use.
  checkStepsReachable,
  checkPopulationsUsed,
  checkDeclarationsUsed,
  checkRefsPresent,
];
