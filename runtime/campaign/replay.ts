/**
 * One installation of a campaign, attempt after attempt, through `migrate`
 * itself with handlers that draw from the fault model, resubmitted as a
 * harness would (`nextMigrationAttempt`): the debugging path, and the check
 * every campaign makes of its sampled installations. An attempt's outcome
 * and the delay before the next one do not depend on the schedule, so the
 * chain is the one the campaign ran, whatever days it fell on.
 */
import { MigrationUsageError } from '../errors.js';
import { drawDuration, drawInstallation, faultHandlers } from '../fault-model/fault-handlers.js';
import { migrate } from '../migrate/migrate.js';
import { nextMigrationAttempt, type MigrationResult } from '../outcome.js';
import type { CompiledPolicy } from '../policy.js';
import { SeededRandom } from '../random.js';
import { SimulationBug } from '../simulate/invariants.js';
import { jitterSeed } from '../simulate/seed.js';
import { maxDays, prepareCampaign, type CampaignInputs, type CampaignPlan } from './plan.js';
import type { CampaignSample, FinalState } from './result.js';
import { attemptSeed } from './seed.js';
import { finalStates, sampleKeys, type CampaignTally } from './tally.js';

export interface CampaignAttempt {
  readonly attempt: number;
  readonly installation: Record<string, unknown>;
  /** The seed `migrate` ran with (jitter draws). */
  readonly seed: number;
  readonly result: MigrationResult;
  /** For a resubmittable failure, the delay drawn before the installation is due again. */
  readonly resubmitAfter: number | null;
}

export interface CampaignInstallation {
  readonly index: number;
  readonly cohort: string;
  readonly group: string | null;
  readonly final: FinalState;
  readonly attempts: readonly CampaignAttempt[];
}

/** Runs installation `index` of the campaign `inputs` describe, every attempt through `migrate`, recording timelines. */
export async function campaignInstallation<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  inputs: CampaignInputs<I>,
  index: number,
): Promise<CampaignInstallation> {
  const plan = prepareCampaign(policy, inputs);
  if (!(Number.isSafeInteger(index) && index >= 0 && index < plan.estate)) {
    throw new MigrationUsageError(`installation ${index} is not in the campaign (its estate has ${plan.estate})`);
  }
  return replayInstallation(plan, index);
}

export async function replayInstallation(plan: CampaignPlan, index: number): Promise<CampaignInstallation> {
  const { simulation, layout } = plan;
  const population = simulation.populations.find((p) => index >= p.first && index < p.first + p.count)!;
  const { cohort, group } = population.membership;
  const attempts: CampaignAttempt[] = [];
  for (let attempt: number | null = 1; attempt !== null; ) {
    if (attempt > maxDays) {
      throw new MigrationUsageError(`installation ${index} is still resubmittable after ${maxDays} attempts; the policy has no \`exclude after\` rule that would end it`);
    }
    const random = new SeededRandom(attemptSeed(simulation.seed, index, attempt));
    const installation = drawInstallation(simulation.model.installation, simulation.base, random);
    const seed = jitterSeed(attemptSeed(simulation.seed, index, attempt));
    const result = await migrate(plan.policy, installation, {
      handlers: faultHandlers(plan.policy, simulation.model, population.membership, random),
      cohort,
      group,
      seed,
      migrationAttempt: attempt,
    });
    const next = nextMigrationAttempt(result);
    let resubmitAfter: number | null = null;
    if (next !== null && result.outcome.status !== 'migrated') {
      const party = plan.codeParty[layout.codeIndex.get(result.outcome.code)!]!;
      resubmitAfter = drawDuration(party >= 0 ? plan.partyDelay[party]! : plan.defaultDelay, random);
    }
    attempts.push({ attempt, installation, seed, result, resubmitAfter });
    attempt = next;
  }
  const last = attempts.at(-1)!.result.outcome;
  const final: FinalState = last.status === 'migrated' ? 'migrated' : last.excluded ? 'excluded' : 'failed';
  return { index, cohort, group, final, attempts };
}

/**
 * Replays the tally's sampled installations through `migrate` and checks
 * that each ends as the kernel counted it: final state, code and number of
 * attempts. A difference is a bug in mpol.
 */
export async function checkedSamples(plan: CampaignPlan, tally: CampaignTally): Promise<CampaignSample[]> {
  const samples: CampaignSample[] = [];
  const perKey = plan.simulation.samples;
  const codes = plan.layout.codes;
  for (let key = 0; key < sampleKeys(codes.length); key++) {
    for (let place = key * perKey; place < (key + 1) * perKey; place++) {
      const index = tally.sampleIndex[place]!;
      if (index < 0) continue;
      const state = key < 2 ? 0 : key < 2 + codes.length ? 1 : 2;
      const code = key < 2 ? null : codes[(key - 2) % codes.length]!;
      const counted = `${finalStates[state]}${code === null ? '' : ` ${code}`} after ${tally.sampleAttempts[place]} attempts`;
      const run = await replayInstallation(plan, index);
      const last = run.attempts.at(-1)!.result.outcome;
      const replayed = `${run.final}${last.status === 'migrated' ? '' : ` ${last.code}`} after ${run.attempts.length} attempts`;
      if (counted !== replayed) {
        throw new SimulationBug(`campaign installation ${index}: the kernel counted ${counted}, \`migrate\` with the same draws gives ${replayed}`);
      }
      samples.push({
        index,
        cohort: run.cohort,
        group: run.group,
        final: run.final,
        attempts: run.attempts.map(({ result, resubmitAfter }) => ({ outcome: result.outcome, resubmitAfter })),
      });
    }
  }
  return samples;
}
