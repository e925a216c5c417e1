/**
 * Document links: the path of each `import "…"` links to the file it
 * imports, so an editor opens it on a click (Neovim and VS Code both
 * follow links). An import of a file that cannot be read links nowhere:
 * its diagnostic says why.
 */
import { importsOf } from '../../compiler/index.js';
import type { DocumentLink } from 'vscode-languageserver';
import { uriFor } from '../diagnostics.js';
import { pathOf } from '../uris.js';
import type { FeatureContext } from './context.js';

export function documentLinks(context: FeatureContext, uri: string): DocumentLink[] {
  const path = pathOf(uri);
  const file = path === undefined || context.files.content(path).kind !== 'text' ? undefined : context.files.load(path).file;
  if (path === undefined || file === undefined) return [];
  const lines = context.files.linesOf(path);
  return importsOf(file.tree).flatMap(({ specifier, span }) => {
    const target = context.files.resolveImport(path, specifier);
    if (context.files.content(target).kind !== 'text') return [];
    // The text between the quotes, where the specifier is written.
    const inside = span.end - span.start >= 2 ? { start: span.start + 1, end: span.end - 1 } : span;
    return [{ range: lines.rangeOf(inside), target: uriFor(context.files, target), tooltip: `open ${specifier}` }];
  });
}
