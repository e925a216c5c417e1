/**
 * Go to definition, find references, document highlights and hover: the
 * name at the cursor, resolved in every policy that holds the file.
 */
import { declarationOf, describeLocalName, describeTarget, importAt, referencesOf } from '../../compiler/index.js';
import { DocumentHighlightKind, MarkupKind, type DocumentHighlight, type Hover, type Location, type Position } from 'vscode-languageserver';
import { cursorAt, namesAt, toLocation, uniqueLocations, type FeatureContext } from './context.js';

export function definition(context: FeatureContext, uri: string, position: Position): Location[] {
  const cursor = cursorAt(context, uri, position);
  if (cursor === undefined) return [];
  // On an import's path: the file it imports.
  const file = context.files.load(cursor.path).file;
  const imported = file === undefined ? undefined : importAt(file.tree, cursor.offset);
  if (imported !== undefined) {
    const target = context.files.resolveImport(cursor.path, imported.specifier);
    return context.files.content(target).kind === 'text' ? [toLocation(context, { file: target, span: { start: 0, end: 0 } })] : [];
  }
  const found = namesAt(context, cursor).flatMap(({ name }) => (name.target === undefined ? [] : [declarationOf(name.target)]));
  return uniqueLocations(found).map((location) => toLocation(context, location));
}

export function references(context: FeatureContext, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const cursor = cursorAt(context, uri, position);
  if (cursor === undefined) return [];
  const found = namesAt(context, cursor).flatMap(({ view, name }) => (name.target === undefined ? [] : referencesOf(view.table, name.target, includeDeclaration)));
  return uniqueLocations(found).map((location) => toLocation(context, location));
}

export function highlights(context: FeatureContext, uri: string, position: Position): DocumentHighlight[] {
  const cursor = cursorAt(context, uri, position);
  if (cursor === undefined) return [];
  const lines = context.files.linesOf(cursor.path);
  const found = namesAt(context, cursor).flatMap(({ view, name }) => (name.target === undefined ? [] : referencesOf(view.table, name.target, true).map((location, index) => ({ location, declaration: index === 0 }))));
  const seen = new Set<string>();
  const result: DocumentHighlight[] = [];
  for (const { location, declaration } of found) {
    const key = `${location.span.start}:${location.span.end}`;
    if (location.file !== cursor.path || seen.has(key)) continue;
    seen.add(key);
    result.push({ range: lines.rangeOf(location.span), kind: declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read });
  }
  return result;
}

export function hover(context: FeatureContext, uri: string, position: Position): Hover | null {
  const cursor = cursorAt(context, uri, position);
  if (cursor === undefined) return null;
  for (const { view, name } of namesAt(context, cursor)) {
    if (name.target === undefined) continue;
    const value = describeTarget(name.target, view.table, view.facts);
    return { contents: { kind: MarkupKind.Markdown, value }, range: context.files.linesOf(cursor.path).rangeOf(name.span) };
  }
  // The policy's own name and a strategy's tiers, which no namespace holds.
  const file = context.files.load(cursor.path).file;
  const local = file === undefined ? undefined : describeLocalName(cursor.path, file.tree, cursor.offset);
  return local === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: local.markdown }, range: context.files.linesOf(cursor.path).rangeOf(local.span) };
}
