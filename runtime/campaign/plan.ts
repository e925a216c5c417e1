/**
 * The options of a campaign, checked once and laid out for the kernel: the
 * validated fault model and its campaign section, the estate's populations
 * with their installation indices, the capacity caps and which populations
 * and parties each one binds, and per error code whether it may be
 * resubmitted and whose delay applies.
 *
 * Every shard makes the same plan from the same `CampaignInputs`, which are
 * plain data so they can be sent to another thread.
 */
import { own, recordOf } from '../../common/own.js';
import { MigrationUsageError } from '../errors.js';
import type { CampaignModel, Distribution } from '../fault-model/fault-model.js';
import { policyNames } from '../fault-model/names.js';
import { formatFaultModelErrors, validateFaultModel } from '../fault-model/validate.js';
import type { CompiledPolicy, ErrorDefinition } from '../policy.js';
import { prepareSimulation, type PreparedSimulation } from '../simulate/options.js';
import { layoutFlow, type AnyPolicy, type FlowLayout } from '../simulate/source.js';
import { Calendar } from './calendar.js';

/** What a campaign is made from: plain, JSON-like data, the same in every shard. */
export interface CampaignInputs<I = Record<string, unknown>> {
  /** The fault model as parsed JSON, with a `campaign` section (docs/campaign.md). */
  readonly faults: unknown;
  /** Installations per `Cohort` or `Cohort/Group`; replaces the model's `campaign.estate` (and `cohorts`). */
  readonly estate?: Readonly<Record<string, number>>;
  /** Field values every installation starts from, before the fault model's `installation` specs. */
  readonly installation?: Partial<I>;
  /** The seed, a whole number; 0 by default. */
  readonly seed?: number;
  /** Installations re-run through `migrate` per final outcome and code, to check the kernel; 3 by default, at most 100. */
  readonly samples?: number;
}

/** A daily cap other than the overall one. */
export interface Cap {
  readonly kind: 'cohort' | 'responsible';
  /** `Cohort`, `Cohort/Group` or a party. */
  readonly key: string;
  readonly daily: number;
}

export interface CampaignPlan {
  readonly policy: AnyPolicy;
  readonly simulation: PreparedSimulation<unknown>;
  readonly campaign: CampaignModel;
  readonly calendar: Calendar;
  readonly layout: FlowLayout;
  /** Installations in the estate. */
  readonly estate: number;
  /** Per code (layout order): 1 when the policy lets a failure with it be resubmitted. */
  readonly codeResubmit: Uint8Array;
  /** Per code: the index of its responsible party in `layout.parties`, or -1. */
  readonly codeParty: Int32Array;
  /** The policy's `exclude after N failed attempts`, if any. */
  readonly exclusionAfter: number | null;
  readonly caps: readonly Cap[];
  /** Per population: the caps (indices into `caps`) its installations count against. */
  readonly populationCaps: readonly (readonly number[])[];
  /** Per party: the cap on resubmissions of its failures, or -1. */
  readonly partyCap: Int32Array;
  /** Per party: the resubmission delay of its failures (the model's default where it names none). */
  readonly partyDelay: readonly Distribution[];
  readonly defaultDelay: Distribution;
}

/** Longer than any real programme: a campaign still running then has a capacity too small for its estate. */
export const maxDays = 36_525;

export function prepareCampaign<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, inputs: CampaignInputs<I>): CampaignPlan {
  const validation = validateFaultModel(inputs.faults, policy);
  if (validation.model === null) {
    throw new MigrationUsageError(`the fault model is invalid:\n${formatFaultModelErrors(validation).join('\n')}`);
  }
  const campaign = validation.model.campaign;
  if (campaign === null) throw new MigrationUsageError('the fault model has no `campaign` section: a campaign needs at least `"campaign": { "capacity": { "daily": N } }`');
  const estate = inputs.estate ?? (campaign.estate === null ? undefined : recordOf(campaign.estate)) ?? validation.model.cohorts ?? undefined;
  if (estate === undefined) throw new MigrationUsageError('give the estate: the `estate` option, or `campaign.estate` (or `cohorts`) in the fault model');
  const simulation = prepareSimulation(policy, {
    faults: inputs.faults,
    cohorts: estate,
    seed: inputs.seed ?? 0,
    samples: inputs.samples ?? 3,
    ...(inputs.installation === undefined ? {} : { installation: inputs.installation }),
  }) as PreparedSimulation<unknown>;
  const anyPolicy = policy as unknown as AnyPolicy;
  const layout = layoutFlow(anyPolicy, policyNames(policy));
  const errors = policy.errors as Readonly<Record<string, ErrorDefinition>>;
  // 1: resubmittable unless an undo failed; 2: only when rolled back (`resubmit after rollback`).
  const codeResubmit = Uint8Array.from(layout.codes, (code) => resubmitKind(own(errors, code)!.resubmit));
  const codeParty = Int32Array.from(layout.codes, (code) => {
    const party = own(errors, code)!.responsible;
    return party === null ? -1 : (layout.partyIndex.get(party) ?? -1);
  });
  const caps: Cap[] = [];
  const populationCaps = simulation.populations.map((): number[] => []);
  for (const [key, daily] of campaign.capacity.populations) {
    const id = caps.push({ kind: 'cohort', key, daily }) - 1;
    simulation.populations.forEach((population, p) => {
      if (population.key === key || (!key.includes('/') && population.membership.cohort === key)) populationCaps[p]!.push(id);
    });
  }
  const partyCap = new Int32Array(layout.parties.length).fill(-1);
  for (const [party, daily] of campaign.capacity.responsible) partyCap[layout.partyIndex.get(party)!] = caps.push({ kind: 'responsible', key: party, daily }) - 1;
  const defaultDelay = campaign.resubmission.delay;
  const partyDelay = layout.parties.map((party) => campaign.resubmission.responsible.get(party) ?? defaultDelay);
  const calendar = new Calendar(campaign.calendar);
  checkFinishes(simulation.count, campaign.capacity.daily, calendar);
  return {
    policy: anyPolicy,
    simulation,
    campaign,
    calendar,
    layout,
    estate: simulation.count,
    codeResubmit,
    codeParty,
    exclusionAfter: policy.exclusionAfter,
    caps,
    populationCaps,
    partyCap,
    partyDelay,
    defaultDelay,
  };
}

/** Refuses up front a campaign whose first submissions alone would outlast `maxDays`. */
function checkFinishes(estate: number, daily: number, calendar: Calendar): void {
  let working = 0;
  for (let day = 0; day < 7; day++) if (calendar.isWorking(day)) working++;
  const days = Math.ceil(estate / daily / Math.max(working, 1)) * 7;
  if (days > maxDays) {
    throw new MigrationUsageError(
      `a daily capacity of ${daily} would take about ${Math.round(days / 365)} years to start ${estate} installations; the campaign simulator stops at ${maxDays} days`,
    );
  }
}

function resubmitKind(resubmit: ErrorDefinition['resubmit']): number {
  return resubmit === 'after-rollback' ? 2 : resubmit ? 1 : 0;
}
