/**
 * Semantic tokens: every word of a file classified by what it is, so that
 * an editor colours codes, parties, strategies, fields and values apart,
 * beyond what a grammar of patterns can tell. Keywords by category
 * (`grammar/tokens.ts`); declared names and their uses by their kind, the
 * declaration marked; the policy's name and retry tiers' names;
 * installation fields and enumeration members; numbers and durations. A keyword used as a field name
 * (`installation.group`) is a field.
 */
import { keywordCategory, lex, type KeywordCategory } from '../../grammar/index.js';
import type { PolicyFile } from '../context.js';
import type { DeclKind, SymbolTable } from '../symbols.js';

/** The token types, named as LSP's standard ones so that every theme has a colour for each. */
export const semanticTokenTypes = ['keyword', 'type', 'operator', 'number', 'class', 'struct', 'interface', 'enum', 'event', 'namespace', 'typeParameter', 'function', 'method', 'property', 'enumMember', 'macro', 'variable'] as const;
export const semanticTokenModifiers = ['declaration', 'readonly'] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: SemanticTokenType;
  readonly declaration: boolean;
}

const keywordTypes: Record<KeywordCategory, SemanticTokenType> = {
  declaration: 'keyword',
  control: 'keyword',
  type: 'type',
  constant: 'macro',
  operator: 'operator',
};

/** Each kind of declared name has a type of its own. */
const kindTypes: Record<DeclKind, SemanticTokenType> = {
  party: 'class',
  artefact: 'struct',
  report: 'interface',
  error: 'enum',
  retry: 'event',
  cohort: 'namespace',
  group: 'typeParameter',
  stage: 'namespace',
  step: 'function',
  undo: 'method',
};

/** The tokens of a file, in order, none overlapping. */
export function semanticTokens(file: PolicyFile, table: SymbolTable): SemanticToken[] {
  const byStart = new Map<number, SemanticToken>();
  for (const token of lex(file.text, file.path).tokens) {
    const name = token.tokenType.name;
    const start = token.startOffset;
    const length = token.image.length;
    if (name.startsWith('Kw_')) {
      const category = keywordCategory(token.image);
      if (category !== undefined) byStart.set(start, { start, length, type: keywordTypes[category], declaration: false });
    } else if (name === 'NumberLiteral' || name === 'Duration') {
      byStart.set(start, { start, length, type: 'number', declaration: false });
    }
  }
  const name = (span: { start: number; end: number }, type: SemanticTokenType, declaration: boolean): void => {
    byStart.set(span.start, { start: span.start, length: span.end - span.start, type, declaration });
  };
  // Names no other place refers to: the policy's, and each retry tier's within its strategy.
  for (const item of file.tree.items) {
    if (item.kind === 'Policy' && item.name.kind === 'Ident') name(item.name, 'namespace', true);
    if (item.kind === 'Retry') for (const tier of item.items) if (tier.kind === 'Tier' && tier.name.kind === 'Ident') name(tier.name, 'variable', true);
  }
  for (const symbol of table.symbols.values()) if (symbol.file === file.path) name(symbol.span, kindTypes[symbol.kind], true);
  for (const reference of table.references) if (reference.file === file.path && reference.target !== undefined) name(reference.span, kindTypes[reference.target.kind], false);
  for (const field of table.fields.values()) {
    if (field.file === file.path) name(field.span, 'property', true);
    for (const member of field.members.values()) if (member.file === file.path) name(member.span, 'enumMember', true);
  }
  for (const reference of table.fieldReferences) if (reference.file === file.path && reference.target !== undefined) name(reference.span, 'property', false);
  for (const reference of table.memberReferences) if (reference.file === file.path && reference.target !== undefined) name(reference.span, 'enumMember', false);
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
