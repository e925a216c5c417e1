/**
 * What `simulateCampaign` returns: plain, JSON-serialisable data in a fixed
 * order (populations in policy order, codes in policy order), so the same
 * seed gives byte-identical JSON however many threads ran it. Days are
 * numbered from 0; per-day series run from day 0 to the day of the last
 * outcome.
 */
import type { Outcome } from '../outcome.js';

export type FinalState = 'migrated' | 'failed' | 'excluded';

export interface FinalCounts {
  readonly migrated: number;
  /** Failed for good: not resubmittable (its code, or an undo that failed). */
  readonly failed: number;
  /** Reached the policy's `exclude after N failed attempts`. */
  readonly excluded: number;
}

export interface CampaignPopulation extends FinalCounts {
  readonly cohort: string;
  readonly group: string | null;
  readonly installations: number;
  /** Migration attempts submitted, first ones included. */
  readonly attempts: number;
  readonly resubmissions: number;
}

export interface CampaignCode {
  readonly code: string;
  readonly title: string;
  readonly responsible: string | null;
  /** Attempts that failed with the code and were resubmitted. */
  readonly resubmitted: number;
  /** Installations that ended failed for good with it. */
  readonly failed: number;
  /** Installations that ended excluded with it (the code of their last attempt). */
  readonly excluded: number;
}

export interface CapUse {
  readonly kind: 'overall' | 'cohort' | 'responsible';
  /** `null` for the overall cap. */
  readonly key: string | null;
  readonly daily: number;
  /** Slots used each day. */
  readonly used: readonly number[];
}

export interface CampaignSample {
  readonly index: number;
  readonly cohort: string;
  readonly group: string | null;
  readonly final: FinalState;
  /** Each migration attempt's outcome, as `migrate` gives it (times from the attempt's start), and the resubmission delay drawn after it. */
  readonly attempts: readonly { readonly outcome: Outcome; readonly resubmitAfter: number | null }[];
}

export interface CampaignResult {
  readonly policy: { readonly name: string; readonly version: string };
  readonly seed: number;
  readonly installations: number;
  /** The fault model's `description`: says which values are assumed. */
  readonly description: string | null;
  readonly calendar: {
    /** The date of day 0, if the model gives one. */
    readonly start: string | null;
    readonly workingDays: readonly string[];
    /** Holidays that fell on working weekdays during the campaign. */
    readonly holidays: readonly number[];
  };
  readonly days: {
    /** Days from day 0 to the last outcome, both counted. */
    readonly complete: number;
    /** Working days among them. */
    readonly working: number;
    /** The last day anything was submitted (-1: nothing was). */
    readonly lastSubmission: number;
    /** The date of the last outcome's day, if the calendar has dates. */
    readonly endDate: string | null;
  };
  readonly outcomes: FinalCounts;
  readonly populations: readonly CampaignPopulation[];
  readonly attempts: {
    /** Migration attempts submitted in all. */
    readonly total: number;
    readonly resubmissions: number;
    readonly mean: number | null;
    readonly max: number;
    /** Installations by the attempts they took (the last row `64+`), and how they ended. */
    readonly histogram: readonly ({ readonly attempts: string } & FinalCounts)[];
  };
  /** Codes that occurred, in policy order. */
  readonly codes: readonly CampaignCode[];
  /** Excluded installations by the responsible party of their last code (`null`: the code names none). */
  readonly excludedByResponsible: readonly { readonly responsible: string | null; readonly count: number }[];
  readonly capacity: {
    readonly daily: number;
    /** Over the working days up to the last submission: slots offered, slots used, and days full. */
    readonly workingDays: number;
    readonly slots: number;
    readonly used: number;
    readonly fullDays: number;
    readonly caps: readonly CapUse[];
  };
  readonly daily: {
    /** The overall cap of each day (0 on days without migrations). */
    readonly capacity: readonly number[];
    /** First submissions started each day. */
    readonly submitted: readonly number[];
    readonly resubmitted: readonly number[];
    /** Outcomes by the day they fell on. */
    readonly migrated: readonly number[];
    readonly failed: readonly number[];
    readonly excluded: readonly number[];
    /** Attempts that failed and will be resubmitted. */
    readonly resubmittable: readonly number[];
  };
  readonly samples: readonly CampaignSample[];
}
