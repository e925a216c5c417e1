/**
 * The typed syntax tree of one `.mpol` file.
 *
 * Nodes are plain readonly objects tagged by `kind`, with offset spans into
 * the file's text and no parent pointers. Where error recovery left a gap,
 * the tree holds a `Missing` node rather than `undefined`, so later stages
 * can skip it without reporting a second error.
 */

/** A half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Missing {
  readonly kind: 'Missing';
  readonly span: Span;
}

export interface Ident {
  readonly kind: 'Ident';
  readonly name: string;
  readonly span: Span;
}

export interface StringLit {
  readonly kind: 'String';
  /** The decoded value, escapes resolved. */
  readonly value: string;
  readonly span: Span;
}

export interface DurationLit {
  readonly kind: 'Duration';
  /** Milliseconds. */
  readonly ms: number;
  readonly span: Span;
}

export interface NumberLit {
  readonly kind: 'Number';
  readonly value: number;
  readonly span: Span;
}

export type Name = Ident | Missing;

export interface SourceFile {
  readonly kind: 'SourceFile';
  readonly items: readonly TopItem[];
  readonly span: Span;
}

export type TopItem =
  | PolicyDecl
  | ImportDecl
  | SectionDecl
  | PartyDecl
  | ArtefactDecl
  | ReportDecl
  | InstallationDecl
  | ErrorDecl
  | RetryDecl
  | CohortDecl
  | ExclusionDecl
  | MigrationDecl;

export interface PolicyDecl {
  readonly kind: 'Policy';
  readonly name: Name;
  readonly version: StringLit | Missing;
  readonly title: StringLit | Missing;
  readonly span: Span;
}

export interface ImportDecl {
  readonly kind: 'Import';
  readonly path: StringLit | Missing;
  readonly span: Span;
}

export interface SectionDecl {
  readonly kind: 'Section';
  readonly number: StringLit | Missing;
  readonly title: StringLit | Missing;
  readonly span: Span;
}

export interface PartyDecl {
  readonly kind: 'Party';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly span: Span;
}

export interface ArtefactDecl {
  readonly kind: 'Artefact';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly producer: Name;
  readonly span: Span;
}

export interface ReportDecl {
  readonly kind: 'Report';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly recipient: Name;
  readonly span: Span;
}

