/**
 * The binder's side tables: every declaration of a policy by name, and
 * every reference with what it resolved to. The syntax tree is never
 * annotated; facts live here.
 */
import type * as A from '../grammar/index.js';

export type DeclKind = 'party' | 'artefact' | 'report' | 'error' | 'retry' | 'cohort' | 'group' | 'stage' | 'step' | 'undo';

export type DeclNode =
  | A.PartyDecl
  | A.ArtefactDecl
  | A.ReportDecl
  | A.ErrorDecl
  | A.RetryDecl
  | A.CohortDecl
  | A.GroupDecl
  | A.StageDecl
  | A.StepDecl
  | A.Undo;

export interface Symbol {
  readonly name: string;
  readonly kind: DeclKind;
  readonly node: DeclNode;
  /** The declared name's location. */
  readonly file: string;
  readonly span: A.Span;
  /** For a group, its cohort's name. */
  readonly cohort?: string;
}

export interface Reference {
  readonly file: string;
  readonly span: A.Span;
  readonly name: string;
  /** The kinds acceptable at this place. */
  readonly expected: readonly DeclKind[];
  /** The declaration it names, when it names one of an acceptable kind. */
  readonly target: Symbol | undefined;
}

export interface SectionSymbol {
  readonly number: string;
  readonly title: string;
  readonly file: string;
  readonly span: A.Span;
}

export type FieldType =
  | { readonly kind: 'bool' | 'text' | 'number' | 'duration' }
  | { readonly kind: 'enum'; readonly field: string; readonly members: readonly string[] }
  /** A field whose type recovery left missing: it exists, and its uses are not checked. */
  | { readonly kind: 'unknown' };

export interface FieldSymbol {
  readonly name: string;
  readonly type: FieldType;
  readonly file: string;
  readonly span: A.Span;
  /** An enumeration's members by name, each where it is declared; empty for other types. */
  readonly members: ReadonlyMap<string, MemberSymbol>;
}

/** A member of an enumerated field's type, such as `Dormant` in `type: Active | Dormant`. */
export interface MemberSymbol {
  readonly name: string;
  /** The field whose type lists it. */
  readonly field: string;
  readonly file: string;
  readonly span: A.Span;
}

/** An `installation.<field>` in an expression, and the field it names. */
export interface FieldReference {
  readonly file: string;
  /** The field name after `installation.`. */
  readonly span: A.Span;
  readonly name: string;
  readonly target: FieldSymbol | undefined;
}

/** A name compared with an enumerated field (`installation.type == Dormant`), and the member it names. */
export interface MemberReference {
  readonly file: string;
  readonly span: A.Span;
  readonly name: string;
  /** The enumerated field it is compared with. */
  readonly field: FieldSymbol;
  /** `undefined` when the field's type has no such member. */
  readonly target: MemberSymbol | undefined;
}

/** A section reference: a `ref "..."` and what it names. */
export interface SectionReference {
  readonly file: string;
  readonly span: A.Span;
  readonly section: string;
  readonly target: SectionSymbol | undefined;
}

export interface SymbolTable {
  readonly symbols: ReadonlyMap<string, Symbol>;
  readonly references: readonly Reference[];
  readonly sections: ReadonlyMap<string, SectionSymbol>;
  readonly sectionReferences: readonly SectionReference[];
  readonly fields: ReadonlyMap<string, FieldSymbol>;
  readonly fieldReferences: readonly FieldReference[];
  readonly memberReferences: readonly MemberReference[];
}

const kindWords: Record<DeclKind, string> = {
  party: 'party',
  artefact: 'artefact',
  report: 'report',
  error: 'error code',
  retry: 'retry strategy',
  cohort: 'cohort',
  group: 'group',
  stage: 'stage',
  step: 'step',
  undo: 'undo',
};

/** "party", "error code", …: how messages name a kind. */
export function describeKind(kind: DeclKind): string {
  return kindWords[kind];
}

/** "a party", "an error code", …. */
export function withArticle(kind: DeclKind): string {
  const word = kindWords[kind];
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
