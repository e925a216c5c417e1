/**
 * Deadlines: `within D after ANCHOR else ACTION`. A deadline applies once its
 * anchor (an artefact's production or arrival, or a step's completion) has
 * a time; until then it does not apply. The step races the earliest one.
 */
import type { StepFailure } from './failure.js';
import type { StepNode } from '../policy.js';
import type { Run } from './run.js';
import { formatTime } from '../timeline.js';

/** Sets `run.deadlineAt` and `run.deadlineIndex` to the step's earliest applicable deadline. */
export function watchDeadlines<I>(run: Run<I>, step: StepNode<I>): void {
  let earliest = Infinity;
  let index = -1;
  const deadlines = step.deadlines;
  for (let i = 0; i < deadlines.length; i++) {
    const deadline = deadlines[i]!;
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
 * The watched deadline has passed: moves to its instant (or stays at the
 * current time, if the step started after it) and reports the failure.
 */
export async function deadlinePassed<I>(run: Run<I>, step: StepNode<I>): Promise<StepFailure> {
  await run.advance(run.deadlineAt);
  const deadline = step.deadlines[run.deadlineIndex]!;
  run.emit('deadline', step.name, undefined, `${formatTime(deadline.within)} after ${deadline.anchor}`);
  return { cause: 'deadline', code: null, deadline: run.deadlineIndex };
}
