/**
 * The shape of a compiled policy: what `mpol build` emits and what the
 * runtime executes. Everything is plain data except guards and predicates,
 * which the compiler emits as real functions.
 *
 * Times and durations are milliseconds of the runtime's clock.
 */

/** The cohort and group an installation runs in. */
export interface Membership {
  readonly cohort: string;
  readonly group: string | null;
}

/**
 * The cohort and group an installation is run in, as a caller names them.
 * An emitted module narrows it to the policy's own names (its `Population`
 * type), so `cohort: 'MOC_Secur'` is a type error with a suggestion and a
 * group goes only with its cohort; a policy loaded without its types takes
 * any names, checked when it runs.
 */
export interface PopulationChoice {
  readonly cohort: string;
  readonly group?: string | null;
}

/**
 * The keys of a population in `simulate`'s `cohorts` map and in a fault
 * model: `Cohort` or `Cohort/Group`.
 */
export type PopulationKey<P extends PopulationChoice> = P extends unknown
  ? P['cohort'] | `${P['cohort']}/${Exclude<P['group'], null | undefined>}`
  : never;

/** A compiled guard or check predicate. */
export type Predicate<I> = (installation: I, membership: Membership) => boolean;

export interface PartyDefinition {
  readonly title: string;
}

export interface ArtefactDefinition {
  readonly title: string;
  readonly producer: string;
}

export interface ReportDefinition {
  readonly title: string;
  readonly recipient: string;
}

export interface ErrorDefinition {
  readonly title: string;
  readonly ref: string | null;
  readonly reports: readonly string[];
  /** `true`: a failure may be resubmitted; `'after-rollback'`: only a rolled-back one (`resubmit after rollback`). */
  readonly resubmit: boolean | 'after-rollback';
  readonly responsible: string | null;
}

export interface TierDefinition {
  readonly name: string;
  /** Retries the tier makes; `null` repeats until a limit stops it. */
  readonly count: number | null;
  readonly every: number;
  /** Exponential growth per retry; 1 for a fixed interval. */
  readonly factor: number;
  readonly cap: number | null;
}

export type JitterDefinition =
  | { readonly kind: 'none' }
  | { readonly kind: 'full' }
  | { readonly kind: 'range'; readonly low: number; readonly high: number };

export interface RetryDefinition {
  readonly ref: string | null;
  readonly tiers: readonly TierDefinition[];
  /** Total retry period from the first attempt, if any. */
  readonly within: number | null;
  /** Most attempts in all, the first included, if any. */
  readonly attempts: number | null;
  readonly timeout: number | null;
  readonly jitter: JitterDefinition;
}

/**
 * An installation field as the policy's `installation` block declares it:
 * its type, and an enumeration's members in order. A duration holds
 * milliseconds.
 */
export type FieldDefinition =
  | { readonly type: 'bool' | 'text' | 'number' | 'duration' }
  | { readonly type: 'enum'; readonly members: readonly string[] };

export interface CohortDefinition {
  readonly title: string;
  readonly groups: readonly string[];
}

export type ActionDefinition<C extends string = string> =
  | { readonly kind: 'fail'; readonly code: C }
  | { readonly kind: 'rollback'; readonly code: C }
  | {
      readonly kind: 'incident';
      readonly resolvers: readonly string[];
      readonly then: 'continue' | 'retry' | 'fail';
      /** The code for `then fail`, or for an unresolved incident or a retry that fails again. */
      readonly code: C;
      /** With `then fail`, the code for an unresolved incident (the same code unless `else` names another). */
      readonly elseCode: C;
    };

export interface DeadlineDefinition<C extends string = string> {
  /** An artefact or step name: the deadline runs from the time it was produced, arrived or completed. */
  readonly anchor: string;
  readonly within: number;
  /**
   * `true` for an arrival deadline (`await X within D after A else …`): it
   * bounds only the time the step's awaited artefact arrives, which must be
   * no later than `anchor + within`, and never the step's attempts. Absent
   * or `false`: a step deadline, which bounds the whole step.
   */
  readonly arrival?: boolean;
  readonly action: ActionDefinition<C>;
}

export interface CheckNode<I, C extends string = string> {
  readonly kind: 'check';
  readonly code: C;
  readonly ref: string | null;
  readonly stage: string | null;
  readonly party: string | null;
  readonly guard: Predicate<I> | null;
  /** `null` for an external check, which asks the `checks[code]` handler. */
  readonly predicate: Predicate<I> | null;
}

export interface StepNode<I, C extends string = string> {
  readonly kind: 'step';
  readonly name: string;
  readonly ref: string | null;
  readonly stage: string | null;
  readonly party: string;
  readonly guard: Predicate<I> | null;
  readonly retry: string | null;
  readonly await: string | null;
  readonly deadlines: readonly DeadlineDefinition<C>[];
  readonly produces: readonly string[];
  readonly mayFail: readonly C[];
  readonly undo: { readonly name: string; readonly party: string; readonly ref: string | null } | null;
  readonly commit: boolean;
  /** The action for a permanent failure, resolved through the stage and migration defaults. */
  readonly onFailure: ActionDefinition<C>;
  /** The action when retries run out, resolved likewise. */
  readonly onExhausted: ActionDefinition<C>;
}

export type FlowNode<I, C extends string = string> = CheckNode<I, C> | StepNode<I, C>;

/**
 * A compiled policy. `I` is the installation type, `H` the handlers
 * interface, `C` the union of error codes and `P` the populations it may
 * run; `H` and `P` are carried only in the type, so `migrate` can demand
 * exactly the handlers, cohorts and groups this policy has.
 */
export interface CompiledPolicy<I, H, C extends string = string, P extends PopulationChoice = PopulationChoice> {
  readonly name: string;
  readonly version: string;
  readonly title: string;
  readonly sections: Readonly<Record<string, string>>;
  readonly parties: Readonly<Record<string, PartyDefinition>>;
  readonly artefacts: Readonly<Record<string, ArtefactDefinition>>;
  readonly reports: Readonly<Record<string, ReportDefinition>>;
  readonly errors: Readonly<Record<C, ErrorDefinition>>;
  readonly retries: Readonly<Record<string, RetryDefinition>>;
  readonly cohorts: Readonly<Record<string, CohortDefinition>>;
  /**
   * The installation's fields, in declaration order. An emitted policy has
   * them; a policy written by hand may leave them out, and then a fault
   * model's fields are not checked against them.
   */
  readonly installation?: Readonly<Record<string, FieldDefinition>>;
  /** Failed migration attempts after which an installation is excluded, if any. */
  readonly exclusionAfter: number | null;
  readonly flow: readonly FlowNode<I, C>[];
  /** Never set: carries the handlers type for inference. */
  readonly __handlers?: H;
  /** Never set: carries the populations type for inference. */
  readonly __population?: P;
}
