// barChart: a Mermaid bar chart whose series stack, with an axis from 0.
import { describe, expect, it } from 'vitest';
import { barChart } from '../../compiler/index.js';
import { niceTop } from '../../compiler/diagrams/bar-chart.js';

describe('barChart', () => {
  it('writes categories, an axis from 0 to a round top, the series back to front, and a covering strip', () => {
    const text = barChart({ xLabel: 'time', yLabel: 'installations', categories: ['1m', '5m'], series: [[10, 420], [3, 7]], colours: ['#1e7b34', '#b3261e', 'red; evil'] });
    expect(text).toContain('      plotColorPalette: "#1e7b34, #b3261e, #ffffff"\n');
    expect(text).toContain('\n  x-axis "time" ["1m", "5m"]\n  y-axis "installations" 0 --> 500\n  bar [10, 420]\n  bar [3, 7]\n  bar [0, 0]\n');
  });

  it('draws lines over the bars and the covering strip, each in its colour, within the axis', () => {
    const text = barChart({ xLabel: 'day', yLabel: 'n', categories: ['1', '2'], series: [[5, 6]], colours: ['#8c959f', '#000000'], lines: [[10, 30], [20, 600]], lineColours: ['#1e7b34', '#0550ae'] });
    expect(text).toContain('      plotColorPalette: "#8c959f, #ffffff, #1e7b34, #0550ae"\n');
    expect(text).toContain('\n  y-axis "n" 0 --> 1000\n  bar [5, 6]\n  bar [0, 0]\n  line [10, 30]\n  line [20, 600]\n');
    expect(barChart({ xLabel: 'day', yLabel: 'n', categories: ['1'], series: [], colours: [], lines: [[3]], lineColours: ['#1e7b34'] })).toContain('plotColorPalette: "#ffffff, #1e7b34"');
  });

  it('keeps labels inside their quotes', () => {
    expect(barChart({ xLabel: 'a"] bar [1', yLabel: 'y', categories: ['x"]'], series: [[1]], colours: [] })).toContain('x-axis "a bar 1" ["x"]');
  });

  it('rounds the top of the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 20, 21, 45_000, 50_001].map(niceTop)).toEqual([1, 1, 5, 20, 50, 50_000, 100_000]);
  });
});
