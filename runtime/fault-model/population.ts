/**
 * The population part of a fault model: how many installations run in each
 * cohort and group, and how their installation fields are drawn.
 */
import { emptyRecord } from '../../common/own.js';
import {
  at,
  checkKeys,
  closest,
  describe,
  readDuration,
  readFinite,
  readInteger,
  readObject,
  readProbability,
  readRange,
  readWhole,
  shortName,
  type FieldContext,
} from './fields.js';
import type { FieldSpec } from './fault-model.js';
import { checkFieldSpec } from './installation-fields.js';
import type { FieldDefinition } from '../policy.js';

/** `{ "IOC": 100000, "MOC_Secure/DA": 40000 }`: whole counts for known populations. */
export function readCohorts(
  context: FieldContext,
  value: unknown,
  path: string,
  populations: ReadonlySet<string>,
): Readonly<Record<string, number>> {
  const counts = emptyRecord<number>();
  for (const [key, count] of Object.entries(readObject(context, value, path) ?? {})) {
    if (!populations.has(key)) {
      context.report(at(path, key), () => {
        const near = closest(key, populations);
        return `the policy has no cohort or \`cohort/group\` \`${shortName(key)}\`${near === null ? '' : `; did you mean \`${near}\`?`}`;
      });
      continue;
    }
    const read = readWhole(context, count, at(path, key));
    if (read !== null) counts[key] = read;
  }
  return counts;
}

export const specKinds = ['value', 'enum', 'bool', 'integer', 'number', 'duration'] as const;

/** The most installation fields a model may draw, and the most members an `enum` spec may list. */
export const fieldLimit = 1000;
export const memberLimit = 1000;

/**
 * Field specs: `{ "value": x }`, `{ "enum": { "Active": 7, "Dormant": 3 } }`
 * (weights), `{ "bool": 0.97 }` (probability of true), `{ "integer": [1, 4] }`,
 * `{ "number": [0, 1.5] }`, `{ "duration": ["0s", "4h"] }`; each for a field
 * of `declared`, the policy's, and drawing values of its type.
 */
export function readInstallation(
  context: FieldContext,
  value: unknown,
  path: string,
  declared: Readonly<Record<string, FieldDefinition>> | undefined,
): Readonly<Record<string, FieldSpec>> {
  const specs = emptyRecord<FieldSpec>();
  const fields = Object.entries(readObject(context, value, path) ?? {});
  // Every installation draws every field, and the simulator writes code for each: a policy's schema has a handful.
  if (fields.length > fieldLimit) {
    context.report(path, `${fields.length.toLocaleString('en-GB')} fields, more than the limit of ${fieldLimit.toLocaleString('en-GB')}`);
    return specs;
  }
  for (const [field, spec] of fields) {
    const read = readFieldSpec(context, spec, at(path, field));
    if (read === null) continue;
    checkFieldSpec(context, declared, field, read, at(path, field));
    specs[field] = read;
  }
  return specs;
}

function readFieldSpec(context: FieldContext, value: unknown, path: string): FieldSpec | null {
  const object = readObject(context, value, path);
  if (object === null) return null;
  checkKeys(context, object, path, specKinds);
  const kinds = Object.keys(object).filter((key) => (specKinds as readonly string[]).includes(key));
  if (kinds.length !== 1) {
    context.report(path, `expected exactly one of ${specKinds.map((kind) => `\`${kind}\``).join(', ')}`);
    return null;
  }
  const kind = kinds[0]!;
  const spec = object[kind];
  const specPath = at(path, kind);
  switch (kind) {
    case 'value':
      return { kind: 'value', value: spec };
    case 'bool': {
      const probability = readProbability(context, spec, specPath);
      return probability === null ? null : { kind: 'bool', probability };
    }
    case 'enum':
      return readEnum(context, spec, specPath);
    default: {
      const read = kind === 'integer' ? readInteger : kind === 'number' ? readFinite : readDuration;
      const range = readRange(context, spec, specPath, read);
      return range === null ? null : { kind: kind as 'integer' | 'number' | 'duration', low: range[0], high: range[1] };
    }
  }
}

/** Weights, normalised to cumulative probabilities so one draw picks a value. */
function readEnum(context: FieldContext, value: unknown, path: string): FieldSpec | null {
  const weights = readObject(context, value, path);
  if (weights === null) return null;
  const members = Object.keys(weights).length;
  if (members > memberLimit) {
    context.report(path, `${members.toLocaleString('en-GB')} members, more than the limit of ${memberLimit.toLocaleString('en-GB')}`);
    return null;
  }
  const values: string[] = [];
  const raw: number[] = [];
  for (const [member, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) {
      context.report(at(path, member), `expected a weight (a number from 0), got ${describe(weight)}`);
      continue;
    }
    values.push(member);
    raw.push(weight);
  }
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  if (values.length === 0 || total === 0) {
    context.report(path, 'expected at least one member with a weight above 0');
    return null;
  }
  let running = 0;
  const cumulative = raw.map((weight) => (running += weight) / total);
  // Invariant: the last threshold is exactly 1, so a draw in [0, 1) always picks a member.
  cumulative[cumulative.length - 1] = 1;
  return { kind: 'enum', values, cumulative };
}
