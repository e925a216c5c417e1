/**
 * Durations as tests write them. A test states times in the units its
 * policy uses (`'10m'`, `'1h30m'`), so it reads like the policy it checks;
 * milliseconds work too, for computed values.
 */
import { parseDuration } from '../../common/duration.js';
import { formatTime } from '../timeline.js';

/** A duration or a time on the run's clock: milliseconds, or text such as `'10m'` or `'1h30m'`. */
export type Duration = number | string;

/**
 * Milliseconds in a duration written as in a policy: one or more
 * `<digits><unit>` with units `ms`, `s`, `m`, `h`, `d`. The inverse of
 * `formatTime` for whole milliseconds. Anything else throws: a malformed
 * duration is a bug in the test, and silently reading it as 0 would hide it.
 */
export function duration(text: string): number {
  const milliseconds = parseDuration(text);
  if (milliseconds === undefined) {
    throw new Error(`\`${text}\` is not a duration: write digits and units, as in \`10m\` or \`1h30m\``);
  }
  return milliseconds;
}

/** A `Duration` in milliseconds; a number must be finite and not negative. */
export function toMilliseconds(value: Duration): number {
  if (typeof value === 'string') return duration(value);
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`${value} is not a duration: give a finite number of milliseconds from 0`);
  }
  return value;
}

export { formatTime };
