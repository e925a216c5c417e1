/**
 * A campaign's result as a document a programme manager reads
 * (`mpol simulate --campaign --format html`): when it completes, the
 * burn-up of installations migrated and ended, the final outcomes per
 * cohort and group with percentages, resubmissions and capacity used over
 * time, attempts per installation, and the codes with their responsible
 * parties. Built from the result data, never from the text summary.
 */
import { barChart, DocumentBuilder, type Document, type PolicyModel, type Text } from '../../compiler/index.js';
import { dayColumns, formatCount, type CampaignResult } from '../../runtime/index.js';

export interface CampaignReportInput {
  readonly result: CampaignResult;
  readonly model: PolicyModel;
  /** The fault model's file as the user named it, if any. */
  readonly faultsFile: string | undefined;
}

/** Columns of the charts at most: a week or more each on a long campaign. */
const chartColumns = 40;
const colours = { ended: '#b3261e', migrated: '#1e7b34', resubmitted: '#0550ae', capacity: '#8c959f' };

const whole = formatCount;
const percent = (part: number, of: number): string => (of === 0 ? '-' : `${((100 * part) / of).toFixed(1)}%`);

export function campaignReport({ result, model, faultsFile }: CampaignReportInput): Document {
  const doc = new DocumentBuilder();
  const title = `${result.policy.name} ${result.policy.version}: campaign of ${whole(result.installations)} installations`;
  doc.heading(1, title);
  doc.paragraph('Seed ', { code: String(result.seed) }, ...(faultsFile === undefined ? ['.'] : [', fault model ', { code: faultsFile }, '.']));
  doc.paragraph(
    result.description === null
      ? 'The fault model gives no description. Its rates are assumptions until they are replaced by measured ones: read these figures as what the policy does with those rates, not as a forecast.'
      : `The fault model says: ${result.description}`,
  );
  doc.paragraph(capacitySentence(result), ' ', completionSentence(result));
  doc.contents([2]);
  burnUp(doc, result);
  outcomes(doc, result);
  perDay(doc, result);
  attempts(doc, result);
  codes(doc, result, model);
  return { title, blocks: doc.blocks };
}

