// The simulation report, built from the result data: what each part says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiatePolicy, plainText, renderMarkdown, type Block } from '../../compiler/index.js';
import { simulate, summaryTables } from '../../runtime/index.js';
import { simulationReport } from '../../cli/report/simulation-report.js';
import { timelineChart } from '../../cli/report/timeline-chart.js';
import { compileFolder, repo } from '../diagrams/policies.js';

const compiled = compileFolder('policies/mehrs/v2.1');
const policy = instantiatePolicy(compiled);
const faults = JSON.parse(readFileSync(path.join(repo, 'policies/mehrs/v2.1/faults.json'), 'utf8')) as { description: string };
const result = await simulate(policy, { faults, cohorts: { IOC: 1000, 'MOC_Secure/DA': 1000 }, seed: 2 });
const context = { policy, faultsFile: 'faults.json' };
const report = simulationReport({ result, summary: context });
const tables = report.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');

describe('simulationReport', () => {
  it('has the parts a migration manager reads, in order', async () => {
    const headings = report.blocks.flatMap((block) => (block.kind === 'heading' && block.level <= 2 ? [block.text] : []));
    expect(headings).toEqual([
      'MEHRS 2.1: simulation of 2,000 installations',
      'Outcomes by cohort and group',
      'Time to outcome',
      'Failures by code',
      'Failures by report',
      'Step attempts per installation',
      'Resubmission, rollbacks and incidents',
      'Sampled timelines',
    ]);
    const text = renderMarkdown(report);
    expect(text).toContain('Seed `2`.');
    expect(text).toContain('The fault model faults.json says: Default fault model for MEHRS v2.1');
    const silent = renderMarkdown(simulationReport({ result, summary: { policy, faultsFile: null } }));
    expect(silent).toContain('No fault model: every handler succeeds.');
    const undescribed = await simulate(policy, { faults: { ...faults, description: undefined }, cohorts: { IOC: 10 } });
    expect(renderMarkdown(simulationReport({ result: undescribed, summary: context }))).toContain('The fault model faults.json gives no description. Its rates are assumptions');
  });

  it('shows exactly the tables of the text summary, with the same figures', () => {
    const summary = summaryTables(result, context);
    const shown = tables.filter((table) => summary.tables.some((each) => each.columns[0]!.label === table.header[0] && each.columns.length === table.header.length));
    expect(shown.map((table) => table.rows.map((row) => row.map(plainText)))).toEqual(summary.tables.map((table) => table.rows.map((row) => row.map((cell) => cell.text))));
    expect(shown.map((table) => table.header)).toEqual(summary.tables.map((table) => table.columns.map((column) => column.label)));
  });

  it('gives outcomes per population with percentages that match the counts, and failures that add up', () => {
    const [outcomes] = tables;
    expect(outcomes!.header).toEqual(['population', 'installations', 'migrated', '%', 'failed', '%', 'rolled back', '%', 'failures']);
    const rows = outcomes!.rows.map((row) => row.map(plainText));
    expect(rows.map((row) => row[0])).toEqual(['IOC', 'MOC_Secure/DA', 'total']);
    const total = result.total;
    const failures = total.outcomes.failed + total.outcomes['rolled-back'];
    expect(rows[2]).toEqual([
      'total',
      '2,000',
      total.outcomes.migrated.toLocaleString('en-GB'),
      `${((100 * total.outcomes.migrated) / 2000).toFixed(1)}%`,
      total.outcomes.failed.toLocaleString('en-GB'),
      `${((100 * total.outcomes.failed) / 2000).toFixed(1)}%`,
      total.outcomes['rolled-back'].toLocaleString('en-GB'),
      `${((100 * total.outcomes['rolled-back']) / 2000).toFixed(1)}%`,
      failures.toLocaleString('en-GB'),
    ]);
    const codes = tables.find((table) => table.header[0] === 'code')!.rows.map((row) => row.map(plainText));
    expect(codes.at(-1)!.slice(0, 2)).toEqual(['total', 'failed + rolled back']);
    expect(codes.at(-1)!.at(-2)).toBe(failures.toLocaleString('en-GB'));
  });

  it('names each failing code with its title', () => {
    const codes = tables.find((table) => table.header[0] === 'code')!.rows.map((row) => row.map(plainText));
    for (const [code, count] of Object.entries(result.total.codes)) {
      const row = codes.find((each) => each[0] === code)!;
      expect(row[1]).toBe(compiled.model.errors.get(code)!.title);
      expect(row[row.length - 2]).toBe(count.toLocaleString('en-GB'));
    }
  });

  it('charts the time to outcome and the attempts, and shows sampled timelines of different outcomes', () => {
    const diagrams = report.blocks.filter((block) => block.kind === 'diagram');
    expect(diagrams[0]!.source).toContain('x-axis "time to outcome, under"');
    expect(diagrams[1]!.source).toContain('x-axis "step attempts"');
    const samples = report.blocks.flatMap((block) => (block.kind === 'heading' && block.level === 3 ? [block.text] : []));
    expect(samples.length).toBeGreaterThan(1);
    expect(new Set(samples.map((title) => title.replace(/^Installation \d+ \([^)]*\): /, '').replace(/ at .*$/, ''))).size).toBe(samples.length);
  });
});

describe('timelineChart', () => {
  it('draws each attempt as a bar in its step row, coloured by how it ended, and the outcome as a diamond', () => {
    const text = timelineChart([
      { at: 0, kind: 'attempt', step: 'A', attempt: 1 },
      { at: 60_000, kind: 'transient', step: 'A', attempt: 1 },
      { at: 300_000, kind: 'attempt', step: 'A', attempt: 2 },
      { at: 360_000, kind: 'ok', step: 'A', attempt: 2 },
      { at: 360_000, kind: 'migrated' },
    ]);
    expect(text).toContain(
      '  section A\n  attempt 1 :active, 2000-01-01 00:00:00.000, 2000-01-01 00:01:00.000\n  attempt 2 :done, 2000-01-01 00:05:00.000, 2000-01-01 00:06:00.000\n  section outcome\n  migrated at 6m :milestone, done, 2000-01-01 00:06:00.000, 0ms\n',
    );
  });
});
