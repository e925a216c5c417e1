/**
 * `formatSummary`: a simulation result as plain-text tables for a terminal
 * or a report: outcomes and times per population, failures by code and by
 * report, then rollbacks, incidents and attempts. No colours, no I/O.
 */
import { own } from '../../common/own.js';
import type { PopulationSummary, SimulationResult } from './result.js';
import { formatTime } from '../timeline.js';

/** A count as reports print it: `1,234`. */
export const formatCount = (value: number): string => Math.round(value).toLocaleString('en-GB');
const number = formatCount;

/** A time rounded to whole seconds (whole milliseconds below a second), as policies write durations; `-` for none. */
export const formatRoundedTime = (value: number | null): string => (value === null ? '-' : formatTime(value < 1000 ? value : Math.round(value / 1000) * 1000));
const time = formatRoundedTime;

/** `IOC`, `MOC_Secure/DA`, or `total`: the population a summary counts. */
export const summaryName = (summary: PopulationSummary): string =>
  summary.cohort === null ? 'total' : summary.group === null ? summary.cohort : `${summary.cohort}/${summary.group}`;
const nameOf = summaryName;

/** Left-aligns the first column and right-aligns the rest. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatSummary(result: SimulationResult): string {
  const all = [...result.populations, result.total];
  const sections: string[] = [];
  sections.push(`${result.policy.name} ${result.policy.version}, seed ${result.seed}: ${number(result.installations)} installations`);
  sections.push(
    table(
      ['population', 'installations', 'migrated', 'failed', 'rolled back', 'p50', 'p90', 'p99', 'max'],
      all.map((summary) => {
        const times = summary.timeToOutcome.all;
        const { migrated, failed } = summary.outcomes;
        const counts = [summary.installations, migrated, failed, summary.outcomes['rolled-back']].map(number);
        return [nameOf(summary), ...counts, time(times.p50), time(times.p90), time(times.p99), time(times.max)];
      }),
    ),
  );
  const names = all.map(nameOf);
  const codes = Object.keys(result.total.codes);
  if (codes.length > 0) {
    sections.push(table(['failures by code', ...names], codes.map((code) => [code, ...all.map((s) => number(own(s.codes, code) ?? 0))])));
  }
  const reports = Object.keys(result.total.reports);
  if (reports.length > 0) {
    sections.push(table(['failures by report', ...names], reports.map((report) => [report, ...all.map((s) => number(own(s.reports, report) ?? 0))])));
  }
  const { rollbacks, incidents, attempts, resubmittable, excluded } = result.total;
  const resolved = Object.entries(incidents.resolvedBy).map(([party, count]) => `${party} ${number(count)}`);
  const histogram = Object.entries(attempts.histogram).map(([count, installations]) => `${count}: ${number(installations)}`);
  sections.push(
    [
      `resubmittable ${number(resubmittable)}, excluded ${number(excluded)}`,
      `rollbacks: ${number(rollbacks.started)} started, ${number(rollbacks.rolledBack)} rolled back, ` +
        `${number(rollbacks.undoFailed)} stopped at a failed undo; ${number(rollbacks.nothingToUndo)} with nothing to undo failed plainly`,
      `incidents: ${number(incidents.raised)} raised, ${number(incidents.unresolved)} unresolved` +
        (resolved.length > 0 ? `; resolved by ${resolved.join(', ')}` : ''),
      `step attempts per installation: mean ${attempts.mean ?? '-'}, max ${number(attempts.max)}`,
      `  ${histogram.join('  ')}`,
      `samples: ${result.samples.length} timelines kept`,
    ].join('\n'),
  );
  return `${sections.join('\n\n')}\n`;
}
