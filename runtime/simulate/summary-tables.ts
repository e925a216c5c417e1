/**
 * `summaryTables`: the tables a migration manager reads from a simulation,
 * as data every format renders (text, Markdown, CSV in report.ts; the HTML
 * report in the command line): each cell has its text and, for a figure,
 * its number. The tables add up where they can and say so where they
 * cannot: the failures by code add up to the failed and rolled-back
 * installations of the outcomes table, row `total`; a report counts every
 * failure whose code goes to it, and one code may go to several or none.
 */
import { own } from '../../common/own.js';
import type { ErrorDefinition, ReportDefinition } from '../policy.js';
import { formatTime } from '../timeline.js';
import type { Percentiles, PopulationSummary, SimulationResult } from './result.js';

/** What the result does not hold: the policy (titles of codes and reports) and where the fault model came from. */
export interface SummaryContext {
  readonly policy?: { readonly errors: Readonly<Record<string, ErrorDefinition>>; readonly reports: Readonly<Record<string, ReportDefinition>> };
  /** The fault model's file as the user named it; `null`: no fault model. */
  readonly faultsFile?: string | null;
}

export interface SummaryCell {
  readonly text: string;
  /** The figure the text shows, unrounded (milliseconds for a time); absent for words. */
  readonly value?: number | null;
}

export interface SummaryColumn {
  readonly label: string;
  /** Figures are right-aligned. */
  readonly numeric: boolean;
  /** The unit of the column's values where the text shows another (`ms` for times). */
  readonly unit?: string;
}

export interface SummaryTable {
  /** A short name for the table, stable for machines: `outcomes`, `codes`, ... */
  readonly id: string;
  readonly title: string;
  /** What the table counts, in sentences. */
  readonly notes: readonly string[];
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly (readonly SummaryCell[])[];
}

export interface SummaryReport {
  /** `MEHRS 2.1, seed 0: 100,000 installations`. */
  readonly title: string;
  /** Where the rates come from, and that they are assumptions unless the fault model says otherwise. */
  readonly caveat: string;
  readonly tables: readonly SummaryTable[];
}

/** A count as reports print it: `1,234`. */
export const formatCount = (value: number): string => Math.round(value).toLocaleString('en-GB');

/** A time rounded to whole seconds (whole milliseconds below a second), as policies write durations; `-` for none. */
export const formatRoundedTime = (value: number | null): string => (value === null ? '-' : formatTime(value < 1000 ? value : Math.round(value / 1000) * 1000));

/** `IOC`, `MOC_Secure/DA`, or `total`: the population a summary counts. */
export const summaryName = (summary: PopulationSummary): string =>
  summary.cohort === null ? 'total' : summary.group === null ? summary.cohort : `${summary.cohort}/${summary.group}`;

/** `12.5%` of `of`, or `-` when `of` is 0. */
export const formatShare = (part: number, of: number): string => (of === 0 ? '-' : `${((100 * part) / of).toFixed(1)}%`);

const count = (value: number): SummaryCell => ({ text: formatCount(value), value });
const share = (part: number, of: number): SummaryCell => ({ text: formatShare(part, of), value: of === 0 ? null : Math.round((1000 * part) / of) / 10 });
const time = (value: number | null): SummaryCell => ({ text: formatRoundedTime(value), value });
const words = (text: string): SummaryCell => ({ text });
const label = (text: string): SummaryColumn => ({ label: text, numeric: false });
const figure = (text: string, unit?: string): SummaryColumn => (unit === undefined ? { label: text, numeric: true } : { label: text, numeric: true, unit });
const failuresOf = (summary: PopulationSummary): number => summary.outcomes.failed + summary.outcomes['rolled-back'];

export function summaryTables(result: SimulationResult, context: SummaryContext = {}): SummaryReport {
  const all = [...result.populations, result.total];
  const names = all.map(summaryName);
  const title = `${result.policy.name} ${result.policy.version}, seed ${result.seed}: ${formatCount(result.installations)} installations`;
  const tables: SummaryTable[] = [outcomes(all), times(all), codes(all, names, context), reports(all, names, context)];
  tables.push(attempts(result.total), counts(all, names));
  return { title, caveat: caveat(result, context), tables };
}

function caveat(result: SimulationResult, context: SummaryContext): string {
  const source = context.faultsFile === undefined ? 'The fault model' : context.faultsFile === null ? 'No fault model: every handler succeeds.' : `The fault model ${context.faultsFile}`;
  if (context.faultsFile === null) return source;
  const description = result.faultModel.description;
  return description === null
    ? `${source} gives no description. Its rates are assumptions until measured ones replace them: these figures are what the policy does with those rates, not a forecast.`
    : `${source} says: ${description}`;
}

function outcomes(all: readonly PopulationSummary[]): SummaryTable {
  return {
    id: 'outcomes',
    title: 'Outcomes by cohort and group',
    notes: ['Each installation ends migrated, failed or rolled back (failed, with every change since its last commit point undone); the percentages are of its population. Failed and rolled back together are the failures counted by code and by report below.'],
    columns: [label('population'), figure('installations'), figure('migrated'), figure('%'), figure('failed'), figure('%'), figure('rolled back'), figure('%'), figure('failures')],
    rows: all.map((summary) => {
      const { migrated, failed } = summary.outcomes;
      const rolledBack = summary.outcomes['rolled-back'];
      const n = summary.installations;
      return [words(summaryName(summary)), count(n), count(migrated), share(migrated, n), count(failed), share(failed, n), count(rolledBack), share(rolledBack, n), count(failed + rolledBack)];
    }),
  };
}

