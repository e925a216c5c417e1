/**
 * The campaign section of a fault model (docs/campaign.md): the estate to
 * migrate, the daily capacity, the working calendar and how long a
 * resubmittable failure takes to come back. Read like the rest of the
 * model: every error names the path of the bad value, nothing throws.
 *
 * Names from the model (cohorts, parties) are data: the normalised form
 * keeps them in `Map`s, never as keys of a plain object.
 */
import { at, checkKeys, closest, describe, readDistribution, readObject, shortName, type FieldContext } from './fields.js';
import type { CampaignCalendar, CampaignCapacity, CampaignModel, Distribution } from './fault-model.js';
import type { PolicyNames } from './names.js';
import type { ErrorDefinition } from '../policy.js';
import { readCohorts } from './population.js';

/** Days of the week as the model writes them, Monday first: index 0 is Monday. */
export const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const noDelay: Distribution = { kind: 'fixed', value: 0 };
const mondayToFriday = [true, true, true, true, true, false, false];

/** The parties a cap or a delay may name: those some resubmittable code holds responsible. */
export type ResubmittingParties = ReadonlySet<string>;

export function resubmittingParties(errors: Readonly<Record<string, ErrorDefinition>>): ResubmittingParties {
  const parties = new Set<string>();
  for (const error of Object.values(errors)) if (error.resubmit && error.responsible !== null) parties.add(error.responsible);
  return parties;
}

export function readCampaign(
  context: FieldContext,
  value: unknown,
  path: string,
  names: PolicyNames,
  resubmitting: ResubmittingParties,
): CampaignModel | null {
  const object = readObject(context, value, path);
  if (object === null) return null;
  checkKeys(context, object, path, ['estate', 'capacity', 'calendar', 'resubmission']);
  const estate = object.estate === undefined ? null : new Map(Object.entries(readCohorts(context, object.estate, at(path, 'estate'), names.populations)));
  const capacity = readCapacity(context, object.capacity, at(path, 'capacity'), names, resubmitting);
  const calendar = readCalendar(context, object.calendar, at(path, 'calendar'));
  const resubmission = readResubmission(context, object.resubmission, at(path, 'resubmission'), names, resubmitting);
  return { estate, capacity, calendar, resubmission };
}

function readCapacity(context: FieldContext, value: unknown, path: string, names: PolicyNames, resubmitting: ResubmittingParties): CampaignCapacity {
  if (value === undefined) context.report(path, 'required: the campaign needs a daily capacity, such as `{ "daily": 31000 }`');
  const read = value === undefined ? null : readObject(context, value, path);
  const object = read ?? {};
  checkKeys(context, object, path, ['daily', 'cohorts', 'responsible']);
  const daily = object.daily === undefined ? null : readPositive(context, object.daily, at(path, 'daily'));
  if (object.daily === undefined && read !== null) context.report(at(path, 'daily'), 'required: migrations a working day, such as 31000');
  const populations = new Map<string, number>();
  if (object.cohorts !== undefined) {
    const cohortsPath = at(path, 'cohorts');
    for (const [key, cap] of Object.entries(readObject(context, object.cohorts, cohortsPath) ?? {})) {
      if (!names.populations.has(key)) {
        context.report(at(cohortsPath, key), () => `the policy has no cohort or \`cohort/group\` \`${shortName(key)}\`${suggest(key, names.populations)}`);
        continue;
      }
      const read = readPositive(context, cap, at(cohortsPath, key));
      if (read !== null) populations.set(key, read);
    }
  }
  const responsible = readPartyMap(context, object.responsible, at(path, 'responsible'), names, resubmitting, readPositive);
  return { daily: daily ?? 1, populations, responsible };
}

function readResubmission(context: FieldContext, value: unknown, path: string, names: PolicyNames, resubmitting: ResubmittingParties) {
  if (value === undefined) return { delay: noDelay, responsible: new Map<string, Distribution>() };
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, ['delay', 'responsible']);
  const delay = object.delay === undefined ? noDelay : (readDistribution(context, object.delay, at(path, 'delay')) ?? noDelay);
  const readParty = (context: FieldContext, entry: unknown, entryPath: string): Distribution | null => {
    const party = readObject(context, entry, entryPath);
    if (party === null) return null;
    checkKeys(context, party, entryPath, ['delay']);
    if (party.delay === undefined) {
      context.report(at(entryPath, 'delay'), 'required: how long a resubmission takes when the failure is this party\'s');
      return null;
    }
    return readDistribution(context, party.delay, at(entryPath, 'delay'));
  };
  return { delay, responsible: readPartyMap(context, object.responsible, at(path, 'responsible'), names, resubmitting, readParty) };
}

