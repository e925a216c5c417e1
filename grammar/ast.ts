/**
 * The typed syntax tree of one `.mpol` file.
 *
 * Nodes are plain readonly objects tagged by `kind`, each with the offsets
 * `start` and `end` of its text, and no parent pointers. Where error
 * recovery left a gap, the tree holds a `Missing` node rather than `undefined`, so later stages
 * can skip it without reporting a second error.
 */

/**
 * A half-open range of UTF-16 offsets into a file's text. Every node is a
 * span itself (its own `start` and `end`), not a node holding a span
 * object: half as many objects per tree, which the parser and the garbage
 * collector feel on large policies.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A comment, as written: `text` holds its delimiters (`//`, `/*` and
 * `*\/`). An unclosed block comment runs to the end of the file.
 */
export interface Comment extends Span {
  readonly kind: 'LineComment' | 'BlockComment';
  readonly text: string;
}

/**
 * Blocks record their braces: `start` at the `{`, `end` just after the
 * `}` (after the last token read, when recovery found no `}`). So
 * `step A by P` and `step A by P {}` differ, folding knows a block's
 * lines, and a comment inside empty braces has a home. Where braces are
 * optional (`step`, `error`, `cohort`) it is `undefined` when none were
 * written.
 */
export type Braces = Span;

export interface Missing extends Span {
  readonly kind: 'Missing';
}

export interface Ident extends Span {
  readonly kind: 'Ident';
  readonly name: string;
}

export interface StringLit extends Span {
  readonly kind: 'String';
  /** The decoded value, escapes resolved. */
  readonly value: string;
}

export interface DurationLit extends Span {
  readonly kind: 'Duration';
  /** Milliseconds. */
  readonly ms: number;
}

export interface NumberLit extends Span {
  readonly kind: 'Number';
  readonly value: number;
}

export type Name = Ident | Missing;

