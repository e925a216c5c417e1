/**
 * The options of `simulate` and `simulateOne`, checked once: the validated
 * fault model, the populations in policy order with the installation
 * indices each one runs, and the installation generator if there is one.
 */
import { emptyRecord, own } from '../../common/own.js';
import { describeThrown } from '../migrate/describe.js';
import { describeValue, readOptions, wholeNumber } from '../usage.js';
import { MigrationUsageError } from '../errors.js';
import { populationKeys, splitPopulation } from '../fault-model/names.js';
import { closest } from '../fault-model/fields.js';
import { formatFaultModelErrors, validateFaultModel } from '../fault-model/validate.js';
import type { FaultModel } from '../fault-model/fault-model.js';
import { fieldsWithoutValues } from '../fault-model/installation-fields.js';
import type { CompiledPolicy, Membership, PopulationChoice, PopulationKey } from '../policy.js';
import { checkStrategy } from '../migrate/schedule.js';

/**
 * One installation a generator makes: its population and its fields. The
 * names are plain strings, checked when the simulation runs: TypeScript
 * widens a literal returned by a callback whose types are still being
 * inferred, so a typed `cohort` here would reject `generate: (i) => ({ cohort: 'IOC', ... })`.
 */
export interface GeneratedInstallation<I> {
  readonly cohort: string;
  readonly group?: string | null;
  readonly installation: I;
}

/**
 * Makes installation `index` (from 0). Must be a pure function of the index:
 * sampled installations are made again to record their timelines.
 */
export interface InstallationGenerator<I> {
  readonly count: number;
  generate(index: number): GeneratedInstallation<I>;
}

/** `P` is the policy's populations: an emitted policy's own cohort and group names. */
export interface SimulationOptions<I, P extends PopulationChoice = PopulationChoice> {
  /** The fault model as parsed JSON (docs/fault-model.md); validated here. */
  readonly faults: unknown;
  /** Installations per `Cohort` or `Cohort/Group`; overrides the fault model's `cohorts`. */
  readonly cohorts?: Readonly<Partial<Record<PopulationKey<P>, number>>>;
  /** Instead of `cohorts`: a generator of installations (the fault model's `installation` specs are then unused). */
  readonly installations?: InstallationGenerator<I>;
  /** Field values every installation starts from, before the fault model's `installation` specs; `{}` by default. */
  readonly installation?: Partial<I>;
  /** The simulation's seed, a whole number; 0 by default. The same seed gives the same result. */
  readonly seed?: number;
  /** Timelines kept per outcome and code (`failed MA122`, `migrated`, ...); 3 by default, at most 100. */
  readonly samples?: number;
  /** The migration attempt every installation runs as (for exclusion); 1 by default. */
  readonly migrationAttempt?: number;
  /**
   * Called as installations finish, with how many are done out of how many;
   * the run yields to the event loop between calls so a progress display can
   * draw. It never changes the result.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Population {
  readonly key: string;
  readonly membership: Membership;
  /** Installations in this population (cohorts mode), and the index of the first one. */
  readonly count: number;
  readonly first: number;
}

