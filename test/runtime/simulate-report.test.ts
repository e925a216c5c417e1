/**
 * The summary a migration manager reads (`summaryTables`), and its text,
 * Markdown and CSV renderings: every table adds up visibly, codes and
 * reports carry their titles, counts their percentages, and the fault
 * model's description comes first.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, formatSummaryCsv, formatSummaryMarkdown, simulate, summaryTables, type SummaryTable } from '../../runtime/index.js';
import { check, fail, policy, rollback, step } from './builder.js';

const compiled = policy([check('MA001', (installation) => installation.listed === true), step('A', { onFailure: fail('X1'), undo: 'UndoA' }), step('B', { onFailure: rollback('X2') })], {
  errors: { X1: { title: 'Step A failed' }, X2: { reports: [] } },
});
const faults = {
  description: 'Rates made up for this test.',
  steps: { A: { permanent: 0.2, duration: '90s' }, B: { permanent: 0.3 } },
  installation: { listed: { bool: 0.5 } },
};
const result = await simulate(compiled, { faults, cohorts: { C: 1000, 'C/G': 10 }, seed: 5 });
const context = { policy: compiled, faultsFile: 'faults.json' };
const report = summaryTables(result, context);
const table = (id: string): SummaryTable => report.tables.find((each) => each.id === id)!;
const values = (t: SummaryTable, column: string): (number | null | undefined)[] => t.rows.map((row) => row[t.columns.findIndex((c) => c.label === column)]!.value);

describe('summaryTables', () => {
  it('says where the rates come from before any figure', () => {
    expect(report.title).toBe('Test 1, seed 5: 1,010 installations');
    expect(report.caveat).toBe('The fault model faults.json says: Rates made up for this test.');
    const undescribed = summaryTables({ ...result, faultModel: { description: null } }, context).caveat;
    expect(undescribed).toMatch(/^The fault model faults\.json gives no description\. Its rates are assumptions .* not a forecast\.$/);
    expect(summaryTables(result, { faultsFile: null }).caveat).toBe('No fault model: every handler succeeds.');
  });

  it('counts failed and rolled back apart and together, and each code adds up to that total', () => {
    const outcomes = table('outcomes');
    const [failed, rolledBack, failures] = [values(outcomes, 'failed'), values(outcomes, 'rolled back'), values(outcomes, 'failures')];
    expect(result.total.outcomes['rolled-back']).toBeGreaterThan(0);
    failures.forEach((n, row) => expect(n).toBe(failed[row]! + rolledBack[row]!));
    const codes = table('codes');
    const total = codes.rows.at(-1)!;
    expect(total.map((cell) => cell.text).slice(0, 2)).toEqual(['total', 'failed + rolled back']);
    for (const population of ['C', 'C/G', 'total']) {
      const column = codes.columns.findIndex((c) => c.label === population);
      const sum = codes.rows.slice(0, -1).reduce((n, row) => n + row[column]!.value!, 0);
      expect(sum).toBe(total[column]!.value);
      expect(total[column]!.value).toBe(failures[outcomes.rows.findIndex((row) => row[0]!.text === population)]);
    }
    expect(total.at(-1)!.text).toBe('100.0%');
  });

  it('shows a percentage beside each outcome count, of its population', () => {
    const outcomes = table('outcomes');
    for (const row of outcomes.rows) {
      const [n, migrated, share] = [row[1]!.value!, row[2]!.value!, row[3]!];
      expect(share.text).toBe(`${((100 * migrated) / n).toFixed(1)}%`);
    }
  });

  it('titles codes and reports from the policy, and counts failures whose code goes to no report', () => {
    const codes = table('codes');
    expect(codes.columns.map((c) => c.label)).toEqual(['code', 'title', 'C', 'C/G', 'total', '% of failures']);
    expect(codes.rows.find((row) => row[0]!.text === 'X1')![1]!.text).toBe('Step A failed');
    const reports = table('reports');
    expect(reports.columns.map((c) => c.label)).toEqual(['report', 'title', 'C', 'C/G', 'total']);
    expect(reports.notes.join(' ')).toContain('may go to several reports');
    const unreported = reports.rows.find((row) => row[0]!.text === '(no report)')!;
    expect(unreported.at(-1)!.value).toBe(result.total.codes['X2']);
    expect(reports.rows.find((row) => row[0]!.text === 'R1')!.at(-1)!.value).toBe(result.total.codes['X1']! + result.total.codes['MA001']!);
    // Without the policy there are no titles, and no row for codes without a report.
    expect(summaryTables(result).tables.find((t) => t.id === 'codes')!.columns[1]!.label).toBe('C');
  });

  it('labels time-to-outcome columns in words, with their unit for machines', () => {
    const times = table('time-to-outcome');
    expect(times.columns.map((c) => c.label)).toEqual(['population', 'installations', 'mean', 'median', '90th percentile', '99th percentile', 'longest']);
    expect(times.columns.slice(2).every((c) => c.unit === 'ms')).toBe(true);
    expect(times.notes[0]).toContain('half took at most the median');
  });

  it('explains the installations with 0 attempts, and what resubmittable counts', () => {
    expect(table('attempts').rows[0]!.map((cell) => cell.text)[0]).toBe('0');
    expect(table('attempts').notes[0]).toContain('An installation with 0 made none: a check stopped it before its first step');
    const other = table('resubmission-rollback-incidents');
    expect(other.notes[0]).toMatch(/^Resubmittable: failures whose code allows a resubmission/);
    expect(other.rows.map((row) => row[0]!.text).slice(0, 2)).toEqual(['resubmittable', 'excluded']);
  });
});

describe('the summary as text, Markdown and CSV', () => {
  it('text: each table under its title and notes, with the caveat first', () => {
    const text = formatSummary(result, context);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Test 1, seed 5: 1,010 installations');
    expect(lines[1]).toBe('The fault model faults.json says: Rates made up for this test.');
    expect(text).toMatch(/\nOutcomes by cohort and group\n {2}Each installation ends migrated/);
    expect(text).toMatch(/\npopulation\s+installations\s+migrated\s+%\s+failed\s+%\s+rolled back\s+%\s+failures\n/);
    expect(text).toMatch(/\ntotal\s+failed \+ rolled back\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+100\.0%\n/);
    expect(text.endsWith('timelines kept\n')).toBe(true);
  });

  it('Markdown: a heading and a pipe table per table, figures right-aligned, pipes escaped', () => {
    const markdown = formatSummaryMarkdown(result, context);
    expect(markdown.startsWith('# Test 1, seed 5: 1,010 installations\n\nThe fault model faults.json says: Rates made up for this test.\n\n## Outcomes by cohort and group\n')).toBe(true);
    expect(markdown).toContain('| population | installations | migrated | % | failed | % | rolled back | % | failures |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n| C | 1,000 |');
    const piped = formatSummaryMarkdown({ ...result, faultModel: { description: 'a | b' } }, context);
    expect(piped).toContain('says: a \\| b');
  });

  it('CSV: one figure a line, unrounded, quoted where it must be', () => {
    const csv = formatSummaryCsv(result, context);
    const lines = csv.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'table,row,column,value',
      'simulation,,policy,Test 1',
      'simulation,,seed,5',
      'simulation,,installations,1010',
      'simulation,,fault model,The fault model faults.json says: Rates made up for this test.',
    ]);
    expect(lines).toContain(`outcomes,total,migrated,${result.total.outcomes.migrated}`);
    expect(lines).toContain(`outcomes,total,migrated %,${Math.round((1000 * result.total.outcomes.migrated) / 1010) / 10}`);
    expect(lines).toContain(`time-to-outcome,total,median (ms),${result.total.timeToOutcome.all.p50}`);
    expect(lines).toContain('codes,X1,title,Step A failed');
    const quoted = formatSummaryCsv({ ...result, faultModel: { description: 'rates, "assumed"' } }, context);
    expect(quoted).toContain('simulation,,fault model,"The fault model faults.json says: rates, ""assumed"""\n');
    // Every figure line has exactly four fields.
    for (const line of lines.slice(5)) expect(line.split(',').length, line).toBe(4);
  });
});
