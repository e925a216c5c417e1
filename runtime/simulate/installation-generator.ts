/**
 * The installations of a simulation given by a generator (the
 * `installations` option) rather than by counts: the generator's types,
 * its reading (every answer checked, a throw or a malformed installation a
 * usage error naming the index), and the population an answer belongs to.
 */
import { describeThrown } from '../migrate/describe.js';
import { describeValue, readOptions, wholeNumber } from '../usage.js';
import { MigrationUsageError } from '../errors.js';
import type { Membership } from '../policy.js';

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

/**
 * `installations`: its count, and a `generate` whose every answer is
 * checked, a throw or a malformed installation being a usage error that
 * names the index.
 */
export function readGenerator<I>(value: unknown): InstallationGenerator<I> {
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

/** The populations a generated installation is looked up in, in policy order. */
interface Populations {
  readonly populations: readonly { readonly key: string; readonly membership: Membership }[];
}

/** The population index of a generated installation, or a usage error naming the bad cohort or group. */
export function populationOf(prepared: Populations, made: GeneratedInstallation<unknown>, index: number): number {
  const key = made.group === undefined || made.group === null ? made.cohort : `${made.cohort}/${made.group}`;
  const found = prepared.populations.findIndex((population) => population.key === key);
  if (found < 0) throw new MigrationUsageError(`installation ${index}: the policy has no cohort or \`cohort/group\` \`${key}\``);
  return found;
}

