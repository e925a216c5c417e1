/**
 * A virtual clock for tests. `VirtualClock` already starts where it is told
 * and jumps to each awaited time; this adds duration text (`'9h'`) and a
 * record of where the run waited, which shows how a run spent its time
 * without reading the whole timeline.
 */
import { VirtualClock } from '../clock.js';
import { toMilliseconds, type Duration } from './duration.js';

export class TestClock extends VirtualClock {
  /** Every time the run waited until, in order (only waits that moved the clock forward). */
  readonly waits: number[] = [];

  /** Starts at `start` (0 by default): `new TestClock('9h')`. */
  constructor(start: Duration = 0) {
    super(toMilliseconds(start));
  }

  override waitUntil(time: number): void {
    if (time > this.now()) this.waits.push(time);
    super.waitUntil(time);
  }

  /** Moves the clock forward by `duration`, as if that much time passed between runs. */
  override advance(duration: Duration): void {
    super.advance(toMilliseconds(duration));
  }

  /** Moves the clock forward to `time`; a time already past leaves it where it is. */
  advanceTo(time: Duration): void {
    super.waitUntil(toMilliseconds(time));
  }
}
