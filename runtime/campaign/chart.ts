/**
 * Small text charts for a terminal: a burn-up (cumulative values as columns
 * of eighth blocks) and a one-line sparkline. Days are grouped into at most
 * `width` columns; each column shows its last day (burn-up) or its largest
 * day (sparkline), so a peak is never averaged away.
 */

const eighths = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const levels = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** The days of each column: `[first, last]`, for `days` days in at most `width` columns. */
export function columns(days: number, width: number): [number, number][] {
  const count = Math.min(days, width);
  return Array.from({ length: count }, (_, column) => [Math.floor((column * days) / count), Math.floor(((column + 1) * days) / count) - 1]);
}

/**
 * Rows of a burn-up chart of `values` (already cumulative) against `top`,
 * top row first, each `columns(values.length, width).length` characters wide.
 */
export function burnUp(values: readonly number[], top: number, width: number, height: number): string[] {
  const heights = columns(values.length, width).map(([, last]) => (top <= 0 ? 0 : Math.round((values[last]! / top) * height * 8)));
  return Array.from({ length: height }, (_, row) => {
    const floor = (height - 1 - row) * 8;
    return heights.map((eighthsHigh) => (eighthsHigh >= floor + 8 ? '█' : eighthsHigh > floor ? eighths[eighthsHigh - floor]! : ' ')).join('');
  });
}

/** One line: the largest value of each column's days, scaled to the largest of all; a day with none is a space. */
export function sparkline(values: readonly number[], width: number): string {
  const peaks = columns(values.length, width).map(([first, last]) => Math.max(0, ...values.slice(first, last + 1)));
  const top = Math.max(0, ...peaks);
  return peaks.map((peak) => (peak === 0 ? ' ' : levels[Math.min(7, Math.floor((peak / top) * 7.999))]!)).join('');
}
