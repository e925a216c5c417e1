/**
 * Rename: a declared name and every use of it, across the files of every
 * policy that holds the file, for declarations, installation fields,
 * enumeration members and sections. A new name that the language would not
 * read as the same kind of name, or that is already taken where the old
 * one lives, is refused with a sentence saying why, and nothing changes.
 *
 * The refusals are answers to the person renaming, not diagnostics of a
 * policy, so they are written here rather than in the message catalog.
 */
import { encodeString, keywords, type Span } from '../../grammar/index.js';
import { withArticle, type SymbolTable } from '../symbols.js';
import { nameAt, referencesOf, type Location, type Target } from './targets.js';

export type PrepareRename = { readonly kind: 'name'; readonly span: Span; readonly name: string } | { readonly kind: 'refused'; readonly message: string };

export type Rename =
  | { readonly kind: 'edits'; readonly edits: readonly (Location & { readonly text: string })[] }
  | { readonly kind: 'refused'; readonly message: string }
  /** No name is at the offset. */
  | { readonly kind: 'none' };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const reserved = new Set<string>(keywords);

/** What a rename at the offset would rename, or why none can be made; `undefined` where there is no name at all. */
export function prepareRename(tables: readonly SymbolTable[], file: string, offset: number): PrepareRename | undefined {
  for (const table of tables) {
    const found = nameAt(table, file, offset);
    if (found === undefined) continue;
    if (found.target === undefined) return { kind: 'refused', message: `\`${found.name}\` is not declared, so there is nothing to rename` };
    if (found.target.kind === 'section') return { kind: 'name', span: { start: found.span.start + 1, end: found.span.end - 1 }, name: found.name };
    return { kind: 'name', span: found.span, name: found.name };
  }
  return undefined;
}

/** The edits that rename the name at the offset to `newName`, in every policy (table) that holds the file. */
export function renameAt(tables: readonly SymbolTable[], file: string, offset: number, newName: string): Rename {
  const found: { table: SymbolTable; target: Target; name: string }[] = [];
  for (const table of tables) {
    const name = nameAt(table, file, offset);
    if (name?.target !== undefined) found.push({ table, target: name.target, name: name.name });
  }
  const first = found[0];
  if (first === undefined) {
    // An undeclared name says why it cannot be renamed; elsewhere there is nothing to do.
    const prepared = prepareRename(tables, file, offset);
    return prepared?.kind === 'refused' ? prepared : { kind: 'none' };
  }
  if (newName === first.name) return { kind: 'edits', edits: [] };
  for (const { table, target } of found) {
    const refusal = refusalOf(table, target, newName);
    if (refusal !== undefined) return { kind: 'refused', message: refusal };
  }
  const text = first.target.kind === 'section' ? encodeString(newName) : newName;
  const seen = new Set<string>();
  const edits: (Location & { text: string })[] = [];
  for (const { table, target } of found) {
    for (const location of referencesOf(table, target, true)) {
      const key = `${location.file}\u0000${location.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push({ ...location, text });
    }
  }
  return { kind: 'edits', edits };
}

function refusalOf(table: SymbolTable, target: Target, newName: string): string | undefined {
  switch (target.kind) {
    case 'symbol': {
      const kind = withArticle(target.symbol.kind);
      if (!identifier.test(newName)) return `\`${newName}\` is not a name: the name of ${kind} is a letter or \`_\`, then letters, digits or \`_\``;
      if (reserved.has(newName)) return `\`${newName}\` is a keyword, so it cannot name ${kind}`;
      const taken = table.symbols.get(newName);
      if (taken !== undefined) return `\`${newName}\` is already declared in this policy (${withArticle(taken.kind)}), and a policy has one namespace`;
      return undefined;
    }
    case 'field':
      if (!identifier.test(newName)) return `\`${newName}\` is not a name: a field name is a letter or \`_\`, then letters, digits or \`_\``;
      if (table.fields.has(newName)) return `the installation already has a field \`${newName}\``;
      return undefined;
    case 'member': {
      if (!identifier.test(newName)) return `\`${newName}\` is not a name: a value is a letter or \`_\`, then letters, digits or \`_\``;
      if (reserved.has(newName)) return `\`${newName}\` is a keyword, so it cannot be a value`;
      const field = table.fields.get(target.member.field);
      if (field?.members.has(newName) === true) return `\`installation.${target.member.field}\` already has a value \`${newName}\``;
      return undefined;
    }
    case 'section':
      if (newName === '' || /[\r\n]/.test(newName)) return 'a section number is one line of text, not empty';
      if (table.sections.has(newName)) return `section \`${newName}\` is already declared`;
      return undefined;
  }
}
