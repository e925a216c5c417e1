/**
 * Clocks. Every time in the runtime is a number of milliseconds on the run's
 * clock; a virtual clock makes a 48-hour retry plan run in microseconds.
 */

/** What the runtime needs from a clock. */
export interface Clock {
  /** The current time, in milliseconds. */
  now(): number;
  /**
   * Returns once the clock reads `time` or later. A virtual clock moves
   * there at once and returns nothing; a real clock returns a promise that
   * settles when the time has come. A time in the past returns at once.
   */
  waitUntil(time: number): void | Promise<void>;
}

/**
 * A clock that only moves when told to: waiting jumps straight to the
 * awaited time. The default clock of `migrate`, starting at 0.
 */
export class VirtualClock implements Clock {
  private time: number;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Moves the clock forward to `time`; never moves it back. */
  waitUntil(time: number): void {
    if (time > this.time) this.time = time;
  }

  /** Moves the clock forward by `duration` milliseconds. */
  advance(duration: number): void {
    if (duration > 0) this.time += duration;
  }
}
