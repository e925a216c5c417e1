/**
 * The small pieces every construct prints: names and literals as written,
 * a `ref`, and comma-separated lists of names.
 */
import { builders } from 'prettier/doc';
import type { Name, Ref, SyntaxNode } from '../../grammar/index.js';
import { cat, type Printer } from './printer.js';

type Doc = builders.Doc;

const { fill, indent, line } = builders;

export function printName(p: Printer, name: Name): Doc {
  return p.inline(name, p.source(name));
}

/** A literal as written (a string keeps its escapes). */
export function printLiteral(p: Printer, node: SyntaxNode): Doc {
  return p.inline(node, p.source(node));
}

export function printRef(p: Printer, ref: Ref | undefined): Doc {
  return ref === undefined ? '' : cat(' ', p.inline(ref, cat('ref ', printLiteral(p, ref.section))));
}

/** Names separated by commas, filling the line before breaking to the next. */
export function printNameList(p: Printer, names: readonly Name[]): Doc {
  const parts: Doc[] = [];
  names.forEach((name, index) => {
    if (index > 0) parts.push(line);
    parts.push(cat(printName(p, name), index < names.length - 1 ? ',' : ''));
  });
  return indent(fill(parts));
}
