/**
 * The options of `simulate` and `simulateOne`, checked once: the validated
 * fault model, the populations in policy order with the installation
 * indices each one runs, and the installation generator if there is one.
 */
import { own } from '../../common/own.js';
import { MigrationUsageError } from '../errors.js';
import { populationKeys, splitPopulation } from '../fault-model/names.js';
import { formatFaultModelErrors, validateFaultModel } from '../fault-model/validate.js';
import type { FaultModel } from '../fault-model/fault-model.js';
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
}

export function prepareSimulation<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  options: SimulationOptions<I>,
): PreparedSimulation<I> {
  const { seed = 0, samples = 3, migrationAttempt = 1 } = options;
  const validation = validateFaultModel(options.faults, policy);
  if (validation.model === null) {
    throw new MigrationUsageError(`the fault model is invalid:\n${formatFaultModelErrors(validation).join('\n')}`);
  }
  const model = validation.model;
  if (!Number.isSafeInteger(seed)) throw new MigrationUsageError('`seed` must be a whole number');
  if (!Number.isInteger(samples) || samples < 0 || samples > 100) throw new MigrationUsageError('`samples` must be a whole number from 0 to 100');
  if (!Number.isInteger(migrationAttempt) || migrationAttempt < 1) throw new MigrationUsageError('`migrationAttempt` must be a whole number from 1');
  checkPolicy(policy);
  const generator = options.installations ?? null;
  // The typed keys matter to callers only; here a population is any name, checked below.
  const counts = (options.cohorts as Readonly<Record<string, number>> | undefined) ?? model.cohorts;
  if (generator !== null && options.cohorts !== undefined) throw new MigrationUsageError('give `cohorts` or `installations`, not both');
  if (generator === null && counts === null) throw new MigrationUsageError('give `cohorts` (or the fault model\'s `cohorts`) or `installations`');
  if (generator !== null && !(Number.isSafeInteger(generator.count) && generator.count >= 0)) {
    throw new MigrationUsageError('`installations.count` must be a whole number from 0');
  }
  const keys = [...populationKeys(policy)];
  for (const [key, count] of Object.entries(generator === null ? counts! : {})) {
    if (!keys.includes(key)) throw new MigrationUsageError(`\`cohorts.${key}\`: the policy has no cohort or \`cohort/group\` \`${key}\``);
    if (!(Number.isSafeInteger(count) && count >= 0)) throw new MigrationUsageError(`\`cohorts.${key}\` must be a whole number from 0`);
  }
  let first = 0;
  const populations = keys.map((key): Population => {
    const count = generator === null ? (own(counts, key) ?? 0) : 0;
    const population = { key, membership: splitPopulation(key), count, first };
    first += count;
    return population;
  });
  const base = (options.installation ?? {}) as Readonly<Record<string, unknown>>;
  return { model, seed, samples, migrationAttempt, base, populations, generator, count: generator?.count ?? first };
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