function times(all: readonly PopulationSummary[]): SummaryTable {
  const row = (summary: PopulationSummary, p: Percentiles) => [words(summaryName(summary)), count(p.count), time(p.mean), time(p.p50), time(p.p90), time(p.p99), time(p.max)];
  return {
    id: 'time-to-outcome',
    title: 'Time to outcome',
    notes: ['Virtual time from an installation\'s start to its outcome, whatever the outcome: half took at most the median, 90% at most the 90th percentile, 99% at most the 99th (each read to within 1/256 of the time).'],
    columns: [label('population'), figure('installations'), figure('mean', 'ms'), figure('median', 'ms'), figure('90th percentile', 'ms'), figure('99th percentile', 'ms'), figure('longest', 'ms')],
    rows: all.map((summary) => row(summary, summary.timeToOutcome.all)),
  };
}

function codes(all: readonly PopulationSummary[], names: readonly string[], context: SummaryContext): SummaryTable {
  const total = all.at(-1)!;
  const titled = context.policy !== undefined;
  const codeRow = (code: string): SummaryCell[] => [
    words(code),
    ...(titled ? [words(own(context.policy!.errors, code)?.title ?? '')] : []),
    ...all.map((summary) => count(own(summary.codes, code) ?? 0)),
    share(own(total.codes, code) ?? 0, failuresOf(total)),
  ];
  const totalRow = [words('total'), ...(titled ? [words('failed + rolled back')] : []), ...all.map((summary) => count(failuresOf(summary))), share(failuresOf(total), failuresOf(total))];
  return {
    id: 'codes',
    title: 'Failures by code',
    notes: ['Every failed or rolled-back installation under the code it ended with; row `total` is the failures column of the outcomes table. `%` is the share of all failures.'],
    columns: [label('code'), ...(titled ? [label('title')] : []), ...names.map((name) => figure(name)), figure('% of failures')],
    rows: [...Object.keys(total.codes).map(codeRow), totalRow],
  };
}

function reports(all: readonly PopulationSummary[], names: readonly string[], context: SummaryContext): SummaryTable {
  const total = all.at(-1)!;
  const policy = context.policy;
  const rows: SummaryCell[][] = Object.keys(total.reports).map((report) => [
    words(report),
    ...(policy === undefined ? [] : [words(own(policy.reports, report)?.title ?? '')]),
    ...all.map((summary) => count(own(summary.reports, report) ?? 0)),
  ]);
  const notes = ['A report counts every failure whose code goes to it. A code may go to several reports, so a failure may count in more than one row.'];
  if (policy !== undefined) {
    // Failures whose code goes to no report: without this row a reader cannot tell them from a miscount.
    const unreported = (summary: PopulationSummary): number =>
      Object.entries(summary.codes).reduce((sum, [code, n]) => sum + ((own(policy.errors, code)?.reports.length ?? 0) === 0 ? n : 0), 0);
    if (unreported(total) > 0) rows.push([words('(no report)'), words('failures whose code goes to no report'), ...all.map((summary) => count(unreported(summary)))]);
  }
  return {
    id: 'reports',
    title: 'Failures by report',
    notes,
    columns: [label('report'), ...(policy === undefined ? [] : [label('title')]), ...names.map((name) => figure(name))],
    rows,
  };
}

function attempts(total: PopulationSummary): SummaryTable {
  const n = total.installations;
  return {
    id: 'attempts',
    title: 'Step attempts per installation',
    notes: [
      `Handler calls of steps, retries included, per installation: mean ${total.attempts.mean ?? '-'}, at most ${formatCount(total.attempts.max)}. ` +
        'An installation with 0 made none: a check stopped it before its first step (or every step\'s guard skipped it, and it migrated).',
    ],
    columns: [label('attempts'), figure('installations'), figure('%')],
    rows: Object.entries(total.attempts.histogram).map(([attempts, installations]) => [words(attempts), count(installations), share(installations, n)]),
  };
}

function counts(all: readonly PopulationSummary[], names: readonly string[]): SummaryTable {
  const total = all.at(-1)!;
  const row = (what: string, read: (summary: PopulationSummary) => number): SummaryCell[] => [words(what), ...all.map((summary) => count(read(summary)))];
  const resolvers = Object.keys(total.incidents.resolvedBy);
  return {
    id: 'resubmission-rollback-incidents',
    title: 'Resubmission, rollbacks and incidents',
    notes: [
      'Resubmittable: failures whose code allows a resubmission (`resubmit`, or `resubmit after rollback` for a rolled-back one), which a campaign sends again after their delay. ' +
        'Excluded: failures on the migration attempt the policy\'s `exclude after` stops at.',
      'A rollback with nothing to undo is a plain failure, not counted as started.',
    ],
    columns: [label('count'), ...names.map((name) => figure(name))],
    rows: [
      row('resubmittable', (s) => s.resubmittable),
      row('excluded', (s) => s.excluded),
      row('rollbacks started', (s) => s.rollbacks.started),
      row('rolled back', (s) => s.rollbacks.rolledBack),
      row('stopped at a failed undo', (s) => s.rollbacks.undoFailed),
      row('nothing to undo', (s) => s.rollbacks.nothingToUndo),
      row('incidents raised', (s) => s.incidents.raised),
      row('incidents unresolved', (s) => s.incidents.unresolved),
      ...resolvers.map((party) => row(`resolved by ${party}`, (s) => own(s.incidents.resolvedBy, party) ?? 0)),
    ],
  };
}