export interface PreparedSimulation<I> {
  readonly model: FaultModel;
  readonly seed: number;
  readonly samples: number;
  readonly migrationAttempt: number;
  readonly base: Readonly<Record<string, unknown>>;
  /** Every population of the policy, in policy order; in cohorts mode each has its index range. */
  readonly populations: readonly Population[];
  readonly generator: InstallationGenerator<I> | null;
  readonly count: number;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/**
 * The most installations one simulation runs: installation `i` draws from
 * a stream seeded by `i` modulo 2^32, so beyond it two installations would
 * draw exactly the same numbers.
 */
export const installationLimit = 2 ** 32;

const optionKeys = ['faults', 'cohorts', 'installations', 'installation', 'seed', 'samples', 'migrationAttempt', 'onProgress'] as const;

export function prepareSimulation<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  options: SimulationOptions<I>,
): PreparedSimulation<I> {
  const read = readOptions(options, optionKeys, 'options');
  const seed = read.seed === undefined ? 0 : wholeNumber(read.seed, 'seed', Number.MIN_SAFE_INTEGER);
  const samples = read.samples === undefined ? 3 : wholeNumber(read.samples, 'samples', 0, 100);
  const migrationAttempt = read.migrationAttempt === undefined ? 1 : wholeNumber(read.migrationAttempt, 'migrationAttempt', 1);
  if (read.onProgress !== undefined && typeof read.onProgress !== 'function') throw new MigrationUsageError(`\`onProgress\` must be a function, not ${describeValue(read.onProgress)}`);
  const validation = validateFaultModel(read.faults, policy);
  if (validation.model === null) {
    throw new MigrationUsageError(`the fault model is invalid:\n${formatFaultModelErrors(validation).join('\n')}`);
  }
  const model = validation.model;
  checkPolicy(policy);
  const generator = read.installations === undefined ? null : readGenerator<I>(read.installations);
  if (generator !== null && read.cohorts !== undefined) throw new MigrationUsageError('give `cohorts` or `installations`, not both');
  const counts = read.cohorts === undefined ? model.cohorts : readCounts(read.cohorts);
  if (generator === null && counts === null) throw new MigrationUsageError('give `cohorts` (or the fault model\'s `cohorts`) or `installations`');
  const keys = [...populationKeys(policy)];
  for (const key of Object.keys(generator === null ? counts! : {})) {
    if (keys.includes(key)) continue;
    const near = closest(key, keys);
    throw new MigrationUsageError(`\`cohorts.${key}\`: the policy has no cohort or \`cohort/group\` \`${key}\`${near === null ? '' : `; did you mean \`${near}\`?`}`);
  }
  let first = 0;
  const populations = keys.map((key): Population => {
    const count = generator === null ? (own(counts, key) ?? 0) : 0;
    const population = { key, membership: splitPopulation(key), count, first };
    first += count;
    return population;
  });
  const count = generator?.count ?? first;
  if (count > installationLimit) {
    throw new MigrationUsageError(`${count.toLocaleString('en-GB')} installations is more than one simulation runs (${installationLimit.toLocaleString('en-GB')}: beyond it, installations would repeat each other's draws)`);
  }
  const base = readBase(read.installation);
  if (generator === null) checkFieldsDrawn(policy, model, base);
  const onProgress = read.onProgress === undefined ? undefined : guardedProgress(read.onProgress as (done: number, total: number) => void);
  return { model, seed, samples, migrationAttempt, base, populations, generator, count, onProgress };
}

/**
 * Refuses a simulation in which a declared installation field has no
 * value: every guard and check reading it would see `undefined`, and a
 * result such as "migrated 0" would look like a finding.
 */
function checkFieldsDrawn<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, model: FaultModel, base: Readonly<Record<string, unknown>>): void {
  const missing = fieldsWithoutValues(policy.installation, model.installation, base);
  if (missing.length === 0) return;
  const names = missing.map((field) => `\`${field}\``).join(', ');
  throw new MigrationUsageError(
    `the fault model gives no values for the installation ${missing.length === 1 ? 'field' : 'fields'} ${names}: ` +
      'every installation would leave them undefined, failing or skipping whatever reads them. ' +
      'Give each a spec under the fault model\'s `installation` (`mpol faults` and `faultModelTemplate(policy)` write a model with them all), or a value in the `installation` option',
  );
}

/** `cohorts`: whole counts by population, each read once into a prototype-free record. */
function readCounts(value: unknown): Readonly<Record<string, number>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MigrationUsageError(`\`cohorts\` must be an object of counts, not ${describeValue(value)}`);
  const counts = emptyRecord<number>();
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    throw new MigrationUsageError(`reading \`cohorts\` threw ${describeThrown(error)}`, { cause: error });
  }
  const read = readOptions(value, keys, 'cohorts');
  for (const key of keys) counts[key] = wholeNumber(read[key], `cohorts.${key}`, 0);
  return counts;
}

