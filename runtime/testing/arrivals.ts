/**
 * Scripted arrivals: when an awaited artefact arrives. Times are on the
 * run's clock, where the run starts at the clock's start (0 by default).
 */
import type { ArrivalContext } from '../handlers.js';
import { formatTime, toMilliseconds, type Duration } from './duration.js';
import { scripted, type Scripted } from './scripted.js';

export type ScriptedArrival = Scripted<ArrivalContext<unknown>, number | null>;

/** The artefact is already there when the step asks for it: no waiting. */
export function arriveNow(): ScriptedArrival {
  return scripted((context) => context.now);
}

/**
 * The artefact arrives at `time` on the run's clock. A time already past is
 * stamped as the artefact's time, and the run goes on at once.
 */
export function arriveAt(time: Duration): ScriptedArrival {
  const at = toMilliseconds(time);
  return scripted(() => at);
}

/**
 * The artefact arrives `delay` after another artefact was produced or
 * arrived, as in `within 24h after Manifest`: the natural way to land just
 * inside or outside a deadline. If the anchor has no time when the step
 * asks, the handler throws, which the run shows as an artefact that never
 * arrives, naming the anchor.
 */
export function arriveAfter(anchorArtefact: string, delay: Duration): ScriptedArrival {
  const wait = toMilliseconds(delay);
  return scripted((context) => {
    const anchor = context.artefacts[anchorArtefact];
    if (anchor === undefined) {
      throw new Error(`arriveAfter: \`${anchorArtefact}\` has no time yet, at ${formatTime(context.now)}`);
    }
    return anchor + wait;
  });
}

/** The artefact never arrives: the step fails at its deadline, or at once as a permanent failure. */
export function neverArrive(): ScriptedArrival {
  return scripted(() => null);
}