/** A day's label: its date when the calendar has one, else `day N`. */
export function dayName(result: CampaignResult, day: number): string {
  if (result.calendar.start === null) return `day ${day}`;
  return new Date(Date.parse(`${result.calendar.start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

function capacitySentence(result: CampaignResult): string {
  const caps = result.capacity.caps.slice(1).map((cap) => (cap.kind === 'cohort' ? `${cap.key} at most ${whole(cap.daily)}` : `resubmissions for ${cap.key} at most ${whole(cap.daily)}`));
  const start = result.calendar.start === null ? '' : ` from ${result.calendar.start}`;
  return `Capacity ${whole(result.capacity.daily)} migrations a day on ${result.calendar.workingDays.join(', ')}${start}${caps.length === 0 ? '' : ` (${caps.join('; ')})`}.`;
}

export function completionSentence(result: CampaignResult): string {
  const { days } = result;
  if (days.complete === 0) return 'There is nothing to migrate.';
  return `Every installation has an outcome after ${whole(days.complete)} days (${whole(days.working)} working days), on ${dayName(result, days.complete - 1)}.`;
}

function burnUp(doc: DocumentBuilder, result: CampaignResult): void {
  doc.heading(2, 'Burn-up');
  const columns = dayColumns(result.days.complete, chartColumns);
  if (columns.length === 0) {
    doc.paragraph('Nothing was migrated.');
    return;
  }
  let migrated = 0;
  let ended = 0;
  const daily = result.daily;
  const byDay = Array.from({ length: result.days.complete }, (_, day) => {
    migrated += daily.migrated[day]!;
    ended += daily.migrated[day]! + daily.failed[day]! + daily.excluded[day]!;
    return [ended, migrated] as const;
  });
  const last = columns.map(([, lastDay]) => byDay[lastDay]!);
  doc.diagram(
    barChart({
      xLabel: 'up to the day',
      yLabel: 'installations',
      categories: columns.map(([, lastDay]) => dayName(result, lastDay)),
      series: [last.map(([all]) => all), last.map(([, done]) => done)],
      colours: [colours.ended, colours.migrated],
    }),
    'Installations with a final outcome by each day (red, at the back) and, of them, those migrated (green): the rest of the red failed for good or were excluded.',
  );
}

function outcomes(doc: DocumentBuilder, result: CampaignResult): void {
  doc.heading(2, 'Final outcomes by cohort and group');
  const rows = result.populations.map((p) => ({ name: p.group === null ? p.cohort : `${p.cohort}/${p.group}`, ...p }));
  rows.push({ name: 'total', cohort: '', group: null, installations: result.installations, ...result.outcomes, attempts: result.attempts.total, resubmissions: result.attempts.resubmissions });
  doc.table(
    ['Population', 'Installations', 'Migrated', '%', 'Failed for good', '%', 'Excluded', '%', 'Attempts', 'Resubmissions'],
    rows.map((row): Text[] => {
      const n = row.installations;
      return [[row.name], [whole(n)], [whole(row.migrated)], [percent(row.migrated, n)], [whole(row.failed)], [percent(row.failed, n)], [whole(row.excluded)], [percent(row.excluded, n)], [whole(row.attempts)], [whole(row.resubmissions)]];
    }),
    [false, true, true, true, true, true, true, true, true, true],
  );
  doc.paragraph('Failed for good: a code that does not allow resubmission, or an undo that failed. Excluded: failed on the attempt the policy’s exclusion rule counts to.');
}

function perDay(doc: DocumentBuilder, result: CampaignResult): void {
  doc.heading(2, 'Resubmissions and capacity');
  const { capacity } = result;
  doc.paragraph(
    `${percent(capacity.used, capacity.slots)} of ${whole(capacity.slots)} slots used over ${whole(capacity.workingDays)} working days, full on ${whole(capacity.fullDays)} of them; ${whole(result.attempts.resubmissions)} resubmissions in all.`,
  );
  const columns = dayColumns(result.days.complete, chartColumns);
  if (columns.length === 0) return;
  const sum = (values: readonly number[], [first, last]: [number, number]) => values.slice(first, last + 1).reduce((total, n) => total + n, 0);
  doc.diagram(
    barChart({
      xLabel: 'days up to',
      yLabel: 'migrations started',
      categories: columns.map(([, lastDay]) => dayName(result, lastDay)),
      series: [columns.map((days) => sum(result.daily.capacity, days)), columns.map((days) => sum(result.daily.submitted, days) + sum(result.daily.resubmitted, days)), columns.map((days) => sum(result.daily.resubmitted, days))],
      colours: [colours.capacity, colours.migrated, colours.resubmitted],
    }),
    'For each stretch of days: the capacity (grey, at the back), the migrations started (green) and, of them, resubmissions (blue).',
  );
}

function attempts(doc: DocumentBuilder, result: CampaignResult): void {
  doc.heading(2, 'Migration attempts per installation');
  doc.paragraph(`Mean ${result.attempts.mean ?? '-'}, at most ${whole(result.attempts.max)}.`);
  doc.table(
    ['Attempts', 'Installations', 'Migrated', 'Failed for good', 'Excluded'],
    result.attempts.histogram.map((row): Text[] => [[row.attempts], [whole(row.migrated + row.failed + row.excluded)], [whole(row.migrated)], [whole(row.failed)], [whole(row.excluded)]]),
    [false, true, true, true, true],
  );
}

function codes(doc: DocumentBuilder, result: CampaignResult, model: PolicyModel): void {
  doc.heading(2, 'Codes and who must act');
  if (result.codes.length === 0) {
    doc.paragraph('No attempt failed.');
    return;
  }
  const partyTitle = (party: string | null): string => (party === null ? '-' : `${party}${model.parties.get(party) === undefined ? '' : ` (${model.parties.get(party)!.title})`}`);
  doc.table(
    ['Code', 'Title', 'Responsible', 'Resubmitted', 'Failed for good', 'Excluded'],
    result.codes.map((c): Text[] => [[{ code: c.code }], [c.title], [partyTitle(c.responsible)], [whole(c.resubmitted)], [whole(c.failed)], [whole(c.excluded)]]),
    [false, false, false, true, true, true],
  );
  if (result.outcomes.excluded > 0) {
    doc.paragraph(`Excluded installations by the party responsible for their last code: ${result.excludedByResponsible.map((row) => `${row.responsible ?? 'none named'} ${whole(row.count)}`).join(', ')}.`);
  }
}
