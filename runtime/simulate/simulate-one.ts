/**
 * One installation of a simulation, run through `migrate` itself with
 * handlers that draw from the fault model: the debugging path, and how the
 * simulation's sampled timelines are made. Its draws are exactly those the
 * compiled simulator made for the same index, so its outcome is the one the
 * simulation counted.
 */
import { MigrationUsageError } from '../errors.js';
import { drawInstallation, faultHandlers } from '../fault-model/fault-handlers.js';
import { migrate } from '../migrate/migrate.js';
import type { MigrationResult } from '../outcome.js';
import type { CompiledPolicy, PopulationChoice } from '../policy.js';
import { SeededRandom } from '../random.js';
import { populationOf, prepareSimulation, type PreparedSimulation, type SimulationOptions } from './options.js';
import { installationSeed, jitterSeed } from './seed.js';

export interface SimulatedInstallation<I> {
  /** The installation's index in the simulation, from 0. */
  readonly index: number;
  readonly cohort: string;
  readonly group: string | null;
  readonly installation: I;
  /** The seed `migrate` ran with (jitter draws); the fault handlers draw from their own stream. */
  readonly seed: number;
  readonly result: MigrationResult;
}

/** Runs installation `index` of the simulation `options` describes, recording its timeline. */
export function simulateOne<I, H, C extends string, P extends PopulationChoice>(
  policy: CompiledPolicy<I, H, C, P>,
  options: SimulationOptions<I, NoInfer<P>>,
  index: number,
): Promise<SimulatedInstallation<I>> {
  const prepared = prepareSimulation(policy, options);
  if (!(Number.isSafeInteger(index) && index >= 0 && index < prepared.count)) {
    throw new MigrationUsageError(`installation ${index} is not in the simulation (it has ${prepared.count})`);
  }
  return replayInstallation(policy, prepared, index);
}

/** Runs installation `index` again; `timelineLimit` bounds the events its timeline keeps (unlimited by default). */
export async function replayInstallation<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  prepared: PreparedSimulation<I>,
  index: number,
  timelineLimit = Infinity,
): Promise<SimulatedInstallation<I>> {
  const random = new SeededRandom(installationSeed(prepared.seed, index));
  let membership;
  let installation: I;
  if (prepared.generator !== null) {
    const made = prepared.generator.generate(index);
    membership = prepared.populations[populationOf(prepared, made, index)]!.membership;
    installation = made.installation;
  } else {
    const population = prepared.populations.find((p) => index >= p.first && index < p.first + p.count)!;
    membership = population.membership;
    installation = drawInstallation(prepared.model.installation, prepared.base, random) as I;
  }
  const seed = jitterSeed(installationSeed(prepared.seed, index));
  const handlers = faultHandlers(policy, prepared.model, membership, random);
  const result = await migrate(policy as CompiledPolicy<I, unknown, string>, installation, {
    handlers,
    cohort: membership.cohort,
    group: membership.group,
    seed,
    migrationAttempt: prepared.migrationAttempt,
    timelineLimit,
  });
  return { index, cohort: membership.cohort, group: membership.group, installation, seed, result };
}
