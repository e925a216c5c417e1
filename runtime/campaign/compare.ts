/**
 * `formatCampaignComparison`: the same campaign under two policies or two
 * fault models, side by side, with the difference B − A for every figure
 * and the two burn-ups on one scale.
 */
import { burnUpChart, capacityUse, completion, number, table } from './report.js';
import type { CampaignResult } from './result.js';

/** What each side is, as the reader knows it: `MEHRS 2.1 with faults.json`. */
export interface ComparedCampaign {
  readonly label: string;
  readonly result: CampaignResult;
}

const signed = (value: number, digits = 0): string => {
  if (value === 0) return '0';
  const text = digits === 0 ? number(Math.abs(value)) : Math.abs(value).toFixed(digits);
  return `${value > 0 ? '+' : '−'}${text}`;
};

export function formatCampaignComparison(a: ComparedCampaign, b: ComparedCampaign): string {
  const [ra, rb] = [a.result, b.result];
  const sections: string[] = [];
  sections.push([`A: ${a.label}`, `   ${completion(ra)}`, `B: ${b.label}`, `   ${completion(rb)}`].join('\n'));
  const row = (name: string, of: (result: CampaignResult) => number, digits = 0): string[] => {
    const [va, vb] = [of(ra), of(rb)];
    const show = (value: number) => (digits === 0 ? number(value) : value.toFixed(digits));
    return [name, show(va), show(vb), signed(vb - va, digits)];
  };
  const share = (result: CampaignResult): number => (result.capacity.slots === 0 ? 0 : (result.capacity.used / result.capacity.slots) * 100);
  const peak = (result: CampaignResult): number => Math.max(0, ...result.daily.resubmitted);
  sections.push(
    table(
      ['', 'A', 'B', 'B − A'],
      [
        row('installations', (r) => r.installations),
        row('days to complete', (r) => r.days.complete),
        row('working days', (r) => r.days.working),
        row('migrated', (r) => r.outcomes.migrated),
        row('failed for good', (r) => r.outcomes.failed),
        row('excluded', (r) => r.outcomes.excluded),
        row('migration attempts', (r) => r.attempts.total),
        row('resubmissions', (r) => r.attempts.resubmissions),
        row('attempts per installation', (r) => r.attempts.mean ?? 0, 3),
        row('most resubmissions a day', peak),
        row('capacity used, %', share, 1),
      ],
    ),
  );
  const days = Math.max(ra.days.complete, rb.days.complete);
  if (days > 0) {
    const top = Math.max(ra.installations, rb.installations);
    sections.push([`A: installations migrated, cumulative`, ...burnUpChart(ra, days, top)].join('\n'));
    sections.push([`B: installations migrated, cumulative`, ...burnUpChart(rb, days, top)].join('\n'));
    sections.push(`capacity used: A ${capacityUse(ra)}\n               B ${capacityUse(rb)}`);
  }
  const codes = [...new Set([...ra.codes.map((c) => c.code), ...rb.codes.map((c) => c.code)])];
  if (codes.length > 0) {
    const of = (result: CampaignResult, code: string) => result.codes.find((c) => c.code === code);
    const cells = (code: string, field: 'resubmitted' | 'failed' | 'excluded') => {
      const [va, vb] = [of(ra, code)?.[field] ?? 0, of(rb, code)?.[field] ?? 0];
      return [number(va), number(vb), signed(vb - va)];
    };
    sections.push(
      table(
        ['code', 'resubmitted A', 'B', 'B − A', 'failed A', 'B', 'B − A', 'excluded A', 'B', 'B − A'],
        codes.map((code) => [code, ...cells(code, 'resubmitted'), ...cells(code, 'failed'), ...cells(code, 'excluded')]),
      ),
    );
  }
  return `${sections.join('\n\n')}\n`;
}
