/**
 * Validating a fault-model JSON document against a policy
 * (docs/fault-model.md). Returns the normalised model with every omitted
 * value defaulted, or every error found, each naming the path of the bad
 * value: `steps.Commission.transient: expected a probability between 0 and 1, got 1.5`.
 */
import { emptyRecord, own, recordOf } from '../../common/own.js';
import {
  at,
  checkKeys,
  closest,
  FieldContext,
  readDistribution,
  readObject,
  readProbability,
  shortName,
  type FaultModelError,
  type JsonObject,
} from './fields.js';
import { copyJson } from './json.js';
import { policyNames, type PolicyNames } from './names.js';
import { readArtefact, readCheck, readParty, readUndo } from './entries.js';
import { readCohorts, readInstallation } from './population.js';
import { readCampaign, resubmittingParties } from './campaign.js';
import { defaultFaults, type FaultModel, type FieldSpec, type StepFaultEntry, type StepFaults, type StepOverride } from './fault-model.js';
import type { CompiledPolicy } from '../policy.js';

export type { FaultModelError } from './fields.js';

export interface FaultModelValidation {
  /** The normalised model, or `null` when there are errors. */
  readonly model: FaultModel | null;
  /** The first hundred errors, in the order found. */
  readonly errors: readonly FaultModelError[];
  /** How many more errors there are beyond those in `errors`. */
  readonly omitted: number;
}

/** `steps.Commission.transient: expected a probability between 0 and 1, got 1.5` */
export const formatFaultModelError = (error: FaultModelError): string => `${error.path}: ${error.message}`;

/** Every error of a validation as one line each, then `and 1,234 more errors` when some were only counted. */
export function formatFaultModelErrors(validation: Pick<FaultModelValidation, 'errors' | 'omitted'>): string[] {
  const lines = validation.errors.map(formatFaultModelError);
  const more = validation.omitted;
  if (more > 0) lines.push(`and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'error' : 'errors'}`);
  return lines;
}

export const topKeys = ['$schema', 'description', 'defaults', 'steps', 'checks', 'artefacts', 'parties', 'undos', 'cohorts', 'installation', 'campaign'] as const;

export function validateFaultModel<I, H, C extends string>(json: unknown, policy: CompiledPolicy<I, H, C>): FaultModelValidation {
  const context = new FieldContext();
  const failed = (): FaultModelValidation => ({ model: null, errors: context.errors, omitted: context.omitted });
  // Everything below reads this plain copy: no getter, proxy, cycle or depth can reach it.
  const copy = copyJson(context, json);
  if (copy === undefined) return failed();
  const names = policyNames(policy);
  const root = readObject(context, copy, '');
  if (root === null) return failed();
  checkKeys(context, root, '', topKeys);
  const defaults = readDefaults(context, root.defaults);
  const entries = <T>(key: string, known: ReadonlySet<string>, what: string, read: (value: unknown, path: string, name: string) => T | null) =>
    readEntries(context, root[key], key, known, what, read);
  const model: FaultModel = {
    description: typeof root.description === 'string' ? root.description : null,
    defaults,
    steps: entries('steps', new Set(names.steps.keys()), 'step', (value, path, name) =>
      readStepEntry(context, value, path, defaults.step, names.steps.get(name)!.mayFail, names),
    ),
    checks: entries('checks', names.externalChecks, 'external check', (value, path) => readCheck(context, value, path, defaults.check)),
    artefacts: entries('artefacts', names.artefacts, 'artefact', (value, path) =>
      readArtefact(context, value, path, defaults.artefact, names),
    ),
    parties: entries('parties', names.parties, 'party', (value, path) => readParty(context, value, path, defaults.party)),
    undos: entries('undos', names.undos, 'undo', (value, path) => readUndo(context, value, path, defaults.undo)),
    cohorts: root.cohorts === undefined ? null : readCohorts(context, root.cohorts, 'cohorts', names.populations),
    installation: root.installation === undefined ? emptyRecord<FieldSpec>() : readInstallation(context, root.installation, 'installation', policy.installation),
    campaign: root.campaign === undefined ? null : readCampaign(context, root.campaign, 'campaign', names, resubmittingParties(policy.errors)),
  };
  for (const code of Object.keys(model.checks)) {
    if (names.predicateChecks.has(code)) context.report(`checks.${code}`, `check \`${code}\` has a predicate; only \`external\` checks draw from the fault model`);
  }
  return context.errors.length > 0 ? failed() : { model, errors: [], omitted: 0 };
}

