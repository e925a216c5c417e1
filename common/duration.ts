/**
 * Durations as policies write them (`90m`, `1h30m`, `250ms`): the one
 * parser and the one printer, used by the grammar (literals), the compiler
 * (timelines in messages, the diff), the runtime (timelines, fault models)
 * and the test helpers.
 *
 * Invariant: this folder imports nothing, so every layer may import it.
 */

const unitSizes: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// `ms` comes before `m`, so that `250ms` is not read as 250 minutes and an `s`.
const wholeDuration = /^(?:\d+(?:ms|s|m|h|d))+$/;
const durationParts = /(\d+)(ms|s|m|h|d)/g;

/**
 * Milliseconds of a duration written as digits and units (`ms`, `s`, `m`,
 * `h`, `d`), such as `1h30m`; `undefined` for any other text, or a total
 * past `Number.MAX_SAFE_INTEGER`.
 */
export function parseDuration(text: string): number | undefined {
  if (!wholeDuration.test(text)) return undefined;
  let total = 0;
  for (const [, digits, unit] of text.matchAll(durationParts)) total += Number(digits) * unitSizes[unit!]!;
  return Number.isSafeInteger(total) ? total : undefined;
}

/** Largest unit first; hours are not folded into days, so `48h` reads `48h`. */
const printedUnits = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
] as const;

/**
 * Milliseconds written the way policies write durations: `0s`, `5m`,
 * `1h15m`, `47h45m`, `1s500ms`. A fraction of a millisecond (exponential
 * intervals can leave one) is kept to three decimals; an infinite time is
 * `never`.
 */
export function formatDuration(milliseconds: number): string {
  if (Number.isNaN(milliseconds)) return 'NaN';
  if (!Number.isFinite(milliseconds)) return milliseconds > 0 ? 'never' : '-never';
  if (milliseconds < 0) return `-${formatDuration(-milliseconds)}`;
  let rest = milliseconds;
  let text = '';
  for (const [unit, size] of printedUnits) {
    const whole = Math.floor(rest / size);
    if (whole > 0) text += `${whole}${unit}`;
    rest -= whole * size;
  }
  rest = Math.round(rest * 1000) / 1000;
  if (rest > 0) text += `${rest}ms`;
  return text === '' ? '0s' : text;
}
