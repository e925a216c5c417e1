/**
 * Two campaigns side by side as a document (`mpol simulate --compare X
 * --format html`): what each side is, every figure of both with the
 * difference B − A, both burn-ups on one chart, installations by attempts,
 * codes with their responsible parties, and exclusions by party. The rows
 * are `compareCampaigns`', as in the text and the JSON.
 */
import { barChart, DocumentBuilder, type Document, type Text } from '../../compiler/index.js';
import { compareCampaigns, dayColumns, formatCount, formatDifference, type ComparedCampaign, type ComparedCount, type CampaignResult } from '../../runtime/index.js';
import { completionSentence, dayName } from './campaign-report.js';

const chartColumns = 40;
const colours = { a: '#0550ae', b: '#b3261e' };

const counts = ({ a, b, difference }: ComparedCount): Text[] => [[formatCount(a)], [formatCount(b)], [formatDifference(difference)]];

export function campaignComparisonReport(a: ComparedCampaign, b: ComparedCampaign): Document {
  const [ra, rb] = [a.result, b.result];
  const comparison = compareCampaigns(ra, rb);
  const doc = new DocumentBuilder();
  const title = `Campaigns compared: ${ra.policy.name} ${ra.policy.version} and ${rb.policy.name} ${rb.policy.version}`;
  doc.heading(1, title);
  doc.paragraph('The same campaign played twice with seed ', { code: String(ra.seed) }, '. B − A is each figure of B less that of A.');
  doc.list([side('A', a), side('B', b)]);
  if (ra.description === null || rb.description === null) {
    doc.paragraph('A fault model without a description: its rates are assumptions until replaced by measured ones. Read the differences as what the change does under those rates, not as a forecast.');
  }
  doc.contents([2]);

  doc.heading(2, 'Figures side by side');
  const show = (value: number, digits: number) => (digits === 0 ? formatCount(value) : value.toFixed(digits));
  doc.table(
    ['', 'A', 'B', 'B − A'],
    comparison.figures.map((figure): Text[] => [[figure.label], [show(figure.a, figure.digits)], [show(figure.b, figure.digits)], [formatDifference(figure.difference, figure.digits)]]),
    [false, true, true, true],
  );

  burnUps(doc, ra, rb);

  doc.heading(2, 'Migration attempts per installation');
  doc.table(['Attempts', 'Installations A', 'B', 'B − A'], comparison.attempts.map((row): Text[] => [[row.attempts], ...counts(row)]), [false, true, true, true]);

  doc.heading(2, 'Codes and who must act');
  if (comparison.codes.length === 0) doc.paragraph('No attempt failed on either side.');
  else {
    doc.table(
      ['Code', 'Responsible', 'Resubmitted A', 'B', 'B − A', 'Failed for good A', 'B', 'B − A', 'Excluded A', 'B', 'B − A'],
      comparison.codes.map((row): Text[] => [[{ code: row.code }], [row.responsible ?? '-'], ...counts(row.resubmitted), ...counts(row.failed), ...counts(row.excluded)]),
      [false, false, true, true, true, true, true, true, true, true, true],
    );
  }
  if (comparison.excludedByResponsible.length > 0) {
    doc.heading(2, 'Excluded by responsible party');
    doc.table(['Party', 'A', 'B', 'B − A'], comparison.excludedByResponsible.map((row): Text[] => [[row.responsible ?? 'none named'], ...counts(row)]), [false, true, true, true]);
  }
  return { title, blocks: doc.blocks };
}

function side(name: 'A' | 'B', { label, result }: ComparedCampaign): Text {
  return [{ strong: name }, `: ${label}. `, completionSentence(result), result.description === null ? '' : ` Its fault model says: ${result.description}`];
}

/** Both burn-ups on one scale and one axis of days: lines, since they may cross. */
function burnUps(doc: DocumentBuilder, ra: CampaignResult, rb: CampaignResult): void {
  doc.heading(2, 'Burn-up');
  const days = Math.max(ra.days.complete, rb.days.complete);
  const columns = dayColumns(days, chartColumns);
  if (columns.length === 0) {
    doc.paragraph('Nothing was migrated on either side.');
    return;
  }
  const cumulative = (result: CampaignResult) => {
    let running = 0;
    const byDay = Array.from({ length: days }, (_, day) => (running += result.daily.migrated[day] ?? 0));
    return columns.map(([, last]) => byDay[last]!);
  };
  // Both calendars start on the same date when the fault models agree; A's names the days.
  doc.diagram(
    barChart({
      xLabel: 'up to the day',
      yLabel: 'installations migrated',
      categories: columns.map(([, last]) => dayName(ra, last)),
      series: [],
      colours: [],
      lines: [cumulative(ra), cumulative(rb)],
      lineColours: [colours.a, colours.b],
    }),
    'Installations migrated by each day: A in blue, B in red.',
  );
}