function readEntries<T>(
  context: FieldContext,
  value: unknown,
  path: string,
  known: ReadonlySet<string>,
  what: string,
  read: (value: unknown, path: string, name: string) => T | null,
): Readonly<Record<string, T>> {
  if (value === undefined) return emptyRecord<T>();
  const object = readObject(context, value, path);
  const entries: [string, T][] = [];
  for (const [name, entry] of Object.entries(object ?? {})) {
    if (!known.has(name)) {
      context.report(at(path, name), () => {
        const near = closest(name, known);
        return `the policy has no ${what} \`${shortName(name)}\`${near === null ? '' : `; did you mean \`${near}\`?`}`;
      });
      continue;
    }
    const result = read(entry, at(path, name), name);
    if (result !== null) entries.push([name, result]);
  }
  return recordOf(entries);
}

function readDefaults(context: FieldContext, value: unknown): FaultModel['defaults'] {
  if (value === undefined) return defaultFaults;
  const object = readObject(context, value, 'defaults') ?? {};
  checkKeys(context, object, 'defaults', ['step', 'check', 'artefact', 'party', 'undo']);
  const d = defaultFaults;
  const step = object.step === undefined ? d.step : readStepLayer(context, object.step, 'defaults.step', null, []);
  const stepDefaults = { ...d.step, ...step };
  checkFailureSum(context, stepDefaults, 'defaults.step');
  return {
    step: stepDefaults,
    check: object.check === undefined ? d.check : readCheck(context, object.check, 'defaults.check', d.check),
    artefact: object.artefact === undefined ? d.artefact : readArtefact(context, object.artefact, 'defaults.artefact', d.artefact, null),
    party: object.party === undefined ? d.party : readParty(context, object.party, 'defaults.party', d.party),
    undo: object.undo === undefined ? d.undo : readUndo(context, object.undo, 'defaults.undo', d.undo),
  };
}

/**
 * The fields of a step, a default step or an override. `mayFail` is `null`
 * where `codes` is not allowed (the defaults: codes belong to one step).
 */
function readStepLayer(context: FieldContext, value: unknown, path: string, mayFail: readonly string[] | null, extra: readonly string[]): StepOverride {
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, ['transient', 'permanent', 'duration', ...(mayFail === null ? [] : ['codes']), ...extra]);
  const layer: { -readonly [K in keyof StepFaults]?: StepFaults[K] } = {};
  if (object.transient !== undefined) layer.transient = readProbability(context, object.transient, at(path, 'transient')) ?? 0;
  if (object.permanent !== undefined) layer.permanent = readProbability(context, object.permanent, at(path, 'permanent')) ?? 0;
  if (object.duration !== undefined) layer.duration = readDistribution(context, object.duration, at(path, 'duration')) ?? defaultFaults.step.duration;
  if (object.codes !== undefined && mayFail !== null) layer.codes = readCodes(context, object.codes, at(path, 'codes'), mayFail);
  return layer;
}

function readCodes(context: FieldContext, value: unknown, path: string, mayFail: readonly string[]): Record<string, number> {
  const object = readObject(context, value, path) ?? {};
  const codes = emptyRecord<number>();
  let total = 0;
  for (const [code, probability] of Object.entries(object)) {
    if (!mayFail.includes(code)) {
      const allowed = mayFail.length === 0 ? 'the step has no `may fail` codes' : `expected one of ${mayFail.map((c) => `\`${c}\``).join(', ')}`;
      context.report(at(path, code), `\`${shortName(code)}\` is not a \`may fail\` code of the step; ${allowed}`);
      continue;
    }
    const read = readProbability(context, probability, at(path, code));
    if (read !== null) total += codes[code] = read;
  }
  if (total > 1) context.report(path, `the probabilities add up to ${total}, more than 1`);
  return codes;
}

function checkFailureSum(context: FieldContext, faults: StepFaults, path: string): void {
  const total = faults.transient + faults.permanent;
  if (total > 1) context.report(path, `transient + permanent is ${total}, more than 1`);
}

function readStepEntry(
  context: FieldContext,
  value: unknown,
  path: string,
  defaults: StepFaults,
  mayFail: readonly string[],
  names: PolicyNames,
): StepFaultEntry {
  const base: StepFaults = { ...defaults, ...readStepLayer(context, value, path, mayFail, ['cohorts']) };
  checkFailureSum(context, base, path);
  const overrides = emptyRecord<StepOverride>();
  const cohorts = (value as JsonObject | null)?.cohorts;
  if (cohorts === undefined) return { base, overrides };
  const cohortsPath = at(path, 'cohorts');
  for (const [key, layer] of Object.entries(readObject(context, cohorts, cohortsPath) ?? {})) {
    if (!names.populations.has(key)) {
      context.report(at(cohortsPath, key), `the policy has no cohort or \`cohort/group\` \`${shortName(key)}\``);
      continue;
    }
    overrides[key] = readStepLayer(context, layer, at(cohortsPath, key), mayFail, []);
  }
  for (const key of Object.keys(overrides)) {
    const cohort = key.split('/')[0]!;
    checkFailureSum(context, { ...base, ...own(overrides, cohort), ...own(overrides, key) }, at(cohortsPath, key));
  }
  return { base, overrides };
}
