/**
 * Deadlines: `within D after ANCHOR else ACTION`. A deadline applies once its
 * anchor (an artefact's production or arrival, or a step's completion) has
 * a time; until then it does not apply. A step deadline bounds the whole
 * step, which races the earliest one; an arrival deadline (`arrival`,
 * written after an `await`) bounds only the time the awaited artefact
 * arrives (docs/language.md, "Deadlines").
 */
import type { StepFailure } from './failure.js';
import type { StepNode } from '../policy.js';
import type { Run } from './run.js';
import { formatTime } from '../timeline.js';

/** Sets `run.deadlineAt` and `run.deadlineIndex` to the step's earliest applicable step deadline. */
export function watchDeadlines<I>(run: Run<I>, step: StepNode<I>): void {
  let earliest = Infinity;
  let index = -1;
  const deadlines = step.deadlines;
  for (let i = 0; i < deadlines.length; i++) {
    const deadline = deadlines[i]!;
    if (deadline.arrival === true) continue;
    const anchor = run.anchorTime(deadline.anchor);
    if (anchor === undefined) continue;
    const due = anchor + deadline.within;
    // Invariant: on a tie the deadline written first wins.
    if (due < earliest) {
      earliest = due;
      index = i;
    }
  }
  run.deadlineAt = earliest;
  run.deadlineIndex = index;
}

/**
 * Whether the wait for the step's awaited artefact ends at a deadline: the
 * watched step deadline, when the artefact is not there before it
 * (`arrivesAt`, when the run could go on), or an arrival deadline that
 * the artefact's arrival time `arrival` misses (`Infinity` if it never
 * arrives). An arrival at exactly the due instant is in time. A missed
 * arrival deadline fires at its due instant, or now if that has passed.
 * The one that fires first is made the watched deadline (the one written
 * first on a tie), for `deadlinePassed`.
 */
export function missedWhileWaiting<I>(run: Run<I>, step: StepNode<I>, arrival: number, arrivesAt: number): boolean {
  let fires = arrivesAt > run.deadlineAt ? Math.max(run.deadlineAt, run.now) : Infinity;
  let index = fires === Infinity ? -1 : run.deadlineIndex;
  const deadlines = step.deadlines;
  for (let i = 0; i < deadlines.length; i++) {
    const deadline = deadlines[i]!;
    if (deadline.arrival !== true) continue;
    const anchor = run.anchorTime(deadline.anchor);
    if (anchor === undefined) continue;
    const due = anchor + deadline.within;
    if (arrival <= due) continue;
    const at = Math.max(due, run.now);
    if (at < fires || (at === fires && i < index)) {
      fires = at;
      index = i;
    }
  }
  if (index < 0) return false;
  run.deadlineAt = fires;
  run.deadlineIndex = index;
  return true;
}

/**
 * The watched deadline has passed: moves to its instant (or stays at the
 * current time, if the step started after it) and reports the failure.
 */
export async function deadlinePassed<I>(run: Run<I>, step: StepNode<I>): Promise<StepFailure> {
  await run.advance(run.deadlineAt);
  const deadline = step.deadlines[run.deadlineIndex]!;
  const bound = deadline.arrival === true ? `${step.await ?? ''} within ` : '';
  run.emit('deadline', step.name, undefined, `${bound}${formatTime(deadline.within)} after ${deadline.anchor}`);
  return { cause: 'deadline', code: null, deadline: run.deadlineIndex };
}
