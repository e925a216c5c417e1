/**
 * A bar chart as a Mermaid `xychart-beta`: categories along the x axis,
 * one or more series of bars. Mermaid draws the series of one category on
 * top of each other, first series at the back; given cumulative series
 * (all, then a part of it, then a part of that), the bars read as stacked.
 *
 * Lines (`lines`) are drawn over the bars, each its own series: two
 * cumulative series that may cross read better as lines than as bars.
 *
 * Labels are our own words and numbers; anything that could end a quoted
 * label is dropped (`mermaid-text.ts`).
 */
import { mermaidPlain } from './mermaid-text.js';

export interface BarChart {
  readonly title?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly categories: readonly string[];
  /** Each series has one value per category; the first is drawn at the back. */
  readonly series: readonly (readonly number[])[];
  /** One colour per series, `#rrggbb`. */
  readonly colours: readonly string[];
  /** Series drawn as lines over the bars, each with its colour in `lineColours`. */
  readonly lines?: readonly (readonly number[])[];
  readonly lineColours?: readonly string[];
}

export function barChart(chart: BarChart): string {
  const quoted = (text: string) => `"${mermaidPlain(text)}"`;
  const valid = (colours: readonly string[]) => colours.filter((colour) => /^#[0-9a-fA-F]{6}$/.test(colour));
  // Mermaid colours plots in the order they are declared: the bars, the covering strip, then the lines.
  const colours = [...valid(chart.colours).slice(0, chart.series.length), '#ffffff', ...valid(chart.lineColours ?? [])].join(', ');
  const lines = chart.lines ?? [];
  const values = (series: readonly number[]) => `[${series.map((value) => String(Number.isFinite(value) ? value : 0)).join(', ')}]`;
  const text = [
    '---',
    'config:',
    '  xyChart:',
    `    width: ${Math.max(500, Math.min(1000, 60 * chart.categories.length + 160))}`,
    '    height: 360',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colours}"`,
    '---',
    'xychart-beta',
    ...(chart.title === undefined ? [] : [`  title ${quoted(chart.title)}`]),
    `  x-axis ${quoted(chart.xLabel)} [${chart.categories.map(quoted).join(', ')}]`,
    // From 0, so a bar of nothing has no height (Mermaid's own range may start below 0).
    `  y-axis ${quoted(chart.yLabel)} 0 --> ${niceTop(Math.max(0, ...[...chart.series, ...lines].flat().filter(Number.isFinite)))}`,
    ...chart.series.map((series) => `  bar ${values(series)}`),
    // Mermaid draws every bar down to the bottom of the plot, which lies a
    // few pixels below 0; a last series of zeros in the page's colour
    // covers that strip, so a bar of nothing shows nothing.
    `  bar [${chart.categories.map(() => '0').join(', ')}]`,
    ...lines.map((series) => `  line ${values(series)}`),
  ];
  return `${text.join('\n')}\n`;
}

/** The top of the y axis: the largest value rounded up to 1, 2 or 5 times a power of ten. */
export function niceTop(largest: number): number {
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= largest)!;
}
