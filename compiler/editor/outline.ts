/**
 * A file's outline: its declarations, and inside the `migration` block its
 * stages, steps and checks, nested as written. Editors show it as the
 * document's symbols, search it for workspace symbols, and fold and select
 * by the same spans.
 */
import type * as A from '../../grammar/index.js';

export type OutlineKind =
  | 'policy'
  | 'import'
  | 'section'
  | 'party'
  | 'artefact'
  | 'report'
  | 'installation'
  | 'field'
  | 'member'
  | 'error'
  | 'retry'
  | 'tier'
  | 'cohort'
  | 'group'
  | 'exclusion'
  | 'migration'
  | 'stage'
  | 'step'
  | 'check'
  | 'undo';

export interface OutlineItem {
  readonly name: string;
  /** A title or a short description. */
  readonly detail: string | undefined;
  readonly kind: OutlineKind;
  /** The whole declaration. */
  readonly span: A.Span;
  /** Its name, or its keyword when it has none. */
  readonly selection: A.Span;
  readonly children: readonly OutlineItem[];
}

export function outline(tree: A.SourceFile): OutlineItem[] {
  return tree.items.flatMap(topItem);
}

/** Every item of an outline, depth first, with the names of the items around it. */
export function flattenOutline(items: readonly OutlineItem[], container?: string): { item: OutlineItem; container: string | undefined }[] {
  return items.flatMap((item) => [{ item, container }, ...flattenOutline(item.children, item.name)]);
}

function topItem(item: A.TopItem): OutlineItem[] {
  switch (item.kind) {
    case 'Policy':
      return named(item, item.name, 'policy', title(item.title));
    case 'Import':
      return item.path.kind === 'String' ? [entry(item.path.value, undefined, 'import', item, item.path)] : [];
    case 'Section':
      return item.number.kind === 'String' ? [entry(item.number.value, title(item.title), 'section', item, item.number)] : [];
    case 'Party':
      return named(item, item.name, 'party', title(item.title));
    case 'Artefact':
      return named(item, item.name, 'artefact', title(item.title));
    case 'Report':
      return named(item, item.name, 'report', title(item.title));
    case 'Installation':
      return [entry('installation', undefined, 'installation', item, keyword(item, 'installation'), item.fields.flatMap(field))];
    case 'Error':
      return named(item, item.name, 'error', title(item.title));
    case 'Retry':
      return named(item, item.name, 'retry', undefined, item.items.flatMap((tier) => (tier.kind === 'Tier' ? named(tier, tier.name, 'tier', undefined) : [])));
    case 'Cohort':
      return named(item, item.name, 'cohort', title(item.title), item.groups.flatMap((group) => named(group, group.name, 'group', title(group.title))));
    case 'Exclusion':
      return [entry('exclude', item.attempts.kind === 'Number' ? `after ${item.attempts.value} failed attempts` : undefined, 'exclusion', item, keyword(item, 'exclude'))];
    case 'Migration':
      return [entry('migration', undefined, 'migration', item, keyword(item, 'migration'), item.items.flatMap(flowItem))];
  }
}

function field(node: A.FieldDecl): OutlineItem[] {
  const members = node.type.kind === 'EnumType' ? node.type.members.flatMap((member) => (member.kind === 'Ident' ? [entry(member.name, undefined, 'member', member, member)] : [])) : [];
  const type = node.type.kind === 'PrimitiveType' ? node.type.name : node.type.kind === 'EnumType' ? 'enumeration' : undefined;
  return named(node, node.name, 'field', type, members);
}

function flowItem(item: A.MigrationItem): OutlineItem[] {
  switch (item.kind) {
    case 'Stage':
      return named(item, item.name, 'stage', undefined, item.items.flatMap(flowItem));
    case 'Step':
      return named(item, item.name, 'step', item.party?.kind === 'Ident' ? `by ${item.party.name}` : undefined, item.items.flatMap((inner) => (inner.kind === 'Undo' ? named(inner, inner.name, 'undo', undefined) : [])));
    case 'Check':
      return named(item, item.code, 'check', item.predicate === undefined ? 'external' : undefined);
    case 'FailureHandler':
    case 'Deadline':
      return [];
  }
}

function named(node: A.Span, name: A.Name, kind: OutlineKind, detail: string | undefined, children: OutlineItem[] = []): OutlineItem[] {
  // A declaration whose name recovery lost is left out, unless what it holds would be lost with it.
  if (name.kind === 'Missing') return children.length === 0 ? [] : [entry('?', detail, kind, node, { start: node.start, end: node.start }, children)];
  return [entry(name.name, detail, kind, node, name, children)];
}

function entry(name: string, detail: string | undefined, kind: OutlineKind, span: A.Span, selection: A.Span, children: readonly OutlineItem[] = []): OutlineItem {
  return { name, detail, kind, span: { start: span.start, end: span.end }, selection: { start: selection.start, end: selection.end }, children };
}

function keyword(node: A.Span, word: string): A.Span {
  return { start: node.start, end: node.start + word.length };
}

function title(node: A.StringLit | A.Missing): string | undefined {
  return node.kind === 'String' ? node.value : undefined;
}
