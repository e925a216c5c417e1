/**
 * `simulate`: runs many installations of a policy against a fault model on
 * virtual time, and returns counts, histograms and percentiles per cohort
 * and group, with a few sampled timelines (docs/simulation.md).
 *
 * Installations are independent (no shared capacity or queue in the fault
 * model), so each one runs start to finish on its own virtual clock from 0:
 * the same outcome and times a global event queue would give, without one.
 */
import { emptyRecord } from '../../common/own.js';
import { timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import { MigrationUsageError } from '../errors.js';
import { policyNames } from '../fault-model/names.js';
import type { FieldSpec } from '../fault-model/fault-model.js';
import type { CompiledPolicy, PopulationChoice } from '../policy.js';
import { compileBatch } from './compile.js';
import { checkInvariants } from './invariants.js';
import { populationOf, prepareSimulation, type PreparedSimulation, type SimulationOptions } from './options.js';
import type { SimulationResult } from './result.js';
import { sampleTimelines } from './samples.js';
import { layoutFlow, type AnyPolicy, type BatchRunner } from './source.js';
import { summarize } from './summary.js';
import { SampleBuffer, Tally } from './tally.js';

/**
 * Simulates the installations `options` describes. Rejects with a
 * `MigrationUsageError` for bad options or an invalid fault model, and with
 * a `SimulationBug` if an invariant fails (outcomes not adding up to the
 * installations started, or a sampled installation that `migrate` ends
 * differently).
 */
export async function simulate<I, H, C extends string, P extends PopulationChoice>(
  policy: CompiledPolicy<I, H, C, P>,
  options: SimulationOptions<I, NoInfer<P>>,
): Promise<SimulationResult> {
  const prepared = prepareSimulation(policy, options);
  const anyPolicy = policy as unknown as AnyPolicy;
  const layout = layoutFlow(anyPolicy, policyNames(policy));
  const { populations, generator } = prepared;
  const tally = new Tally({
    populations: populations.length,
    codes: layout.codes.length,
    steps: layout.steps.length,
    parties: layout.parties.length,
  });
  const samples = new SampleBuffer(prepared.samples, layout.codes.length);
  // Invariant: one compiled runner per population, made the first time that population runs.
  const runners: (BatchRunner | undefined)[] = [];
  const runner = (p: number, warmInstallation: unknown): BatchRunner =>
    (runners[p] ??= compileBatch({
      policy: anyPolicy,
      model: prepared.model,
      layout,
      membership: populations[p]!.membership,
      population: p,
      seed: prepared.seed,
      drawFields: generator === null,
      tally,
      samples,
      warmInstallation,
    }));
  const progress = prepared.onProgress;
  if (generator === null) {
    const installation = reusableInstallation(prepared);
    let done = 0;
    for (const [p, population] of populations.entries()) {
      // Installations are independent and seeded by index, so running a population in chunks gives the same counts.
      const chunk = progress === undefined ? population.count : progressChunk;
      for (let offset = 0; offset < population.count; offset += chunk) {
        const count = Math.min(chunk, population.count - offset);
        runner(p, installation)(population.first + offset, count, installation);
        done += count;
        if (progress !== undefined) await reportProgress(progress, done, prepared.count);
      }
    }
  } else {
    for (let index = 0; index < generator.count; index++) {
      const made = generator.generate(index);
      runner(populationOf(prepared, made, index), made.installation)(index, 1, made.installation);
      if (progress !== undefined && (index + 1) % progressChunk === 0) await reportProgress(progress, index + 1, generator.count);
    }
  }
  checkTimesExact(tally);
  const timelines = await sampleTimelines(policy, prepared, layout, samples);
  const input = { policy: anyPolicy, layout, tally, migrationAttempt: prepared.migrationAttempt };
  const used = populations.map((_, p) => p).filter((p) => tally.T_started[p]! > 0);
  const result: SimulationResult = {
    policy: { name: policy.name, version: policy.version },
    seed: prepared.seed,
    faultModel: { description: prepared.model.description },
    installations: tally.T_started.reduce((sum, count) => sum + count, 0),
    total: summarize(input, used, null, null),
    populations: used.map((p) => summarize(input, [p], populations[p]!.membership.cohort, populations[p]!.membership.group)),
    samples: timelines,
  };
  checkInvariants(result, prepared.count, samples.capacity);
  return result;
}

/**
 * Every installation's time to outcome is its latest time (times only move
 * forward), so one past `timeLimit` is the only way a time of the run was
 * not exact: the simulation stops rather than report rounded figures.
 */
function checkTimesExact(tally: Tally): void {
  const longest = tally.T_timeMax.reduce((max, time) => (time > max ? time : max), 0);
  if (longest > timeLimit) {
    throw new MigrationUsageError(
      `an installation's time to outcome passes ${timeLimitInWords}, past which times are not exact: the fault model's durations, or the policy's waits, add up to too long a run`,
    );
  }
}

/** Installations between progress reports: small enough to redraw often, large enough to cost nothing. */
const progressChunk = 50_000;

async function reportProgress(progress: (done: number, total: number) => void, done: number, total: number): Promise<void> {
  progress(done, total);
  // Let timers run, so a progress display can draw while the simulation works.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The one installation object the compiled runner draws fields into, shaped
 * once with every field so its hidden class never changes.
 */
export function reusableInstallation(prepared: PreparedSimulation<unknown>): Record<string, unknown> {
  const installation = Object.assign(emptyRecord<unknown>(), prepared.base);
  for (const [field, spec] of Object.entries(prepared.model.installation)) installation[field] = initialValue(spec);
  return installation;
}

function initialValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'value':
      return spec.value;
    case 'bool':
      return false;
    case 'enum':
      return spec.values[0];
    default:
      return spec.low;
  }
}
