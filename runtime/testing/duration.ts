/**
 * Durations as tests write them. A test states times in the units its
 * policy uses (`'10m'`, `'1h30m'`), so it reads like the policy it checks;
 * milliseconds work too, for computed values.
 */
import { formatTime } from '../timeline.js';

/** A duration or a time on the run's clock: milliseconds, or text such as `'10m'` or `'1h30m'`. */
export type Duration = number | string;

const unitSizes: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// `ms` comes before `m` so that `250ms` is not read as 250 minutes and an `s`.
const wholeText = /^(?:\d+(?:ms|s|m|h|d))+$/;
const parts = /(\d+)(ms|s|m|h|d)/g;

/**
 * Milliseconds in a duration written as in a policy: one or more
 * `<digits><unit>` with units `ms`, `s`, `m`, `h`, `d`. The inverse of
 * `formatTime` for whole milliseconds. Anything else throws: a malformed
 * duration is a bug in the test, and silently reading it as 0 would hide it.
 */
export function duration(text: string): number {
  if (!wholeText.test(text)) {
    throw new Error(`\`${text}\` is not a duration: write digits and units, as in \`10m\` or \`1h30m\``);
  }
  let total = 0;
  for (const [, digits, unit] of text.matchAll(parts)) total += Number(digits) * unitSizes[unit!]!;
  return total;
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
