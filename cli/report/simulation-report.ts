/**
 * A simulation's result as a document a migration manager reads
 * (`mpol simulate --format html`): the summary's tables (the same figures
 * as the text, Markdown and CSV summaries: outcomes with percentages,
 * time to outcome, failures by code with titles and by report, attempts,
 * resubmission, rollbacks and incidents), the fault model's description
 * and the seed, with charts of the time-to-outcome distribution and of
 * attempts, and a few sampled timelines.
 */
import { barChart, DocumentBuilder, type Document, type Text } from '../../compiler/index.js';
import {
  formatCount,
  formatRoundedTime,
  formatTime,
  summaryName,
  summaryTables,
  type PopulationSummary,
  type SampleTimeline,
  type SimulationResult,
  type SummaryContext,
  type SummaryTable,
} from '../../runtime/index.js';
import { timelineChart } from './timeline-chart.js';

export interface SimulationReportInput {
  readonly result: SimulationResult;
  /** The policy and the fault model's file, as the text summary has them: the tables are the same. */
  readonly summary: SummaryContext;
}

/** Colours of migrated, failed and rolled back, in the charts and their captions. */
const outcomeColours = ['#1e7b34', '#b3261e', '#b35c00'];
/** Timelines shown at most. */
const samplesShown = 6;

const whole = formatCount;
const time = formatRoundedTime;
const nameOf = summaryName;

/**
 * The page: the summary's tables, exactly as the text, Markdown and CSV
 * summaries have them (`summaryTables`), each followed by what a page
 * shows better: the time-to-outcome chart and percentiles per outcome, the
 * attempts chart, incidents by party, and sampled timelines.
 */
export function simulationReport({ result, summary }: SimulationReportInput): Document {
  const doc = new DocumentBuilder();
  const report = summaryTables(result, summary);
  const title = `${result.policy.name} ${result.policy.version}: simulation of ${whole(result.installations)} installations`;
  const all = [...result.populations, result.total];
  doc.heading(1, title);
  doc.paragraph('Seed ', { code: String(result.seed) }, '.');
  doc.paragraph(report.caveat);
  doc.contents([2]);
  for (const table of report.tables) {
    doc.heading(2, table.title);
    for (const note of table.notes) doc.paragraph(note);
    if (table.rows.length === 0) doc.paragraph('None.');
    else summaryTable(doc, table);
    if (table.id === 'time-to-outcome') timeToOutcome(doc, all);
    if (table.id === 'attempts') attemptsChart(doc, result.total);
  }
  samples(doc, result.samples);
  return { title, blocks: doc.blocks };
}

function summaryTable(doc: DocumentBuilder, table: SummaryTable): void {
  const asCode = table.id === 'codes';
  doc.table(
    table.columns.map((column) => column.label),
    table.rows.map((row): Text[] => row.map((cell, column): Text => (asCode && column === 0 && cell.text !== 'total' ? [{ code: cell.text }] : [cell.text]))),
    table.columns.map((column) => column.numeric),
  );
}

/** The distribution as a chart, and the percentiles of each outcome apart. */
function timeToOutcome(doc: DocumentBuilder, all: readonly PopulationSummary[]): void {
  const total = all.at(-1)!;
  const bins = total.timeToOutcome.distribution;
  if (bins.length > 0) {
    doc.paragraph(
      'Installations by how long they took to reach their outcome, stacked: green migrated, red failed, orange rolled back. ',
      'Each bar counts the times under the one it shows and from the one before it.',
    );
    const label = (from: number, to: number | null) => (to === null ? `${formatTime(from)}+` : formatTime(to));
    doc.diagram(
      barChart({
        xLabel: 'time to outcome, under',
        yLabel: 'installations',
        categories: bins.map((bin) => label(bin.from, bin.to)),
        series: [bins.map((bin) => bin.migrated + bin.failed + bin['rolled-back']), bins.map((bin) => bin.failed + bin['rolled-back']), bins.map((bin) => bin['rolled-back'])],
        colours: outcomeColours,
      }),
      'Installations by time to outcome, stacked by outcome.',
    );
  }
  doc.paragraph('The same times for each outcome apart:');
  doc.table(
    ['Population', 'Outcome', 'Installations', 'Mean', 'Median', '90th percentile', '99th percentile', 'Longest'],
    all.flatMap((summary) =>
      (['migrated', 'failed', 'rolled-back'] as const)
        .filter((outcome) => summary.timeToOutcome[outcome].count > 0)
        .map((outcome): Text[] => {
          const p = summary.timeToOutcome[outcome];
          return [[nameOf(summary)], [outcome], [whole(p.count)], [time(p.mean)], [time(p.p50)], [time(p.p90)], [time(p.p99)], [time(p.max)]];
        }),
    ),
    [false, false, true, true, true, true, true, true],
  );
}

function attemptsChart(doc: DocumentBuilder, total: PopulationSummary): void {
  const histogram = Object.entries(total.attempts.histogram);
  if (histogram.length === 0) return;
  doc.diagram(
    barChart({ xLabel: 'step attempts', yLabel: 'installations', categories: histogram.map(([count]) => count), series: [histogram.map(([, n]) => n)], colours: ['#0550ae'] }),
    'Installations by the number of step attempts they made.',
  );
}

/** A few timelines, each of a different outcome and code where the samples allow. */
function samples(doc: DocumentBuilder, sampled: readonly SampleTimeline[]): void {
  doc.heading(2, 'Sampled timelines');
  const seen = new Set<string>();
  const chosen: SampleTimeline[] = [];
  for (const sample of sampled) {
    const kind = sample.outcome.status === 'migrated' ? 'migrated' : `${sample.outcome.status} ${sample.outcome.code}`;
    if (seen.has(kind) || chosen.length >= samplesShown) continue;
    seen.add(kind);
    chosen.push(sample);
  }
  if (chosen.length === 0) {
    doc.paragraph('No timeline was sampled.');
    return;
  }
  doc.paragraph(
    `${chosen.length} of the ${sampled.length} sampled installations, each with a different outcome, run again through `,
    { code: 'migrate' },
    '. In each chart, grey attempts succeeded, blue ones failed for now and were retried, red ones failed for good; the diamond is the outcome.',
  );
  for (const sample of chosen) {
    const population = sample.group === null ? sample.cohort : `${sample.cohort}/${sample.group}`;
    const outcome = sample.outcome.status === 'migrated' ? 'migrated' : `${sample.outcome.status} with ${sample.outcome.code}`;
    doc.heading(3, `Installation ${sample.index} (${population}): ${outcome} at ${formatTime(sample.outcome.at)}`);
    doc.diagram(timelineChart(sample.timeline), `The timeline of installation ${sample.index}: grey attempts succeeded, blue ones failed for now, red ones failed for good.`);
    doc.table(
      ['Time', 'Event', 'Step', 'Detail'],
      sample.timeline.map((event): Text[] => [[formatTime(event.at)], [event.kind], [event.step ?? ''], [event.detail ?? '']]),
    );
  }
}