export interface SourceFile extends Span {
  readonly kind: 'SourceFile';
  readonly items: readonly TopItem[];
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

export interface PolicyDecl extends Span {
  readonly kind: 'Policy';
  readonly name: Name;
  readonly version: StringLit | Missing;
  readonly title: StringLit | Missing;
}

export interface ImportDecl extends Span {
  readonly kind: 'Import';
  readonly path: StringLit | Missing;
}

export interface SectionDecl extends Span {
  readonly kind: 'Section';
  readonly number: StringLit | Missing;
  readonly title: StringLit | Missing;
}

export interface PartyDecl extends Span {
  readonly kind: 'Party';
  readonly name: Name;
  readonly title: StringLit | Missing;
}

export interface ArtefactDecl extends Span {
  readonly kind: 'Artefact';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly producer: Name;
}

export interface ReportDecl extends Span {
  readonly kind: 'Report';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly recipient: Name;
}

export interface InstallationDecl extends Span {
  readonly kind: 'Installation';
  readonly fields: readonly FieldDecl[];
  readonly braces: Braces;
}

export interface FieldDecl extends Span {
  readonly kind: 'Field';
  readonly name: Name;
  readonly type: FieldType;
}

export type FieldType = PrimitiveType | EnumType | Missing;

export interface PrimitiveType extends Span {
  readonly kind: 'PrimitiveType';
  readonly name: 'bool' | 'text' | 'number' | 'duration';
}

export interface EnumType extends Span {
  readonly kind: 'EnumType';
  readonly members: readonly Name[];
}

export interface Ref extends Span {
  readonly kind: 'Ref';
  readonly section: StringLit | Missing;
}

export interface ErrorDecl extends Span {
  readonly kind: 'Error';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly ref: Ref | undefined;
  readonly items: readonly ErrorItem[];
  readonly braces: Braces | undefined;
}

export type ErrorItem = ErrorReports | ErrorResubmit | ErrorResponsible;

export interface ErrorReports extends Span {
  readonly kind: 'ErrorReports';
  readonly reports: readonly Name[];
}

export interface ErrorResubmit extends Span {
  readonly kind: 'ErrorResubmit';
  /** `resubmit after rollback`: only a failure that was rolled back may be resubmitted. */
  readonly afterRollback: boolean;
}

export interface ErrorResponsible extends Span {
  readonly kind: 'ErrorResponsible';
  readonly party: Name;
}

export interface RetryDecl extends Span {
  readonly kind: 'Retry';
  readonly name: Name;
  readonly ref: Ref | undefined;
  readonly items: readonly RetryItem[];
  readonly braces: Braces;
}

export type RetryItem = Tier | RetryWithin | RetryAttempts | RetryTimeout | RetryJitter;

export interface Tier extends Span {
  readonly kind: 'Tier';
  readonly name: Name;
  /** How many retries the tier makes; `undefined` repeats until a limit stops it. `Missing` when written but unreadable. */
  readonly count: NumberLit | Missing | undefined;
  readonly every: DurationLit | Missing;
  readonly factor: NumberLit | Missing | undefined;
  readonly cap: DurationLit | Missing | undefined;
}

export interface RetryWithin extends Span {
  readonly kind: 'RetryWithin';
  readonly period: DurationLit | Missing;
}

export interface RetryAttempts extends Span {
  readonly kind: 'RetryAttempts';
  readonly count: NumberLit | Missing;
}

export interface RetryTimeout extends Span {
  readonly kind: 'RetryTimeout';
  readonly limit: DurationLit | Missing;
}

export interface RetryJitter extends Span {
  readonly kind: 'RetryJitter';
  readonly jitter: Jitter;
}

export type Jitter = JitterNone | JitterFull | JitterRange | Missing;

export interface JitterNone extends Span {
  readonly kind: 'JitterNone';
}

export interface JitterFull extends Span {
  readonly kind: 'JitterFull';
}

export interface JitterRange extends Span {
  readonly kind: 'JitterRange';
  readonly low: DurationLit | Missing;
  readonly high: DurationLit | Missing;
}

export interface CohortDecl extends Span {
  readonly kind: 'Cohort';
  readonly name: Name;
  readonly title: StringLit | Missing;
  readonly groups: readonly GroupDecl[];
  readonly braces: Braces | undefined;
}

export interface GroupDecl extends Span {
  readonly kind: 'Group';
  readonly name: Name;
  readonly title: StringLit | Missing;
}

export interface ExclusionDecl extends Span {
  readonly kind: 'Exclusion';
  readonly attempts: NumberLit | Missing;
  readonly ref: Ref | undefined;
}

export interface MigrationDecl extends Span {
  readonly kind: 'Migration';
  readonly items: readonly MigrationItem[];
  readonly braces: Braces;
}

export type MigrationItem = StageDecl | StepDecl | CheckDecl | FailureHandler | Deadline;

export type StageItem = StepDecl | CheckDecl | FailureHandler | Deadline;

export interface Guard extends Span {
  readonly kind: 'Guard';
  /** `unless` negates the expression. */
  readonly negated: boolean;
  readonly expr: Expr;
}

export interface StageDecl extends Span {
  readonly kind: 'Stage';
  readonly name: Name;
  readonly ref: Ref | undefined;
  readonly party: Name | undefined;
  readonly guard: Guard | undefined;
  readonly items: readonly StageItem[];
  readonly braces: Braces;
}

export interface CheckDecl extends Span {
  readonly kind: 'Check';
  readonly code: Name;
  readonly ref: Ref | undefined;
  readonly guard: Guard | undefined;
  /** `undefined` for an `external` check. */
  readonly predicate: Expr | undefined;
}

export interface StepDecl extends Span {
  readonly kind: 'Step';
  readonly name: Name;
  readonly ref: Ref | undefined;
  readonly party: Name | undefined;
  readonly guard: Guard | undefined;
  readonly items: readonly StepItem[];
  readonly braces: Braces | undefined;
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

export interface StepRetry extends Span {
  readonly kind: 'StepRetry';
  readonly strategy: Name;
}

export interface StepAwait extends Span {
  readonly kind: 'StepAwait';
  readonly artefact: Name;
  /** `await X within D after A else …`: a deadline on the arrival of `X` alone, not on the step. */
  readonly deadline: Deadline | undefined;
}

export interface Deadline extends Span {
  readonly kind: 'Deadline';
  readonly within: DurationLit | Missing;
  readonly anchor: Name;
  readonly action: Action;
  /** The section this rule comes from, when it differs from its step's. */
  readonly ref: Ref | undefined;
}

export interface StepProduces extends Span {
  readonly kind: 'StepProduces';
  readonly artefact: Name;
}

export interface StepMayFail extends Span {
  readonly kind: 'StepMayFail';
  readonly codes: readonly Name[];
}

export interface Undo extends Span {
  readonly kind: 'Undo';
  readonly name: Name;
  readonly party: Name;
  readonly ref: Ref | undefined;
}

export interface StepCommit extends Span {
  readonly kind: 'StepCommit';
}

export interface FailureHandler extends Span {
  readonly kind: 'FailureHandler';
  readonly trigger: 'failure' | 'exhausted';
  readonly action: Action;
  /** The section this rule comes from, when it differs from its step's. */
  readonly ref: Ref | undefined;
}

export type Action = FailAction | RollbackAction | IncidentAction | Missing;

export interface FailAction extends Span {
  readonly kind: 'Fail';
  readonly code: Name;
}

export interface RollbackAction extends Span {
  readonly kind: 'Rollback';
  readonly code: Name;
}

export interface IncidentAction extends Span {
  readonly kind: 'Incident';
  readonly resolvers: readonly Name[];
  readonly then: IncidentThen;
  /** The code when the incident is not resolved, or a retried step fails again. */
  readonly elseCode: Name | undefined;
}

export type IncidentThen = ContinueThen | RetryThen | FailAction | Missing;

/** `then continue`: the installation goes on as if the step had succeeded. */
export interface ContinueThen extends Span {
  readonly kind: 'Continue';
}

/** `then retry`: the step is tried again with a fresh schedule. */
export interface RetryThen extends Span {
  readonly kind: 'RetryStep';
}

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

export interface BinaryExpr extends Span {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface NotExpr extends Span {
  readonly kind: 'Not';
  readonly operand: Expr;
}

export interface CohortExpr extends Span {
  readonly kind: 'CohortIs';
  readonly cohort: Name;
}

export interface GroupExpr extends Span {
  readonly kind: 'GroupIs';
  readonly group: Name;
}

export interface FieldExpr extends Span {
  readonly kind: 'FieldRef';
  readonly field: Name;
}

export interface BoolLit extends Span {
  readonly kind: 'Bool';
  readonly value: boolean;
}

/** Every kind of node in the tree: what `grammar/visit.ts` walks. */
export type SyntaxNode =
  | SourceFile
  | TopItem
  | FieldDecl
  | PrimitiveType
  | EnumType
  | Ref
  | ErrorItem
  | RetryItem
  | JitterNone
  | JitterFull
  | JitterRange
  | GroupDecl
  | MigrationItem
  | Guard
  | StepItem
  | FailAction
  | RollbackAction
  | IncidentAction
  | ContinueThen
  | RetryThen
  | Expr;

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