/** `{ "SMSO": ... }` keyed by parties some resubmittable code holds responsible. */
function readPartyMap<T>(
  context: FieldContext,
  value: unknown,
  path: string,
  names: PolicyNames,
  resubmitting: ResubmittingParties,
  readEntry: (context: FieldContext, value: unknown, path: string) => T | null,
): Map<string, T> {
  const entries = new Map<string, T>();
  if (value === undefined) return entries;
  for (const [party, entry] of Object.entries(readObject(context, value, path) ?? {})) {
    if (!names.parties.has(party)) {
      context.report(at(path, party), () => `the policy has no party \`${shortName(party)}\`${suggest(party, names.parties)}`);
      continue;
    }
    if (!resubmitting.has(party)) {
      const which = resubmitting.size === 0 ? 'the policy has no resubmittable code' : `expected one of ${[...resubmitting].map((p) => `\`${p}\``).join(', ')}`;
      context.report(at(path, party), `no resubmittable code names \`${party}\` responsible, so this never applies; ${which}`);
      continue;
    }
    const read = readEntry(context, entry, at(path, party));
    if (read !== null) entries.set(party, read);
  }
  return entries;
}

function readCalendar(context: FieldContext, value: unknown, path: string): CampaignCalendar {
  if (value === undefined) return { start: null, working: mondayToFriday, holidays: [] };
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, ['start', 'workingDays', 'holidays']);
  const startDay = object.start === undefined ? null : readDate(context, object.start, at(path, 'start'));
  const working = object.workingDays === undefined ? mondayToFriday : readWorkingDays(context, object.workingDays, at(path, 'workingDays'));
  const holidays: number[] = [];
  if (object.holidays !== undefined) {
    const holidaysPath = at(path, 'holidays');
    if (!Array.isArray(object.holidays)) context.report(holidaysPath, `expected a list of dates such as ["2021-04-02"], got ${describe(object.holidays)}`);
    else if (object.start === undefined && object.holidays.length > 0) context.report(holidaysPath, 'holidays need the calendar\'s `start` date');
    else if (startDay !== null) {
      object.holidays.forEach((entry, index) => {
        const day = readDate(context, entry, `${holidaysPath}[${index}]`);
        if (day !== null && day >= startDay) holidays.push(day - startDay);
      });
    }
  }
  holidays.sort((a, b) => a - b);
  return { start: startDay === null ? null : (object.start as string), working, holidays: [...new Set(holidays)] };
}

function readWorkingDays(context: FieldContext, value: unknown, path: string): boolean[] {
  const working = [false, false, false, false, false, false, false];
  if (!Array.isArray(value)) {
    context.report(path, `expected a list of weekdays such as ["Mon", "Tue", "Wed", "Thu", "Fri"], got ${describe(value)}`);
    return mondayToFriday;
  }
  if (value.length === 0) {
    context.report(path, 'expected at least one working day');
    return mondayToFriday;
  }
  value.forEach((entry, index) => {
    const day = weekdays.indexOf(entry as (typeof weekdays)[number]);
    if (day < 0) {
      const near = typeof entry === 'string' ? suggest(entry, weekdays) : '';
      context.report(`${path}[${index}]`, `expected a weekday, one of ${weekdays.map((d) => `\`${d}\``).join(', ')}, got ${describe(entry)}${near}`);
    } else if (working[day]) context.report(`${path}[${index}]`, `\`${weekdays[day]}\` is listed twice`);
    else working[day] = true;
  });
  // Every entry was wrong (and reported): keep a working week so the rest can still be read.
  return working.some(Boolean) ? working : mondayToFriday;
}

/** A calendar date `YYYY-MM-DD`, as a day number since 1970-01-01. */
function readDate(context: FieldContext, value: unknown, path: string): number | null {
  const day = typeof value === 'string' ? dayOfDate(value) : null;
  if (day === null) context.report(path, `expected a date written YYYY-MM-DD, such as "2021-01-04", got ${describe(value)}`);
  return day;
}

const msPerDay = 86_400_000;

/** `2021-01-04` as days since 1970-01-01, or `null` when it is not a real date. */
export function dayOfDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / msPerDay;
}

/** Days since 1970-01-01 as `YYYY-MM-DD`. */
export function dateOfDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

function readPositive(context: FieldContext, value: unknown, path: string): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  context.report(path, `expected a whole number from 1, got ${describe(value)}`);
  return null;
}

function suggest(name: string, candidates: Iterable<string>): string {
  const near = closest(name, candidates);
  return near === null ? '' : `; did you mean \`${near}\`?`;
}
