/**
 * The options of `simulate` and `simulateOne`, checked once: the validated
 * fault model, the populations in policy order with the installation
 * indices each one runs, and the installation generator if there is one.
 */
import { own } from '../../common/own.js';
import { readOptions, wholeNumber, describeValue } from '../usage.js';
import { MigrationUsageError } from '../errors.js';
import { populationKeys, splitPopulation } from '../fault-model/names.js';
import { closest } from '../fault-model/fields.js';
import { formatFaultModelErrors, validateFaultModel } from '../fault-model/validate.js';
import type { FaultModel } from '../fault-model/fault-model.js';
import type { CompiledPolicy, Membership, PopulationChoice, PopulationKey } from '../policy.js';
import { checkFieldsDrawn, checkPolicy } from './check-policy.js';
import { readGenerator, type InstallationGenerator } from './installation-generator.js';
import { guardedProgress, readBase, readCounts } from './option-values.js';

export { populationOf, type GeneratedInstallation, type InstallationGenerator } from './installation-generator.js';

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
