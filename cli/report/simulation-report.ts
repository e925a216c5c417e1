/**
 * A simulation's result as a document a migration manager reads
 * (`mpol simulate --format html`): outcomes per cohort and group with
 * percentages, failures by code (with titles) and by report, incidents by
 * party, the time-to-outcome distribution and the attempts histogram as
 * charts, the fault model's description and the seed, and a few sampled
 * timelines. Built from the result data, never from the text summary.
 */
import { barChart, DocumentBuilder, type Document, type PolicyModel, type Text } from '../../compiler/index.js';
import { formatCount, formatRoundedTime, formatTime, summaryName, type PopulationSummary, type SampleTimeline, type SimulationResult } from '../../runtime/index.js';
import { timelineChart } from './timeline-chart.js';

export interface SimulationReportInput {
  readonly result: SimulationResult;
  /** The policy, for the titles of codes, reports and parties. */
  readonly model: PolicyModel;
  /** The fault model's file as the user named it, if any, and its `description`. */
  readonly faults: { readonly file: string | undefined; readonly description: string | null };
}

/** Colours of migrated, failed and rolled back, in the charts and their captions. */
const outcomeColours = ['#1e7b34', '#b3261e', '#b35c00'];
/** Timelines shown at most. */
const samplesShown = 6;

const whole = formatCount;
const time = formatRoundedTime;
const nameOf = summaryName;
const percent = (part: number, of: number): string => (of === 0 ? '-' : `${((100 * part) / of).toFixed(1)}%`);
const failuresOf = (summary: PopulationSummary): number => summary.outcomes.failed + summary.outcomes['rolled-back'];

export function simulationReport({ result, model, faults }: SimulationReportInput): Document {
  const doc = new DocumentBuilder();
  const title = `${result.policy.name} ${result.policy.version}: simulation of ${whole(result.installations)} installations`;
  const all = [...result.populations, result.total];
  doc.heading(1, title);
  doc.paragraph('Seed ', { code: String(result.seed) }, ...(faults.file === undefined ? [', no fault model: every handler succeeds.'] : [', fault model ', { code: faults.file }, '.']));
  doc.paragraph(
    faults.description === null
      ? 'The fault model gives no description. Its rates are assumptions until they are replaced by measured ones: read these figures as what the policy does with those rates, not as a forecast.'
      : `The fault model says: ${faults.description}`,
  );
  doc.contents([2]);

  doc.heading(2, 'Outcomes by cohort and group');
  doc.table(
    ['Population', 'Installations', 'Migrated', '%', 'Failed', '%', 'Rolled back', '%'],
    all.map((summary): Text[] => {
      const { migrated, failed } = summary.outcomes;
      const rolledBack = summary.outcomes['rolled-back'];
      const n = summary.installations;
      return [[nameOf(summary)], [whole(n)], [whole(migrated)], [percent(migrated, n)], [whole(failed)], [percent(failed, n)], [whole(rolledBack)], [percent(rolledBack, n)]];
    }),
    [false, true, true, true, true, true, true, true],
  );
  doc.paragraph(`Rolled back installations failed too: their code is counted under failures below, with the failed ones. Resubmittable: ${whole(result.total.resubmittable)}; excluded: ${whole(result.total.excluded)}.`);

  failureTables(doc, model, all);
  incidents(doc, model, all);
  timeToOutcome(doc, all);
  attempts(doc, result.total);
  samples(doc, result.samples);
  return { title, blocks: doc.blocks };
}

function failureTables(doc: DocumentBuilder, model: PolicyModel, all: readonly PopulationSummary[]): void {
  const total = all.at(-1)!;
  const names = all.map(nameOf);
  doc.heading(2, 'Failures by code');
  const codes = Object.keys(total.codes);
  if (codes.length === 0) doc.paragraph('No installation failed.');
  else {
    doc.table(
      ['Code', 'Title', ...names, 'of failures'],
      codes.map((code): Text[] => [[{ code }], [model.errors.get(code)?.title ?? ''], ...all.map((summary): Text => [whole(summary.codes[code] ?? 0)]), [percent(total.codes[code] ?? 0, failuresOf(total))]]),
      [false, false, ...names.map(() => true), true],
    );
  }
  doc.heading(2, 'Failures by report');
  const reports = Object.keys(total.reports);
  if (reports.length === 0) doc.paragraph('The policy declares no report.');
  else {
    doc.table(
      ['Report', 'Title', ...names],
      reports.map((report): Text[] => [[report], [model.reports.get(report)?.title ?? ''], ...all.map((summary): Text => [whole(summary.reports[report] ?? 0)])]),
      [false, false, ...names.map(() => true)],
    );
    doc.paragraph('A code may go to several reports, so a failure may be counted in more than one row.');
  }
}

function incidents(doc: DocumentBuilder, model: PolicyModel, all: readonly PopulationSummary[]): void {
  doc.heading(2, 'Incidents by party');
  const total = all.at(-1)!;
  if (total.incidents.raised === 0) {
    doc.paragraph('No incident was raised.');
    return;
  }
  const parties = [...model.parties.keys()].filter((party) => (total.incidents.resolvedBy[party] ?? 0) > 0);
  doc.table(
    ['Population', 'Raised', 'Unresolved', ...parties.map((party) => `Resolved by ${party}`)],
    all.map((summary): Text[] => [[nameOf(summary)], [whole(summary.incidents.raised)], [whole(summary.incidents.unresolved)], ...parties.map((party): Text => [whole(summary.incidents.resolvedBy[party] ?? 0)])]),
    [false, true, true, ...parties.map(() => true)],
  );
}

function timeToOutcome(doc: DocumentBuilder, all: readonly PopulationSummary[]): void {
  const total = all.at(-1)!;
  doc.heading(2, 'Time to outcome');
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
  doc.table(
    ['Population', 'Outcome', 'Installations', 'Mean', 'p50', 'p90', 'p99', 'Max'],
    all.flatMap((summary) =>
      (['all', 'migrated', 'failed', 'rolled-back'] as const)
        .filter((outcome) => outcome === 'all' || summary.timeToOutcome[outcome].count > 0)
        .map((outcome): Text[] => {
          const p = summary.timeToOutcome[outcome];
          return [[nameOf(summary)], [outcome === 'all' ? 'any' : outcome], [whole(p.count)], [time(p.mean)], [time(p.p50)], [time(p.p90)], [time(p.p99)], [time(p.max)]];
        }),
    ),
    [false, false, true, true, true, true, true, true],
  );
}

function attempts(doc: DocumentBuilder, total: PopulationSummary): void {
  doc.heading(2, 'Step attempts per installation');
  const histogram = Object.entries(total.attempts.histogram);
  doc.paragraph(`Handler calls of steps, per installation: mean ${total.attempts.mean ?? '-'}, at most ${whole(total.attempts.max)}. An installation stopped by a check makes no attempt.`);
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
