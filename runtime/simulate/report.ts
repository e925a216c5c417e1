/**
 * A simulation's summary (summary-tables.ts) in the formats people read
 * and tools load: plain text for a terminal (`formatSummary`), Markdown
 * for a review or a wiki (`formatSummaryMarkdown`), and CSV for a
 * spreadsheet (`formatSummaryCsv`, one figure a line). No colours, no I/O.
 */
import type { SimulationResult } from './result.js';
import { summaryTables, type SummaryColumn, type SummaryContext, type SummaryReport, type SummaryTable } from './summary-tables.js';

export { formatCount, formatRoundedTime, formatShare, summaryName, summaryTables } from './summary-tables.js';
export type { SummaryCell, SummaryColumn, SummaryContext, SummaryReport, SummaryTable } from './summary-tables.js';

/** Notes are wrapped at this width in text. */
const textWidth = 100;

/** Left-aligns words and right-aligns figures. */
function textTable(table: SummaryTable): string {
  const header = table.columns.map((column) => column.label);
  const rows = table.rows.map((row) => row.map((cell) => cell.text));
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (table.columns[column]!.numeric ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

const samplesLine = (result: SimulationResult): string => `samples: ${result.samples.length} timelines kept`;

/** The summary as text tables, each under its title and what it counts. */
export function formatSummary(result: SimulationResult, context: SummaryContext = {}): string {
  return renderText(summaryTables(result, context), samplesLine(result));
}

function renderText(report: SummaryReport, last: string): string {
  const sections = [[report.title, ...wrap(report.caveat, textWidth)].join('\n')];
  for (const table of report.tables) {
    if (table.rows.length === 0) continue;
    sections.push([table.title, ...table.notes.flatMap((note) => wrap(note, textWidth - 2).map((line) => `  ${line}`)), textTable(table)].join('\n'));
  }
  sections.push(last);
  return `${sections.join('\n\n')}\n`;
}

/** Text in a Markdown table cell: a `|` would end the cell, a line break the row. */
const markdownCell = (text: string): string => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');

/** The summary as a Markdown document: a heading and a pipe table per table. */
export function formatSummaryMarkdown(result: SimulationResult, context: SummaryContext = {}): string {
  const report = summaryTables(result, context);
  const parts = [`# ${markdownCell(report.title)}`, markdownCell(report.caveat)];
  for (const table of report.tables) {
    if (table.rows.length === 0) continue;
    const row = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
    const rule = `|${table.columns.map((column) => (column.numeric ? ' ---: ' : ' --- ')).join('|')}|`;
    parts.push(`## ${table.title}`, ...table.notes.map(markdownCell), [row(table.columns.map((c) => c.label)), rule, ...table.rows.map((r) => row(r.map((c) => c.text)))].join('\n'));
  }
  parts.push(markdownCell(samplesLine(result)));
  return `${parts.join('\n\n')}\n`;
}

/** A CSV field, quoted when it must be (RFC 4180). */
const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A column's name in CSV: a `%` column says what it is the share of, and a time its unit. */
function csvColumn(columns: readonly SummaryColumn[], index: number): string {
  const column = columns[index]!;
  const name = column.label.startsWith('%') && index > 0 ? `${columns[index - 1]!.label} ${column.label}` : column.label;
  return column.unit === undefined ? name : `${name} (${column.unit})`;
}

/**
 * The summary as CSV with one figure a line, `table,row,column,value`:
 * `outcomes,IOC,migrated,13500`, `time-to-outcome,total,median (ms),1495000`.
 * Figures are unrounded numbers (times in milliseconds, shares in percent);
 * the first lines name the policy, the seed and the fault model.
 */
export function formatSummaryCsv(result: SimulationResult, context: SummaryContext = {}): string {
  const report = summaryTables(result, context);
  const lines = ['table,row,column,value'];
  const add = (...fields: string[]) => lines.push(fields.map(csvField).join(','));
  add('simulation', '', 'policy', `${result.policy.name} ${result.policy.version}`);
  add('simulation', '', 'seed', String(result.seed));
  add('simulation', '', 'installations', String(result.installations));
  add('simulation', '', 'fault model', report.caveat);
  for (const table of report.tables) {
    for (const row of table.rows) {
      row.forEach((cell, column) => {
        if (column === 0) return;
        const value = cell.value === undefined ? cell.text : cell.value === null ? '' : String(cell.value);
        add(table.id, row[0]!.text, csvColumn(table.columns, column), value);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
