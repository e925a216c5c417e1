/**
 * The fault model a simulation draws handler behaviour from (docs/fault-model.md):
 * per step, external check, awaited artefact, party and undo, with every
 * omitted value defaulted. This is the validated, normalised form; the JSON
 * a user writes is checked by `validateFaultModel` (validate.ts).
 *
 * Every duration is whole milliseconds, so simulated times stay whole like
 * the executor's jitter draws.
 */
import { own } from '../../common/own.js';

/** A duration: fixed, uniform over `[low, high]` (whole ms, both ends), or exponential with `mean`. */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'exponential'; readonly mean: number };

export interface StepFaults {
  /** Probability that an attempt fails transiently. */
  readonly transient: number;
  /** Probability that an attempt fails permanently. */
  readonly permanent: number;
  readonly duration: Distribution;
  /**
   * For a permanent failure, the probability that it names each code (among
   * the step's `may fail`); the rest names none, so the action's code applies.
   */
  readonly codes: Readonly<Record<string, number>>;
}

/** The fields a cohort or `cohort/group` override may change. */
export type StepOverride = Partial<StepFaults>;

export interface StepFaultEntry {
  readonly base: StepFaults;
  /** Keyed `Cohort` or `Cohort/Group`; a group's override applies after its cohort's. */
  readonly overrides: Readonly<Record<string, StepOverride>>;
}

export interface CheckFaults {
  /** Probability that the external check fails. */
  readonly fail: number;
}

export interface ArtefactFaults {
  /** The artefact whose time the delay counts from; `null` (or no time yet): from when the step starts waiting. */
  readonly after: string | null;
  readonly delay: Distribution;
  /** Probability that the artefact never arrives. */
  readonly never: number;
}

export interface PartyFaults {
  /** How long the party takes to resolve an incident. */
  readonly delay: Distribution;
  /** Probability that the party does not resolve it. */
  readonly unresolved: number;
}

export interface UndoFaults {
  readonly fail: number;
  readonly duration: Distribution;
}

/** How one installation field is drawn. */
export type FieldSpec =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly cumulative: readonly number[] }
  | { readonly kind: 'bool'; readonly probability: number }
  | { readonly kind: 'integer'; readonly low: number; readonly high: number }
  | { readonly kind: 'number'; readonly low: number; readonly high: number }
  | { readonly kind: 'duration'; readonly low: number; readonly high: number };

export interface FaultModel {
  /** The model's `description` (which of its values are measured, which assumed), if it is text. */
  readonly description: string | null;
  readonly defaults: {
    readonly step: StepFaults;
    readonly check: CheckFaults;
    readonly artefact: ArtefactFaults;
    readonly party: PartyFaults;
    readonly undo: UndoFaults;
  };
  readonly steps: Readonly<Record<string, StepFaultEntry>>;
  readonly checks: Readonly<Record<string, CheckFaults>>;
  readonly artefacts: Readonly<Record<string, ArtefactFaults>>;
  readonly parties: Readonly<Record<string, PartyFaults>>;
  readonly undos: Readonly<Record<string, UndoFaults>>;
  /** Installations per `Cohort` or `Cohort/Group`, if the model names a mix. */
  readonly cohorts: Readonly<Record<string, number>> | null;
  /** Installation fields, drawn in this order. */
  readonly installation: Readonly<Record<string, FieldSpec>>;
  /** The campaign a `simulateCampaign` plays (campaign.ts), if the model describes one. */
  readonly campaign: CampaignModel | null;
}

/** The campaign section (campaign.ts reads it; docs/campaign.md). */
export interface CampaignCalendar {
  /** The date of day 0 (`YYYY-MM-DD`), or `null` when days are only numbered (day 0 is then a Monday). */
  readonly start: string | null;
  /** Whether each weekday, Monday first, is a working day. */
  readonly working: readonly boolean[];
  /** Days with no migrations although their weekday works, as day numbers from day 0, ascending. */
  readonly holidays: readonly number[];
}

export interface CampaignCapacity {
  /** Migrations that may start on one working day, first submissions and resubmissions together. */
  readonly daily: number;
  /** Caps per `Cohort` (the cohort with its groups) or `Cohort/Group`, in the model's order. */
  readonly populations: ReadonlyMap<string, number>;
  /** Caps on the resubmissions whose failure names the party as responsible, in the model's order. */
  readonly responsible: ReadonlyMap<string, number>;
}

export interface CampaignModel {
  /** Installations per `Cohort` or `Cohort/Group`; `null`: the model's `cohorts`. */
  readonly estate: ReadonlyMap<string, number> | null;
  readonly capacity: CampaignCapacity;
  readonly calendar: CampaignCalendar;
  /** From a resubmittable failure to the installation being due again. */
  readonly resubmission: {
    readonly delay: Distribution;
    /** Per responsible party of the failure's code, replacing `delay`. */
    readonly responsible: ReadonlyMap<string, Distribution>;
  };
}

const noDelay: Distribution = { kind: 'fixed', value: 0 };

/** Everything omitted: no faults, no delays. */
export const defaultFaults: FaultModel['defaults'] = {
  step: { transient: 0, permanent: 0, duration: noDelay, codes: {} },
  check: { fail: 0 },
  artefact: { after: null, delay: noDelay, never: 0 },
  party: { delay: noDelay, unresolved: 0 },
  undo: { fail: 0, duration: noDelay },
};

/** The step's faults for one population: its own values, then its cohort's override, then its group's. */
export function stepFaultsFor(model: FaultModel, step: string, cohort: string, group: string | null): StepFaults {
  const entry = own(model.steps, step);
  if (entry === undefined) return model.defaults.step;
  const cohortOverride = own(entry.overrides, cohort);
  const groupOverride = group === null ? undefined : own(entry.overrides, `${cohort}/${group}`);
  return { ...entry.base, ...cohortOverride, ...groupOverride };
}

// Names are looked up as own entries: a check called `constructor` has the defaults, not `Object`.
export const checkFaultsFor = (model: FaultModel, code: string): CheckFaults => own(model.checks, code) ?? model.defaults.check;
export const artefactFaultsFor = (model: FaultModel, name: string): ArtefactFaults =>
  own(model.artefacts, name) ?? model.defaults.artefact;
export const partyFaultsFor = (model: FaultModel, name: string): PartyFaults => own(model.parties, name) ?? model.defaults.party;
export const undoFaultsFor = (model: FaultModel, name: string): UndoFaults => own(model.undos, name) ?? model.defaults.undo;

/** A fault model's `description`, which says which of its values are assumed; `null` when it gives none. */
export function faultModelDescription(faults: unknown): string | null {
  const description = (faults as { description?: unknown } | null)?.description;
  return typeof description === 'string' ? description : null;
}
