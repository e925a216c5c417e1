/**
 * Completion: what may be typed at the cursor. The grammar says what may
 * come next there (`grammar/expected.ts`); where that is a name, the
 * place says of what kind, as the binder's walks do (`walk.ts`): a party
 * after `by`, an error code after `fail`, a strategy after `retry` in a
 * step, an artefact or a step after a deadline's `after`, a report in an
 * error's `report` list, a field after `installation.`, a member of the
 * enumeration a field is compared with. A number where a duration is
 * expected gets its units. Each declared name comes with its title.
 */
import { expectedAt, type Span } from '../../grammar/index.js';
import type { PolicyFile } from '../context.js';
import type { DeclKind, SymbolTable } from '../symbols.js';

export type CompletionKind = 'keyword' | DeclKind | 'field' | 'member' | 'section' | 'duration';

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A title, a type, or what a unit means. */
  readonly detail: string | undefined;
}

export interface Completions {
  /** The text the chosen item replaces: the word (or number, or section) already typed at the cursor. */
  readonly replace: Span;
  readonly items: readonly Completion[];
}

const durationUnits = [
  ['ms', 'milliseconds'],
  ['s', 'seconds'],
  ['m', 'minutes'],
  ['h', 'hours'],
  ['d', 'days'],
] as const;

export function completionsAt(file: PolicyFile, table: SymbolTable, offset: number): Completions {
  const { text, tree } = file;
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_]/.test(text.charAt(start - 1))) start--;
  const word = text.slice(start, offset);
  const replace = { start, end: wordEnd(text, offset) };
  const expected = expectedAt(tree, text, start);

  if (expected.inside === 'comment') return { replace, items: [] };
  if (expected.inside === 'string') return sectionsAt(text, table, start, expected.before);

  if (/^[0-9]/.test(word)) {
    const digits = /^[0-9]+/.exec(word)![0];
    if (!expected.tokens.has('Duration')) return { replace, items: [] };
    return { replace, items: durationUnits.map(([unit, meaning]) => ({ label: `${digits}${unit}`, kind: 'duration' as const, detail: meaning })) };
  }

  const items: Completion[] = [...expected.keywords].map((keyword) => ({ label: keyword, kind: 'keyword' as const, detail: undefined }));
  for (const kind of nameKinds(expected.before, expected.nameRules)) items.push(...namesOf(table, kind));
  if (expected.tokens.has('AnyName') && expected.before.slice(-2).join(' ') === 'installation .') {
    for (const field of table.fields.values()) items.push({ label: field.name, kind: 'field', detail: field.type.kind === 'enum' ? field.type.members.join(' | ') : field.type.kind });
  }
  const compared = comparedField(expected.before);
  if (compared !== undefined && expected.tokens.has('Identifier')) {
    const field = table.fields.get(compared);
    for (const member of field?.members.values() ?? []) items.push({ label: member.name, kind: 'member', detail: `installation.${compared}` });
  }
  return { replace, items: unique(items) };
}

/**
 * The kinds of declared name the place before the cursor takes. Only
 * places where the grammar accepts a name count: after `step` or `party`
 * a new name is written, and nothing declared fits.
 */
function nameKinds(before: readonly string[], nameRules: readonly (readonly string[])[]): DeclKind[] {
  if (nameRules.length === 0) return [];
  const rules = new Set(nameRules.map((stack) => stack[stack.length - 1]));
  const inRule = (name: string): boolean => nameRules.some((stack) => stack.includes(name));
  const last = before[before.length - 1];
  const list = listHead(before);
  switch (last) {
    case 'by':
    case 'to':
    case 'responsible':
      return ['party'];
    case 'or':
      return inRule('incident') ? ['party'] : [];
    case 'fail':
    case 'check':
      return ['error'];
    case 'report':
      return inRule('errorItem') ? ['report'] : [];
    case 'retry':
      return inRule('stepItem') ? ['retry'] : [];
    case 'await':
    case 'produces':
      return ['artefact'];
    case 'after':
      return inRule('deadline') ? ['artefact', 'step'] : [];
    case 'cohort':
      return rules.has('primary') || inRule('primary') ? ['cohort'] : [];
    case 'group':
      return inRule('primary') ? ['group'] : [];
    case ',':
      return list === 'report' ? ['report'] : list === 'fail' ? ['error'] : [];
    default:
      return [];
  }
}

/** The keyword that heads a comma-separated list the cursor is in: `report A, B,` or `may fail X,`. */
function listHead(before: readonly string[]): string | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const token = before[i]!;
    if (token !== ',' && !/^[A-Za-z_]/.test(token)) return undefined;
    if (token === 'report' || token === 'fail') return token;
  }
  return undefined;
}

/** `installation.type ==` before the cursor: the field compared. */
function comparedField(before: readonly string[]): string | undefined {
  const [installation, dot, field, operator] = before.slice(-4);
  return installation === 'installation' && dot === '.' && (operator === '==' || operator === '!=') ? field : undefined;
}

function namesOf(table: SymbolTable, kind: DeclKind): Completion[] {
  const items: Completion[] = [];
  for (const symbol of table.symbols.values()) {
    if (symbol.kind !== kind) continue;
    const node = symbol.node;
    const title = 'title' in node && node.title.kind === 'String' ? node.title.value : undefined;
    items.push({ label: symbol.name, kind, detail: title });
  }
  return items;
}

/** Inside the string of a `ref`: the sections, by number, with their titles. */
function sectionsAt(text: string, table: SymbolTable, offset: number, before: readonly string[]): Completions {
  const open = before[before.length - 1] ?? '';
  const start = offset - open.length + 1;
  let end = offset;
  while (end < text.length && text.charAt(end) !== '"' && text.charAt(end) !== '\n') end++;
  const replace = { start, end };
  if (before[before.length - 2] !== 'ref') return { replace, items: [] };
  return { replace, items: [...table.sections.values()].map((section) => ({ label: section.number, kind: 'section' as const, detail: section.title })) };
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text.charAt(end))) end++;
  return end;
}

function unique(items: readonly Completion[]): Completion[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.kind}:${item.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