/** `installation`: the fields every installation starts from, copied once. */
function readBase(value: unknown): Readonly<Record<string, unknown>> {
  if (value === undefined) return emptyRecord();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MigrationUsageError(`\`installation\` must be an object of field values, not ${describeValue(value)}`);
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    throw new MigrationUsageError(`reading \`installation\` threw ${describeThrown(error)}`, { cause: error });
  }
  return Object.assign(emptyRecord<unknown>(), readOptions(value, keys, 'installation'));
}

/**
 * `installations`: its count, and a `generate` whose every answer is
 * checked, a throw or a malformed installation being a usage error that
 * names the index.
 */
function readGenerator<I>(value: unknown): InstallationGenerator<I> {
  const { count, generate } = readOptions(value, ['count', 'generate'], 'installations');
  const total = wholeNumber(count, 'installations.count', 0);
  if (typeof generate !== 'function') throw new MigrationUsageError(`\`installations.generate\` must be a function, not ${describeValue(generate)}`);
  return {
    count: total,
    generate(index: number): GeneratedInstallation<I> {
      let made: unknown;
      try {
        made = (generate as (index: number) => unknown).call(value, index);
      } catch (error) {
        throw new MigrationUsageError(`\`installations.generate(${index})\` threw ${describeThrown(error)}`, { cause: error });
      }
      const { cohort, group, installation } = readOptions(made, ['cohort', 'group', 'installation'], `installations.generate(${index})`);
      if (typeof cohort !== 'string') throw new MigrationUsageError(`\`installations.generate(${index}).cohort\` must be a cohort's name, not ${describeValue(cohort)}`);
      if (group !== undefined && group !== null && typeof group !== 'string') {
        throw new MigrationUsageError(`\`installations.generate(${index}).group\` must be a group's name or null, not ${describeValue(group)}`);
      }
      return { cohort, group: group ?? null, installation: installation as I };
    },
  };
}

/** A progress callback whose throw ends the simulation as a usage error, with the callback's error as its cause. */
function guardedProgress(progress: (done: number, total: number) => void): (done: number, total: number) => void {
  return (done, total) => {
    try {
      progress(done, total);
    } catch (error) {
      throw new MigrationUsageError(`\`onProgress\` threw ${describeThrown(error)}`, { cause: error });
    }
  };
}

/** The population index of a generated installation, or a usage error naming the bad cohort or group. */
export function populationOf(prepared: PreparedSimulation<unknown>, made: GeneratedInstallation<unknown>, index: number): number {
  const key = made.group === undefined || made.group === null ? made.cohort : `${made.cohort}/${made.group}`;
  const found = prepared.populations.findIndex((population) => population.key === key);
  if (found < 0) throw new MigrationUsageError(`installation ${index}: the policy has no cohort or \`cohort/group\` \`${key}\``);
  return found;
}

/**
 * What `migrate` would reject when it reaches it, checked up front: every
 * strategy the flow names exists and can end, and every code exists.
 */
function checkPolicy<I, H, C extends string>(policy: CompiledPolicy<I, H, C>): void {
  const errors = policy.errors as Readonly<Record<string, unknown>>;
  const needCode = (code: string): void => {
    if (own(errors, code) === undefined) throw new MigrationUsageError(`the policy has no error code \`${code}\``);
  };
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      needCode(node.code);
      continue;
    }
    if (node.retry !== null) {
      const strategy = own(policy.retries, node.retry);
      if (strategy === undefined) throw new MigrationUsageError(`the policy has no retry strategy \`${node.retry}\``);
      checkStrategy(node.retry, strategy);
    }
    node.mayFail.forEach(needCode);
    for (const action of [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)]) {
      needCode(action.code);
      if (action.kind === 'incident') needCode(action.elseCode);
    }
  }
}
