/**
 * The policy model: a policy's files lowered into one resolved structure.
 * Stage and migration defaults are folded into each step (guards, party,
 * section, failure actions, deadlines), durations are milliseconds, and
 * every part keeps its source location for diagnostics.
 *
 * The model tolerates errors: a name recovery left `Missing` is `undefined`
 * here, and passes skip it.
 */
import type * as A from '../grammar/index.js';
import type { FieldSymbol } from './symbols.js';

export interface Source {
  readonly file: string;
  readonly span: A.Span;
}

export interface ErrorModel {
  readonly name: string;
  readonly title: string;
  readonly ref: string | undefined;
  readonly reports: readonly string[];
  /** `resubmit`: always; `resubmit after rollback`: only when the failure was rolled back. */
  readonly resubmit: 'never' | 'always' | 'after-rollback';
  readonly responsible: string | undefined;
  readonly source: Source;
}

export interface TierModel {
  readonly name: string;
  readonly count: number | undefined;
  readonly every: number;
  readonly factor: number | undefined;
  readonly cap: number | undefined;
  readonly source: Source;
}

export type JitterModel = { readonly kind: 'none' } | { readonly kind: 'full' } | { readonly kind: 'range'; readonly low: number; readonly high: number };

export interface RetryModel {
  readonly name: string;
  readonly ref: string | undefined;
  readonly tiers: readonly TierModel[];
  readonly within: number | undefined;
  readonly attempts: number | undefined;
  readonly timeout: number | undefined;
  readonly jitter: JitterModel;
  readonly source: Source;
  readonly node: A.RetryDecl;
}

/** Where an action's rule comes from, when its handler or deadline names its own `ref`. */
interface ActionBase {
  readonly ref: string | undefined;
  readonly source: Source;
}

export type ActionModel =
  | (ActionBase & { readonly kind: 'fail'; readonly code: string | undefined })
  | (ActionBase & { readonly kind: 'rollback'; readonly code: string | undefined })
  | (ActionBase & {
      readonly kind: 'incident';
      readonly resolvers: readonly string[];
      readonly then: 'continue' | 'retry' | 'fail';
      /** The code of `then fail`, if any. */
      readonly thenCode: string | undefined;
      readonly elseCode: string | undefined;
    });

export interface GuardModel {
  readonly negated: boolean;
  readonly expr: A.Expr;
  readonly source: Source;
}

export interface DeadlineModel {
  readonly within: number;
  readonly anchor: string | undefined;
  /** An `await`'s deadline: it bounds the arrival of the step's awaited artefact only, not the step. */
  readonly arrival: boolean;
  readonly action: ActionModel | undefined;
  readonly source: Source;
}

export interface CheckModel {
  readonly kind: 'check';
  readonly code: string | undefined;
  readonly ref: string | undefined;
  readonly stage: string | undefined;
  readonly party: string | undefined;
  /** Stage guard first, then the check's own; all must hold. */
  readonly guards: readonly GuardModel[];
  /** `undefined` for an external check. */
  readonly predicate: A.Expr | undefined;
  readonly source: Source;
}

export interface UndoModel {
  readonly name: string;
  readonly party: string | undefined;
  readonly ref: string | undefined;
  readonly source: Source;
}

export interface StepModel {
  readonly kind: 'step';
  readonly name: string;
  readonly ref: string | undefined;
  readonly stage: string | undefined;
  readonly party: string | undefined;
  readonly guards: readonly GuardModel[];
  readonly retry: string | undefined;
  readonly await: string | undefined;
  /** Own deadlines (the `await`'s among them, where it is written), then the stage's, then the migration's. */
  readonly deadlines: readonly DeadlineModel[];
  readonly produces: readonly string[];
  readonly mayFail: readonly string[];
  readonly undo: UndoModel | undefined;
  readonly commit: boolean;
  /** The action for a permanent failure, after inheritance; `undefined` if none applies. */
  readonly onFailure: ActionModel | undefined;
  /** The action when retries run out, after inheritance. */
  readonly onExhausted: ActionModel | undefined;
  readonly source: Source;
  readonly node: A.StepDecl;
}

export type FlowModel = CheckModel | StepModel;

export interface NamedModel {
  readonly title: string;
  readonly source: Source;
}

export interface PolicyModel {
  readonly name: string;
  readonly version: string;
  readonly title: string;
  /** The file that declares the policy. */
  readonly root: string;
  readonly sections: ReadonlyMap<string, NamedModel>;
  readonly parties: ReadonlyMap<string, NamedModel>;
  readonly artefacts: ReadonlyMap<string, NamedModel & { readonly producer: string | undefined }>;
  readonly reports: ReadonlyMap<string, NamedModel & { readonly recipient: string | undefined }>;
  readonly errors: ReadonlyMap<string, ErrorModel>;
  readonly retries: ReadonlyMap<string, RetryModel>;
  readonly cohorts: ReadonlyMap<string, NamedModel & { readonly groups: readonly string[] }>;
  readonly fields: readonly FieldSymbol[];
  readonly exclusionAfter: number | undefined;
  readonly exclusionRef: string | undefined;
  readonly flow: readonly FlowModel[];
}
