/**
 * The JSON Schema of fault models, for editors: built here, from the same
 * key lists and limits the validator uses, and written to
 * `schemas/fault-model.schema.json` by `npm run generate`
 * (`scripts/fault-model-schema.mjs`); a test fails while the file differs.
 * It checks the shape only: names against a policy, `low <= high` and
 * sums over 1 are the validator's (`validate.ts`).
 */
import { weekdays } from './campaign.js';
import { fieldLimit, specKinds } from './population.js';
import { topKeys } from './validate.js';

type Schema = Record<string, unknown>;

const probability: Schema = { $ref: '#/definitions/probability' };
const distribution: Schema = { $ref: '#/definitions/distribution' };
const duration: Schema = { $ref: '#/definitions/duration' };
const date: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date, YYYY-MM-DD.' };

const described = (schema: Schema, description: string): Schema => ({ ...schema, description });
const whole = (minimum: number): Schema => ({ type: 'integer', minimum, maximum: Number.MAX_SAFE_INTEGER });
const pair = (item: Schema): Schema => ({ type: 'array', items: [item, item], minItems: 2, maxItems: 2 });

/** An object with these properties and no others. */
function object(description: string, properties: Record<string, Schema>, required: readonly string[] = []): Schema {
  return { type: 'object', description, properties, additionalProperties: false, ...(required.length === 0 ? {} : { required }) };
}

/** An object of any keys (names from the policy), each value `value`. */
function byName(description: string, value: Schema): Schema {
  return { type: 'object', description, additionalProperties: value };
}

/** A one-key object, `{ key: value }`: a distribution or a field spec. */
function single(key: string, description: string, value: Schema): Schema {
  return object(description, { [key]: value }, [key]);
}

const stepFields: Record<string, Schema> = {
  transient: described(probability, "Probability that an attempt fails transiently (retried per the step's strategy)."),
  permanent: described(probability, 'Probability that an attempt fails permanently (`on failure`); transient + permanent is at most 1.'),
  duration: described(distribution, 'How long an attempt takes.'),
};
const codes = byName("For a permanent failure, the probability that it names each of the step's `may fail` codes; they add up to at most 1.", probability);
const check = object('An external check.', { fail: described(probability, 'Probability that the check fails.') });
const artefactFields: Record<string, Schema> = {
  delay: described(distribution, 'When the artefact arrives.'),
  never: described(probability, 'Probability that it never arrives.'),
};
const party = object('A party resolving incidents.', {
  delay: described(distribution, 'How long the party takes to resolve an incident.'),
  unresolved: described(probability, 'Probability that the party does not resolve it.'),
});
const undo = object('An undo.', {
  fail: described(probability, 'Probability that the undo fails (the rollback stops).'),
  duration: described(distribution, 'How long the undo takes.'),
});
const counts = (description: string, minimum: number): Schema => byName(description, whole(minimum));

const fieldSpecs: Record<(typeof specKinds)[number], Schema> = {
  value: single('value', 'A constant.', {}),
  enum: single('enum', 'Members by weight (from 0, not all 0).', { ...byName('Weights.', { type: 'number', minimum: 0 }), minProperties: 1, maxProperties: fieldLimit }),
  bool: single('bool', 'True with this probability.', probability),
  integer: single('integer', 'A whole number, uniform over [low, high].', pair({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER })),
  number: single('number', 'A number, uniform over [low, high].', pair({ type: 'number' })),
  duration: single('duration', 'A duration, uniform over [low, high].', pair(duration)),
};

const properties: Record<(typeof topKeys)[number], Schema> = {
  $schema: { description: 'This schema, for editors.' },
  description: { description: 'Which values are measured and which assumed: printed beside every simulation result.' },
  defaults: object('Values for everything not listed by name.', {
    step: object('Every step not listed under `steps`, and the fields a listed step leaves out.', stepFields),
    check,
    artefact: object('An awaited artefact.', artefactFields),
    party,
    undo,
  }),
  steps: byName(
    'Steps by name.',
    object('A step.', { ...stepFields, codes, cohorts: byName('Overrides for one `Cohort` or `Cohort/Group`.', object('An override.', { ...stepFields, codes })) }),
  ),
  checks: byName('External checks by code.', check),
  artefacts: byName('Awaited artefacts by name.', object('An awaited artefact.', { after: { type: 'string', description: 'The artefact whose time the delay counts from.' }, ...artefactFields })),
  parties: byName('Parties by name.', party),
  undos: byName('Undos by name.', undo),
  cohorts: counts('Installations per `Cohort` or `Cohort/Group`.', 0),
  installation: { ...byName('How each installation field is drawn, in this order.', { $ref: '#/definitions/fieldSpec' }), maxProperties: fieldLimit },
  campaign: object(
    'A campaign (docs/campaign.md).',
    {
      estate: counts('Installations per `Cohort` or `Cohort/Group` in the whole estate.', 0),
      capacity: object(
        'How many migrations may start on a working day.',
        {
          daily: described(whole(1), 'Migrations a working day, first submissions and resubmissions together.'),
          cohorts: counts('Caps per `Cohort` or `Cohort/Group`.', 1),
          responsible: counts('Caps on resubmissions by the party responsible for the failure.', 1),
        },
        ['daily'],
      ),
      calendar: object('Working days.', {
        start: date,
        workingDays: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...weekdays] } },
        holidays: { type: 'array', items: date, description: 'Days without migrations (needs `start`).' },
      }),
      resubmission: object('From a resubmittable failure to the installation being due again.', {
        delay: distribution,
        responsible: byName("Per party responsible for the failure's code.", object("A party's resubmission delay.", { delay: distribution }, ['delay'])),
      }),
    },
    ['capacity'],
  ),
};

/** The JSON Schema (draft 7) of a fault model, as `schemas/fault-model.schema.json` holds it. */
export function faultModelSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'mpol fault model',
    description: 'How the handlers of a policy behave in simulation (docs/fault-model.md in mpol). This schema checks the shape; `mpol simulate` also checks every name against the policy.',
    type: 'object',
    additionalProperties: false,
    properties,
    definitions: {
      probability: { type: 'number', minimum: 0, maximum: 1 },
      duration: {
        description: 'A whole number of milliseconds, or a duration written as in policies: "250ms", "2m", "1h30m", "2d".',
        anyOf: [whole(0), { type: 'string', pattern: '^(?:\\d+(?:ms|s|m|h|d))+$' }],
      },
      distribution: {
        description: 'A duration (fixed), { "uniform": [low, high] } or { "exponential": mean }.',
        anyOf: [duration, single('uniform', 'Uniform over [low, high], whole milliseconds, both ends included.', pair(duration)), single('exponential', 'Exponential with this mean.', duration)],
      },
      fieldSpec: {
        description: 'One of { "value": x }, { "enum": { "A": weight } }, { "bool": p }, { "integer": [low, high] }, { "number": [low, high] }, { "duration": [low, high] }.',
        oneOf: specKinds.map((kind) => fieldSpecs[kind]),
      },
    },
  };
}