export interface InstallationDecl {
  readonly kind: 'Installation';
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

export interface FieldDecl {
  readonly kind: 'Field';
  readonly name: Name;
  readonly type: FieldType;
  readonly span: Span;
}

export type FieldType = PrimitiveType | EnumType | Missing;

export interface PrimitiveType {
  readonly kind: 'PrimitiveType';
  readonly name: 'bool' | 'text' | 'number' | 'duration';
  readonly span: Span;
}

export interface EnumType {
  readonly kind: 'EnumType';
  readonly members: readonly Name[];
  readonly span: Span;
}

export interface Ref {
  readonly kind: 'Ref';
  readonly section: StringLit | Missing;
  readonly span: Span;
}

export interface ErrorDecl {
  readonly kind: 'Error';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly ref: Ref | undefined;
  readonly items: readonly ErrorItem[];
  readonly span: Span;
}

export type ErrorItem = ErrorReports | ErrorResubmit | ErrorResponsible;

export interface ErrorReports {
  readonly kind: 'ErrorReports';
  readonly reports: readonly Name[];
  readonly span: Span;
}

export interface ErrorResubmit {
  readonly kind: 'ErrorResubmit';
  readonly span: Span;
}

export interface ErrorResponsible {
  readonly kind: 'ErrorResponsible';
  readonly party: Name;
  readonly span: Span;
}

export interface RetryDecl {
  readonly kind: 'Retry';
  readonly name: Name;
  readonly ref: Ref | undefined;
  readonly items: readonly RetryItem[];
  readonly span: Span;
}

export type RetryItem = Tier | RetryWithin | RetryAttempts | RetryTimeout | RetryJitter;

export interface Tier {
  readonly kind: 'Tier';
  readonly name: Name;
  /** How many retries the tier makes; `undefined` repeats until a limit stops it. */
  readonly count: NumberLit | undefined;
  readonly every: DurationLit | Missing;
  readonly factor: NumberLit | undefined;
  readonly cap: DurationLit | undefined;
  readonly span: Span;
}

export interface RetryWithin {
  readonly kind: 'RetryWithin';
  readonly period: DurationLit | Missing;
  readonly span: Span;
}

export interface RetryAttempts {
  readonly kind: 'RetryAttempts';
  readonly count: NumberLit | Missing;
  readonly span: Span;
}

export interface RetryTimeout {
  readonly kind: 'RetryTimeout';
  readonly limit: DurationLit | Missing;
  readonly span: Span;
}

export interface RetryJitter {
  readonly kind: 'RetryJitter';
  readonly jitter: Jitter;
  readonly span: Span;
}

export type Jitter =
  | { readonly kind: 'JitterNone'; readonly span: Span }
  | { readonly kind: 'JitterFull'; readonly span: Span }
  | {
      readonly kind: 'JitterRange';
      readonly low: DurationLit | Missing;
      readonly high: DurationLit | Missing;
      readonly span: Span;
    }
  | Missing;

export interface CohortDecl {
  readonly kind: 'Cohort';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly groups: readonly GroupDecl[];
  readonly span: Span;
}

export interface GroupDecl {
  readonly kind: 'Group';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly span: Span;
}

export interface ExclusionDecl {
  readonly kind: 'Exclusion';
  readonly attempts: NumberLit | Missing;
  readonly ref: Ref | undefined;
  readonly span: Span;
}

export interface MigrationDecl {
  readonly kind: 'Migration';
  readonly items: readonly MigrationItem[];
  readonly span: Span;
}

export type MigrationItem = StageDecl | StepDecl | CheckDecl | FailureHandler | Deadline;

export type StageItem = StepDecl | CheckDecl | FailureHandler | Deadline;

export interface Guard {
  readonly kind: 'Guard';
  /** `unless` negates the expression. */
  readonly negated: boolean;
  readonly expr: Expr;
  readonly span: Span;
}

export interface StageDecl {
  readonly kind: 'Stage';
  readonly name: Name;
  readonly ref: Ref | undefined;
  readonly party: Name | undefined;
  readonly guard: Guard | undefined;
  readonly items: readonly StageItem[];
  readonly span: Span;
}

export interface CheckDecl {
  readonly kind: 'Check';
  readonly code: Name;
  readonly ref: Ref | undefined;
  readonly guard: Guard | undefined;
  /** `undefined` for an `external` check. */
  readonly predicate: Expr | undefined;
  readonly span: Span;
}

export interface StepDecl {
  readonly kind: 'Step';
  readonly name: Name;
  readonly ref: Ref | undefined;
  readonly party: Name | undefined;
  readonly guard: Guard | undefined;
  readonly items: readonly StepItem[];
  readonly span: Span;
}

export type StepItem =
  | StepRetry
  | StepAwait
  | Deadline
  | StepProduces
  | StepMayFail
  | Undo
  | StepCommit
  | FailureHandler;

export interface StepRetry {
  readonly kind: 'StepRetry';
  readonly strategy: Name;
  readonly span: Span;
}

export interface StepAwait {
  readonly kind: 'StepAwait';
  readonly artefact: Name;
  readonly span: Span;
}

export interface Deadline {
  readonly kind: 'Deadline';
  readonly within: DurationLit | Missing;
  readonly anchor: Name;
  readonly action: Action;
  /** The section this rule comes from, when it differs from its step's. */
  readonly ref: Ref | undefined;
  readonly span: Span;
}

export interface StepProduces {
  readonly kind: 'StepProduces';
  readonly artefact: Name;
  readonly span: Span;
}

export interface StepMayFail {
  readonly kind: 'StepMayFail';
  readonly codes: readonly Name[];
  readonly span: Span;
}

export interface Undo {
  readonly kind: 'Undo';
  readonly name: Name;
  readonly party: Name;
  readonly ref: Ref | undefined;
  readonly span: Span;
}

export interface StepCommit {
  readonly kind: 'StepCommit';
  readonly span: Span;
}

export interface FailureHandler {
  readonly kind: 'FailureHandler';
  readonly trigger: 'failure' | 'exhausted';
  readonly action: Action;
  /** The section this rule comes from, when it differs from its step's. */
  readonly ref: Ref | undefined;
  readonly span: Span;
}

export type Action = FailAction | RollbackAction | IncidentAction | Missing;

export interface FailAction {
  readonly kind: 'Fail';
  readonly code: Name;
  readonly span: Span;
}

export interface RollbackAction {
  readonly kind: 'Rollback';
  readonly code: Name;
  readonly span: Span;
}

export interface IncidentAction {
  readonly kind: 'Incident';
  readonly resolvers: readonly Name[];
  readonly then: IncidentThen;
  /** The code when the incident is not resolved, or a retried step fails again. */
  readonly elseCode: Name | undefined;
  readonly span: Span;
}

export type IncidentThen =
  | { readonly kind: 'Continue'; readonly span: Span }
  | { readonly kind: 'RetryStep'; readonly span: Span }
  | FailAction
  | Missing;

export type Expr =
  | BinaryExpr
  | NotExpr
  | CohortExpr
  | GroupExpr
  | FieldExpr
  | BoolLit
  | NumberLit
  | DurationLit
  | StringLit
  | Ident
  | Missing;

export type BinaryOperator = 'and' | 'or' | '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface NotExpr {
  readonly kind: 'Not';
  readonly operand: Expr;
  readonly span: Span;
}

export interface CohortExpr {
  readonly kind: 'CohortIs';
  readonly cohort: Name;
  readonly span: Span;
}

export interface GroupExpr {
  readonly kind: 'GroupIs';
  readonly group: Name;
  readonly span: Span;
}

export interface FieldExpr {
  readonly kind: 'FieldRef';
  readonly field: Name;
  readonly span: Span;
}

export interface BoolLit {
  readonly kind: 'Bool';
  readonly value: boolean;
  readonly span: Span;
}

/** Every declaration that introduces a name into a policy's namespace. */
export type NamedDecl =
  | PartyDecl
  | ArtefactDecl
  | ReportDecl
  | ErrorDecl
  | RetryDecl
  | CohortDecl
  | GroupDecl
  | StageDecl
  | StepDecl
  | Undo;

export function assertNever(value: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(value)}`);
}
