/**
 * Document symbols (the outline, nested) and workspace symbols (every
 * declaration of every known file whose name matches the query).
 */
import { flattenOutline, outline, type OutlineItem, type OutlineKind } from '../../compiler/index.js';
import { SymbolKind, type DocumentSymbol, type SymbolInformation, type WorkspaceSymbol } from 'vscode-languageserver';
import { uriFor } from '../diagnostics.js';
import type { TextLines } from '../positions.js';
import { pathOf } from '../uris.js';
import { inOrder, type FeatureContext } from './context.js';

const kinds: Record<OutlineKind, SymbolKind> = {
  policy: SymbolKind.Module,
  import: SymbolKind.File,
  section: SymbolKind.Namespace,
  party: SymbolKind.Object,
  artefact: SymbolKind.Interface,
  report: SymbolKind.Struct,
  installation: SymbolKind.Class,
  field: SymbolKind.Field,
  member: SymbolKind.EnumMember,
  error: SymbolKind.Constant,
  retry: SymbolKind.Event,
  tier: SymbolKind.Property,
  cohort: SymbolKind.Enum,
  group: SymbolKind.EnumMember,
  exclusion: SymbolKind.Property,
  migration: SymbolKind.Module,
  stage: SymbolKind.Namespace,
  step: SymbolKind.Function,
  check: SymbolKind.Boolean,
  undo: SymbolKind.Method,
};

export function documentSymbols(context: FeatureContext, uri: string, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const path = pathOf(uri);
  const file = path === undefined ? undefined : context.files.load(path).file;
  if (path === undefined || file === undefined) return [];
  const lines = context.files.linesOf(path);
  const items = outline(file.tree);
  if (hierarchical) return items.map((item) => documentSymbol(item, lines));
  return flattenOutline(items).map(({ item, container }) => ({
    name: item.name,
    kind: kinds[item.kind],
    location: { uri, range: lines.rangeOf(item.span) },
    ...(container === undefined ? {} : { containerName: container }),
  }));
}

function documentSymbol(item: OutlineItem, lines: TextLines): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: item.name,
    kind: kinds[item.kind],
    range: lines.rangeOf(item.span),
    selectionRange: lines.rangeOf(item.selection),
    children: item.children.map((child) => documentSymbol(child, lines)),
  };
  if (item.detail !== undefined) symbol.detail = item.detail;
  return symbol;
}

/** The most workspace symbols one query returns: an editor's picker shows a few dozen. */
const workspaceSymbolLimit = 500;

export function workspaceSymbols(context: FeatureContext, query: string): WorkspaceSymbol[] {
  const result: WorkspaceSymbol[] = [];
  const wanted = query.toLowerCase();
  for (const path of context.files.paths()) {
    const file = context.files.load(path).file;
    if (file === undefined) continue;
    for (const { item, container } of flattenOutline(outline(file.tree))) {
      if (item.kind === 'import' || !inOrder(item.name.toLowerCase(), wanted)) continue;
      const symbol: WorkspaceSymbol = { name: item.name, kind: kinds[item.kind], location: { uri: uriFor(context.files, path), range: context.files.linesOf(path).rangeOf(item.selection) } };
      if (container !== undefined) symbol.containerName = container;
      result.push(symbol);
      if (result.length >= workspaceSymbolLimit) return result;
    }
  }
  return result;
}
