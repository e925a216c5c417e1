/**
 * `formatCampaign`: a campaign result as plain text for a terminal: when it
 * completes, the final outcomes per population, a burn-up chart of the
 * installations migrated, resubmissions and capacity per day, attempts per
 * installation, and codes with the parties responsible. No colours, no I/O.
 */
import { burnUp, sparkline } from './chart.js';
import type { CampaignResult } from './result.js';

export const number = (value: number): string => Math.round(value).toLocaleString('en-GB');

export const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`);

/** Left-aligns the first column and right-aligns the rest. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** `day 644 (2022-10-10)`, or `day 644` without dates. */
export function dayLabel(result: CampaignResult, day: number): string {
  if (result.calendar.start === null) return `day ${day}`;
  const date = new Date(Date.parse(`${result.calendar.start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
  return `day ${day} (${date})`;
}

/** One sentence: when the campaign completes. */
export function completion(result: CampaignResult): string {
  const { days } = result;
  if (days.complete === 0) return 'nothing to migrate';
  return `complete after ${number(days.complete)} days (${number(days.working)} working days), on ${dayLabel(result, days.complete - 1)}`;
}

const chartWidth = 60;
const chartHeight = 8;

/** The burn-up of installations migrated, with its axis: the lines `formatCampaign` and the comparison print. */
export function burnUpChart(result: CampaignResult, days: number, top: number): string[] {
  let running = 0;
  const cumulative = Array.from({ length: days }, (_, day) => (running += result.daily.migrated[day] ?? 0));
  const rows = burnUp(cumulative, top, chartWidth, chartHeight);
  const labels = rows.map((_, row) => (row === 0 ? number(top) : row === rows.length - 1 ? '0' : ''));
  const width = Math.max(...labels.map((label) => label.length));
  const axis = `${''.padStart(width)} └${'─'.repeat(rows[0]?.length ?? 0)}`;
  const first = dayLabel(result, 0);
  const last = dayLabel(result, Math.max(0, days - 1));
  const span = Math.max(first.length + 1, (rows[0]?.length ?? 0) - last.length + 1);
  return [...rows.map((row, index) => `${labels[index]!.padStart(width)} │${row}`), axis, `${''.padStart(width)}  ${first.padEnd(span)}${last}`];
}

export function formatCampaign(result: CampaignResult): string {
  const sections: string[] = [];
  const { outcomes, installations, attempts } = result;
  const header = [`${result.policy.name} ${result.policy.version} campaign, seed ${result.seed}: ${number(installations)} installations`];
  if (result.description !== null) header.push(`fault model: ${result.description}`);
  header.push(capacityLine(result));
  header.push(completion(result) + (result.days.lastSubmission >= 0 ? `; last submission on ${dayLabel(result, result.days.lastSubmission)}` : ''));
  sections.push(header.join('\n'));

  const rows = result.populations.map((p) => [
    p.group === null ? p.cohort : `${p.cohort}/${p.group}`,
    number(p.installations),
    number(p.migrated),
    number(p.failed),
    number(p.excluded),
    number(p.attempts),
    number(p.resubmissions),
  ]);
  rows.push(['total', number(installations), number(outcomes.migrated), number(outcomes.failed), number(outcomes.excluded), number(attempts.total), number(attempts.resubmissions)]);
  rows.push(['', '', percent(outcomes.migrated, installations), percent(outcomes.failed, installations), percent(outcomes.excluded, installations), '', '']);
  sections.push(table(['population', 'installations', 'migrated', 'failed for good', 'excluded', 'attempts', 'resubmissions'], rows));

  if (result.days.complete > 0) {
    const resubmitted = result.daily.resubmitted;
    const peak = resubmitted.reduce((best, count, day) => (count > resubmitted[best]! ? day : best), 0);
    sections.push(
      [
        'installations migrated, cumulative (burn-up)',
        ...burnUpChart(result, result.days.complete, installations),
        `resubmissions a day  ${sparkline(resubmitted, chartWidth)}  most ${number(resubmitted[peak] ?? 0)}, on ${dayLabel(result, peak)}`,
        `capacity used        ${sparkline(result.capacity.caps[0]!.used, chartWidth)}  ${capacityUse(result)}`,
      ].join('\n'),
    );
  }

  sections.push(
    [
      `migration attempts per installation: mean ${attempts.mean ?? '-'}, max ${number(attempts.max)}`,
      table(
        ['attempts', 'installations', 'migrated', 'failed for good', 'excluded'],
        attempts.histogram.map((row) => [row.attempts, number(row.migrated + row.failed + row.excluded), number(row.migrated), number(row.failed), number(row.excluded)]),
      ),
    ].join('\n'),
  );

  if (result.codes.length > 0) {
    sections.push(
      table(
        ['code', 'responsible', 'resubmitted', 'failed for good', 'excluded', 'title'],
        result.codes.map((c) => [c.code, c.responsible ?? '-', number(c.resubmitted), number(c.failed), number(c.excluded), c.title]),
      ).replace(/ +$/gm, ''),
    );
  }
  const lines = [];
  if (outcomes.excluded > 0) {
    lines.push(`excluded by responsible party: ${result.excludedByResponsible.map((row) => `${row.responsible ?? '(none)'} ${number(row.count)}`).join(', ')}`);
  }
  lines.push(`samples: ${result.samples.length} installations replayed through migrate, attempt by attempt`);
  sections.push(lines.join('\n'));
  return `${sections.join('\n\n')}\n`;
}

/** `capacity 31,000 a day on Mon–Fri, from 2021-01-04; at most 500 a day for SMSO resubmissions` */
function capacityLine(result: CampaignResult): string {
  const { capacity, calendar } = result;
  const caps = capacity.caps.slice(1).map((cap) =>
    cap.kind === 'cohort' ? `${cap.key} at most ${number(cap.daily)}` : `resubmissions for ${cap.key} at most ${number(cap.daily)}`,
  );
  const start = calendar.start === null ? '' : `, from ${calendar.start}`;
  return `capacity ${number(capacity.daily)} a day on ${calendar.workingDays.join(' ')}${start}${caps.length > 0 ? `; ${caps.join(', ')}` : ''}`;
}

/** `98.7% of 14,291,000 slots over 461 working days; full on 440` */
export function capacityUse(result: CampaignResult): string {
  const { capacity } = result;
  return `${percent(capacity.used, capacity.slots)} of ${number(capacity.slots)} slots over ${number(capacity.workingDays)} working days; full on ${number(capacity.fullDays)}`;
}
