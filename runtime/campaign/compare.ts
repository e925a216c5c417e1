/**
 * `formatCampaignComparison`: the same campaign under two policies or two
 * fault models, side by side, with the difference B − A for every figure
 * (`compareCampaigns`), and the two burn-ups on one scale.
 */
import { compareCampaigns, type ComparedCount } from './comparison.js';
import { burnUpChart, capacityUse, completion, number, table } from './report.js';
import type { CampaignResult } from './result.js';

/** What each side is, as the reader knows it: `MEHRS 2.1 with faults.json`. */
export interface ComparedCampaign {
  readonly label: string;
  readonly result: CampaignResult;
}

/** `+1,204`, `−3`, `0`; with `digits`, `+0.125`. */
export const formatDifference = (value: number, digits = 0): string => {
  if (value === 0) return '0';
  const text = digits === 0 ? number(Math.abs(value)) : Math.abs(value).toFixed(digits);
  return `${value > 0 ? '+' : '−'}${text}`;
};

const cells = ({ a, b, difference }: ComparedCount): string[] => [number(a), number(b), formatDifference(difference)];

export function formatCampaignComparison(a: ComparedCampaign, b: ComparedCampaign): string {
  const [ra, rb] = [a.result, b.result];
  const comparison = compareCampaigns(ra, rb);
  const sections: string[] = [];
  sections.push([`A: ${a.label}`, `   ${completion(ra)}`, `B: ${b.label}`, `   ${completion(rb)}`].join('\n'));
  const show = (value: number, digits: number) => (digits === 0 ? number(value) : value.toFixed(digits));
  sections.push(
    table(
      ['', 'A', 'B', 'B − A'],
      comparison.figures.map((figure) => [figure.label, show(figure.a, figure.digits), show(figure.b, figure.digits), formatDifference(figure.difference, figure.digits)]),
    ),
  );
  const days = Math.max(ra.days.complete, rb.days.complete);
  if (days > 0) {
    const top = Math.max(ra.installations, rb.installations);
    sections.push([`A: installations migrated, cumulative`, ...burnUpChart(ra, days, top)].join('\n'));
    sections.push([`B: installations migrated, cumulative`, ...burnUpChart(rb, days, top)].join('\n'));
    sections.push(`capacity used: A ${capacityUse(ra)}\n               B ${capacityUse(rb)}`);
  }
  if (comparison.attempts.length > 0) {
    sections.push(['installations by migration attempts', table(['attempts', 'A', 'B', 'B − A'], comparison.attempts.map((row) => [row.attempts, ...cells(row)]))].join('\n'));
  }
  if (comparison.codes.length > 0) {
    sections.push(
      table(
        ['code', 'responsible', 'resubmitted A', 'B', 'B − A', 'failed A', 'B', 'B − A', 'excluded A', 'B', 'B − A'],
        comparison.codes.map((row) => [row.code, row.responsible ?? '-', ...cells(row.resubmitted), ...cells(row.failed), ...cells(row.excluded)]),
      ),
    );
  }
  if (comparison.excludedByResponsible.length > 0) {
    sections.push(
      ['excluded by responsible party', table(['party', 'A', 'B', 'B − A'], comparison.excludedByResponsible.map((row) => [row.responsible ?? '(none)', ...cells(row)]))].join('\n'),
    );
  }
  return `${sections.join('\n\n')}\n`;
}
