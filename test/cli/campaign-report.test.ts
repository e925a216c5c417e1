// The campaign report, built from the result data: what each part says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiatePolicy, plainText, renderMarkdown, type Block } from '../../compiler/index.js';
import { compareCampaigns, simulateCampaign } from '../../runtime/index.js';
import { campaignReport } from '../../cli/report/campaign-report.js';
import { campaignComparisonReport } from '../../cli/report/campaign-comparison-report.js';
import { compileFolder, repo } from '../diagrams/policies.js';

const compiled = compileFolder('policies/mehrs/v2.1');
const faults: unknown = JSON.parse(readFileSync(path.join(repo, 'policies/mehrs/v2.1/faults.json'), 'utf8'));
const result = await simulateCampaign(instantiatePolicy(compiled), { faults, estate: { IOC: 20_000, 'MOC_Secure/DA': 20_000 }, seed: 2 });
const report = campaignReport({ result, model: compiled.model, faultsFile: 'faults.json' });
const tables = report.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');

describe('campaignReport', () => {
  it('has the parts a programme manager reads, in order', () => {
    const headings = report.blocks.flatMap((block) => (block.kind === 'heading' && block.level <= 2 ? [block.text] : []));
    expect(headings).toEqual([
      'MEHRS 2.1: campaign of 40,000 installations',
      'Burn-up',
      'Final outcomes by cohort and group',
      'Resubmissions and capacity',
      'Migration attempts per installation',
      'Codes and who must act',
    ]);
    const text = renderMarkdown(report);
    expect(text).toContain('Seed `2`, fault model `faults.json`.');
    expect(text).toContain('The fault model says: Default fault model for MEHRS v2.1');
    expect(text).toContain(`Every installation has an outcome after ${result.days.complete} days (${result.days.working} working days), on 2021-`);
    expect(text).toContain('Capacity 31,000 migrations a day on Mon, Tue, Wed, Thu, Fri from 2021-01-04 (resubmissions for SMSO at most 2,000).');
  });

  it('gives final outcomes per population that add up, with percentages', () => {
    const rows = tables[0]!.rows.map((row) => row.map(plainText));
    expect(rows.map((row) => row[0])).toEqual(['IOC', 'MOC_Secure/DA', 'total']);
    const { migrated, failed, excluded } = result.outcomes;
    expect(rows[2]!.slice(0, 8)).toEqual(['total', '40,000', ...[migrated, failed, excluded].flatMap((n) => [n.toLocaleString('en-GB'), `${((100 * n) / 40_000).toFixed(1)}%`])]);
  });

  it('names the responsible party of each code with its title', () => {
    const rows = tables.at(-1)!.rows.map((row) => row.map(plainText));
    expect(rows.find((row) => row[0] === 'AS201')!.slice(1, 3)).toEqual(['DA installation: S1SP Required File Set not received within 24 hours of the MVF', 'SMSO (SMETS1 Meter System Operator)']);
  });
});

const slower = { ...(faults as Record<string, unknown>), campaign: { ...(faults as { campaign: object }).campaign, capacity: { daily: 8000 } } };
const other = await simulateCampaign(instantiatePolicy(compiled), { faults: slower, estate: { IOC: 20_000, 'MOC_Secure/DA': 20_000 }, seed: 2 });
const compared = campaignComparisonReport({ label: 'v2.1 at 31,000 a day', result }, { label: 'v2.1 at 8,000 a day', result: other });
const tablesOf = compared.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table').map((table) => table.rows.map((row) => row.map(plainText)));

describe('campaignComparisonReport', () => {
  it('names both sides and has the parts of the text comparison, in order', () => {
    const headings = compared.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    expect(headings).toEqual(['Campaigns compared: MEHRS 2.1 and MEHRS 2.1', 'Figures side by side', 'Burn-up', 'Migration attempts per installation', 'Codes and who must act']);
    const text = renderMarkdown(compared);
    expect(text).toContain('- **A**: v2.1 at 31,000 a day. Every installation has an outcome after');
    expect(text).toContain('- **B**: v2.1 at 8,000 a day. Every installation has an outcome after');
  });

  it('shows every figure of compareCampaigns with B − A, and the codes with their parties', () => {
    const comparison = compareCampaigns(result, other);
    expect(tablesOf[0]!.map((row) => row[0])).toEqual(comparison.figures.map((figure) => figure.label));
    const days = comparison.figures.find((figure) => figure.key === 'daysToComplete')!;
    expect(days.difference).toBeGreaterThan(0);
    expect(tablesOf[0]!.find((row) => row[0] === 'days to complete')).toEqual(['days to complete', String(days.a), String(days.b), `+${days.difference}`]);
    expect(tablesOf[2]!.find((row) => row[0] === 'AS201')![1]).toBe('SMSO');
  });
});
