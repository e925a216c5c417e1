/**
 * Folding ranges, selection ranges, semantic tokens and inlay hints: the
 * structure `compiler/editor/` finds in a file, as lines and positions.
 */
import { foldsOf, inlayHints as hintsIn, selectionSpans, semanticTokens as tokensOf, semanticTokenTypes, type PolicyFile, type SemanticToken, type SymbolTable } from '../../compiler/index.js';
import { FoldingRangeKind, SemanticTokensBuilder, type FoldingRange, type InlayHint, type Position, type Range, type SelectionRange, type SemanticTokens } from 'vscode-languageserver';
import { pathOf } from '../uris.js';
import type { FeatureContext } from './context.js';

export function foldingRanges(context: FeatureContext, uri: string): FoldingRange[] {
  const path = pathOf(uri);
  const file = path === undefined ? undefined : context.files.load(path).file;
  if (path === undefined || file === undefined) return [];
  const lines = context.files.linesOf(path);
  const ranges: FoldingRange[] = [];
  for (const fold of foldsOf(file.text, file.tree, file.comments)) {
    const startLine = lines.positionAt(fold.start).line;
    const last = lines.positionAt(Math.max(fold.start, fold.end - 1)).line;
    // A block folds up to the line before its `}`, which stays in sight.
    const endLine = fold.kind === 'block' && file.text.charAt(fold.end - 1) === '}' ? last - 1 : last;
    if (endLine <= startLine) continue;
    const range: FoldingRange = { startLine, endLine };
    if (fold.kind !== 'block') range.kind = fold.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Imports;
    ranges.push(range);
  }
  return ranges;
}

export function selectionRanges(context: FeatureContext, uri: string, positions: readonly Position[]): SelectionRange[] {
  const path = pathOf(uri);
  const file = path === undefined ? undefined : context.files.load(path).file;
  return positions.map((position) => {
    if (path === undefined || file === undefined) return { range: { start: position, end: position } };
    const lines = context.files.linesOf(path);
    let result: SelectionRange | undefined;
    for (const span of selectionSpans(file.tree, lines.offsetAt(position)).reverse()) result = { range: lines.rangeOf(span), ...(result === undefined ? {} : { parent: result }) };
    return result ?? { range: { start: position, end: position } };
  });
}

/** The tokens last computed for a file and the table they were classified with. */
const tokenCache = new WeakMap<PolicyFile, { table: SymbolTable; tokens: SemanticToken[] }>();

export function semanticTokens(context: FeatureContext, uri: string, range: Range | undefined): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const path = pathOf(uri);
  const file = path === undefined ? undefined : context.files.load(path).file;
  const view = path === undefined ? undefined : context.views.of(path)[0];
  if (path === undefined || file === undefined || view === undefined) return builder.build();
  let cached = tokenCache.get(file);
  if (cached === undefined || cached.table !== view.table) {
    cached = { table: view.table, tokens: tokensOf(file, view.table) };
    tokenCache.set(file, cached);
  }
  const lines = context.files.linesOf(path);
  const wanted = range === undefined ? undefined : lines.spanOf(range);
  for (const token of cached.tokens) {
    if (wanted !== undefined && (token.start + token.length < wanted.start || token.start > wanted.end)) continue;
    const at = lines.positionAt(token.start);
    builder.push(at.line, at.character, token.length, semanticTokenTypes.indexOf(token.type), token.declaration ? 1 : 0);
  }
  return builder.build();
}

export function inlayHints(context: FeatureContext, uri: string, range: Range): InlayHint[] {
  const path = pathOf(uri);
  const file = path === undefined ? undefined : context.files.load(path).file;
  const view = path === undefined ? undefined : context.views.of(path)[0];
  if (path === undefined || file === undefined || view === undefined) return [];
  const lines = context.files.linesOf(path);
  return hintsIn(file, view.table, lines.spanOf(range)).map((hint) => ({ position: lines.positionAt(hint.offset), label: hint.label, paddingLeft: true }));
}
