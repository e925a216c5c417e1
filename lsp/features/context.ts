/**
 * What every feature handler works from: the files, the policy views, and
 * the conversion of a document position to a file and an offset.
 */
import { nameAt, type Location, type NameAt } from '../../compiler/index.js';
import type { Location as LspLocation, Position } from 'vscode-languageserver';
import { uriFor } from '../diagnostics.js';
import type { Files } from '../files.js';
import { pathOf } from '../uris.js';
import type { PolicyView, PolicyViews } from '../views.js';

export interface FeatureContext {
  readonly files: Files;
  readonly views: PolicyViews;
}

/** A cursor in a known file. */
export interface Cursor {
  readonly path: string;
  readonly offset: number;
}

/** The cursor at `position` of the document `uri`, if the server knows that file. */
export function cursorAt(context: FeatureContext, uri: string, position: Position): Cursor | undefined {
  const path = pathOf(uri);
  if (path === undefined || context.files.content(path).kind !== 'text') return undefined;
  return { path, offset: context.files.linesOf(path).offsetAt(position) };
}

/** The name at the cursor as each policy holding the file sees it, each with its view. */
export function namesAt(context: FeatureContext, cursor: Cursor): { view: PolicyView; name: NameAt }[] {
  return context.views.of(cursor.path).flatMap((view) => {
    const name = nameAt(view.table, cursor.path, cursor.offset);
    return name === undefined ? [] : [{ view, name }];
  });
}

export function toLocation(context: FeatureContext, location: Location): LspLocation {
  return { uri: uriFor(context.files, location.file), range: context.files.linesOf(location.file).rangeOf(location.span) };
}

/** Locations once each, in the order first met. */
export function uniqueLocations(locations: readonly Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.file}\u0000${location.span.start}\u0000${location.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether the letters of `typed` appear in `label` in order, as editors' fuzzy filters match. */
export function inOrder(label: string, typed: string): boolean {
  let at = 0;
  for (const char of typed) {
    at = label.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
