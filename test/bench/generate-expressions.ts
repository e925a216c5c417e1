/**
 * The generated policies' installation schema, and random comparisons over
 * it that type-check (docs/language.md, "Guards"): enumeration fields
 * against their members with `==`/`!=`, text likewise, numbers and
 * durations with any operator, bool fields alone or against `true`/`false`.
 * Each expression names a field once, so none contradicts itself.
 */
import type { Expr } from './policy-doc.js';
import type { Random } from './random.js';
import { DAY, HOUR, MINUTE, formatDuration } from './retry-schedule.js';
import { textValues } from './vocabulary.js';

export type FieldKind = 'bool' | 'text' | 'number' | 'duration' | readonly string[];

export const fields: readonly (readonly [string, FieldKind])[] = [
  ['type', ['Active', 'Dormant', 'Mixed']],
  ['commsHub', ['Variant1', 'Variant2', 'Variant3', 'LegacyHub']],
  ['region', ['North', 'South', 'East', 'West', 'Scotland', 'Wales']],
  ['fuel', ['Electricity', 'Gas', 'DualFuel']],
  ['epclListed', 'bool'],
  ['secure', 'bool'],
  ['prepayment', 'bool'],
  ['hasAlerts', 'bool'],
  ['firmware', 'text'],
  ['manufacturer', 'text'],
  // A keyword as a field name: allowed after `installation.`.
  ['version', 'text'],
  ['meters', 'number'],
  ['tariffCount', 'number'],
  ['signalStrength', 'number'],
  ['outage', 'duration'],
  ['lastContact', 'duration'],
];

const durations = [30 * MINUTE, HOUR, 2 * HOUR, 90 * MINUTE, 12 * HOUR, 2 * DAY];

export function fieldTerm(random: Random, field: readonly [string, FieldKind]): Expr {
  const [name, kind] = field;
  const ordered = (): '<' | '<=' | '>' | '>=' | '!=' => random.pick(['<', '<=', '>', '>=', '>=', '!='] as const);
  if (typeof kind !== 'string') return { field: name, op: random.chance(0.7) ? '==' : '!=', member: random.pick(kind) };
  switch (kind) {
    case 'bool': {
      const roll = random.float();
      if (roll < 0.6) return { field: name };
      if (roll < 0.85) return { not: { field: name } };
      return { field: name, op: '==', bool: random.chance(0.5) };
    }
    case 'text':
      return { field: name, op: random.chance(0.6) ? '==' : '!=', text: random.pick(textValues) };
    case 'number':
      return { field: name, op: ordered(), number: random.chance(0.8) ? random.int(0, 100) : random.int(0, 40) + 0.5 };
    case 'duration':
      return { field: name, op: ordered(), duration: formatDuration(random.pick(durations)) };
  }
}

/** One to three comparisons over distinct fields, joined by `and`/`or`. */
export function predicate(random: Random): Expr {
  const [a, b, c] = random.sample(fields, 3).map((f) => fieldTerm(random, f)) as [Expr, Expr, Expr];
  const roll = random.float();
  if (roll < 0.4) return a;
  if (roll < 0.65) return { and: [a, b] };
  if (roll < 0.8) return { or: [a, b] };
  if (roll < 0.92) return { and: [{ or: [a, b] }, c] };
  return { and: [a, b, { not: c }] };
}
