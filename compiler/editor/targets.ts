/**
 * What a name in the text stands for: a declaration (party, code,
 * strategy, step, …), an installation field, an enumeration member or a
 * section, whether the cursor is on the declaration itself or on a use of
 * it. Definition, references, highlights, rename and hover all start here.
 */
import type { SourceFile, Span } from '../../grammar/index.js';
import type { FieldSymbol, MemberSymbol, SectionSymbol, Symbol, SymbolTable } from '../symbols.js';

export type Target =
  | { readonly kind: 'symbol'; readonly symbol: Symbol }
  | { readonly kind: 'field'; readonly field: FieldSymbol }
  | { readonly kind: 'member'; readonly member: MemberSymbol }
  | { readonly kind: 'section'; readonly section: SectionSymbol };

/** A name found at an offset: where it is written, and what it stands for (`undefined` when it names nothing declared). */
export interface NameAt {
  readonly file: string;
  readonly span: Span;
  readonly name: string;
  readonly target: Target | undefined;
  /** Whether the name is the declaration itself rather than a use. */
  readonly declaration: boolean;
}

/** A place in a file. */
export interface Location {
  readonly file: string;
  readonly span: Span;
}

/**
 * The name at `offset` in `file`: the one whose text holds it, both ends
 * included, so a cursor just after a name is on it.
 */
export function nameAt(table: SymbolTable, file: string, offset: number): NameAt | undefined {
  const holds = (location: Location): boolean => location.file === file && location.span.start <= offset && offset <= location.span.end;
  for (const reference of table.references) {
    if (holds(reference)) return use(reference, reference.name, reference.target === undefined ? undefined : { kind: 'symbol', symbol: reference.target });
  }
  for (const reference of table.fieldReferences) {
    if (holds(reference)) return use(reference, reference.name, reference.target === undefined ? undefined : { kind: 'field', field: reference.target });
  }
  for (const reference of table.memberReferences) {
    if (holds(reference)) return use(reference, reference.name, reference.target === undefined ? undefined : { kind: 'member', member: reference.target });
  }
  for (const reference of table.sectionReferences) {
    if (holds(reference)) return use(reference, reference.section, reference.target === undefined ? undefined : { kind: 'section', section: reference.target });
  }
  for (const symbol of table.symbols.values()) if (holds(symbol)) return declared(symbol, symbol.name, { kind: 'symbol', symbol });
  for (const field of table.fields.values()) {
    if (holds(field)) return declared(field, field.name, { kind: 'field', field });
    for (const member of field.members.values()) if (holds(member)) return declared(member, member.name, { kind: 'member', member });
  }
  for (const section of table.sections.values()) if (holds(section)) return declared(section, section.number, { kind: 'section', section });
  return undefined;
}

function use(location: Location, name: string, target: Target | undefined): NameAt {
  return { file: location.file, span: location.span, name, target, declaration: false };
}

function declared(location: Location, name: string, target: Target): NameAt {
  return { file: location.file, span: location.span, name, target, declaration: true };
}

/** Where the target is declared. */
export function declarationOf(target: Target): Location {
  const at = target.kind === 'symbol' ? target.symbol : target.kind === 'field' ? target.field : target.kind === 'member' ? target.member : target.section;
  return { file: at.file, span: at.span };
}

/** Whether two targets, perhaps from the tables of two policies that share a file, are the same declaration. */
export function sameTarget(a: Target, b: Target): boolean {
  const x = declarationOf(a);
  const y = declarationOf(b);
  return a.kind === b.kind && x.file === y.file && x.span.start === y.span.start && x.span.end === y.span.end;
}

/** Every use of the target in the table's policy, in the table's order; with its declaration first when asked. */
export function referencesOf(table: SymbolTable, target: Target, includeDeclaration: boolean): Location[] {
  const found: Location[] = includeDeclaration ? [declarationOf(target)] : [];
  const matches = (candidate: Target | undefined): boolean => candidate !== undefined && sameTarget(candidate, target);
  switch (target.kind) {
    case 'symbol':
      for (const r of table.references) if (r.target !== undefined && matches({ kind: 'symbol', symbol: r.target })) found.push(r);
      break;
    case 'field':
      for (const r of table.fieldReferences) if (r.target !== undefined && matches({ kind: 'field', field: r.target })) found.push(r);
      break;
    case 'member':
      for (const r of table.memberReferences) if (r.target !== undefined && matches({ kind: 'member', member: r.target })) found.push(r);
      break;
    case 'section':
      for (const r of table.sectionReferences) if (r.target !== undefined && matches({ kind: 'section', section: r.target })) found.push(r);
      break;
  }
  return found.map((location) => ({ file: location.file, span: { start: location.span.start, end: location.span.end } }));
}

/** Every `import "…"` of a file with a path: its specifier and the span of the string, quotes included. */
export function importsOf(tree: SourceFile): { specifier: string; span: Span }[] {
  return tree.items.flatMap((item) => (item.kind === 'Import' && item.path.kind === 'String' ? [{ specifier: item.path.value, span: { start: item.path.start, end: item.path.end } }] : []));
}

/** The `import "…"` whose path holds `offset`: its specifier and the span of the string. */
export function importAt(tree: SourceFile, offset: number): { specifier: string; span: Span } | undefined {
  return importsOf(tree).find(({ span }) => span.start <= offset && offset <= span.end);
}
