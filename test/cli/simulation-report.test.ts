// The simulation report, built from the result data: what each part says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiatePolicy, plainText, renderMarkdown, type Block } from '../../compiler/index.js';
import { simulate } from '../../runtime/index.js';
import { simulationReport } from '../../cli/report/simulation-report.js';
import { timelineChart } from '../../cli/report/timeline-chart.js';
import { compileFolder, repo } from '../diagrams/policies.js';

const compiled = compileFolder('policies/mehrs/v2.1');
const faults = JSON.parse(readFileSync(path.join(repo, 'policies/mehrs/v2.1/faults.json'), 'utf8')) as { description: string };
const result = await simulate(instantiatePolicy(compiled), { faults, cohorts: { IOC: 1000, 'MOC_Secure/DA': 1000 }, seed: 2 });
const report = simulationReport({ result, model: compiled.model, faults: { file: 'faults.json', description: faults.description } });
const tables = report.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');

describe('simulationReport', () => {
  it('has the parts a migration manager reads, in order', () => {
    const headings = report.blocks.flatMap((block) => (block.kind === 'heading' && block.level <= 2 ? [block.text] : []));
    expect(headings).toEqual([
      'MEHRS 2.1: simulation of 2,000 installations',
      'Outcomes by cohort and group',
      'Failures by code',
      'Failures by report',
      'Incidents by party',
      'Time to outcome',
      'Step attempts per installation',
      'Sampled timelines',
    ]);
    const text = renderMarkdown(report);
    expect(text).toContain('Seed `2`, fault model `faults.json`.');
    expect(text).toContain('The fault model says: Default fault model for MEHRS v2.1');
    const silent = renderMarkdown(simulationReport({ result, model: compiled.model, faults: { file: undefined, description: null } }));
    expect(silent).toContain('Seed `2`, no fault model: every handler succeeds.');
    expect(silent).toContain('The fault model gives no description. Its rates are assumptions');
  });

  it('gives outcomes per population with percentages that match the counts', () => {
    const [outcomes] = tables;
    expect(outcomes!.header).toEqual(['Population', 'Installations', 'Migrated', '%', 'Failed', '%', 'Rolled back', '%']);
    const rows = outcomes!.rows.map((row) => row.map(plainText));
    expect(rows.map((row) => row[0])).toEqual(['IOC', 'MOC_Secure/DA', 'total']);
    const total = result.total;
    expect(rows[2]).toEqual([
      'total',
      '2,000',
      total.outcomes.migrated.toLocaleString('en-GB'),
      `${((100 * total.outcomes.migrated) / 2000).toFixed(1)}%`,
      total.outcomes.failed.toLocaleString('en-GB'),
      `${((100 * total.outcomes.failed) / 2000).toFixed(1)}%`,
      total.outcomes['rolled-back'].toLocaleString('en-GB'),
      `${((100 * total.outcomes['rolled-back']) / 2000).toFixed(1)}%`,
    ]);
  });

  it('names each failing code with its title, and counts incidents by the party that resolved them', () => {
    const codes = tables[1]!.rows.map((row) => row.map(plainText));
    for (const [code, count] of Object.entries(result.total.codes)) {
      const row = codes.find((each) => each[0] === code)!;
      expect(row[1]).toBe(compiled.model.errors.get(code)!.title);
      expect(row[row.length - 2]).toBe(count.toLocaleString('en-GB'));
    }
    const incidents = tables.find((table) => table.header[0] === 'Population' && table.header[1] === 'Raised')!;
    expect(incidents.header.slice(3)).toEqual(Object.keys(result.total.incidents.resolvedBy).map((party) => `Resolved by ${party}`));
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
