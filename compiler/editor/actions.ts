/**
 * What an editor offers to do about a diagnostic: the fixes the compiler
 * attached to it (did-you-mean, declare what is missing, import the file
 * that declares it), and, for a declaration nothing uses, removing it.
 * Removal is offered here only, not as a fix `mpol check --fix` applies
 * on its own: a name not used yet is often a name about to be.
 */
import { nodePathAt, type Diagnostic, type Fix, type Span, type SyntaxNode } from '../../grammar/index.js';
import type { PolicyFile } from '../context.js';

const unusedCodes = new Set(['unused-declaration', 'unused-error-code', 'unused-cohort', 'unused-group']);
const removable = new Set<SyntaxNode['kind']>(['Party', 'Artefact', 'Report', 'Error', 'Retry', 'Cohort', 'Group']);

/** The fixes of a diagnostic, then its removal when it reports something unused. */
export function actionsFor(diagnostic: Diagnostic, file: PolicyFile | undefined): Fix[] {
  const fixes = [...diagnostic.fixes];
  if (file !== undefined && unusedCodes.has(diagnostic.code)) {
    const removal = removalOf(file, diagnostic.span);
    if (removal !== undefined) fixes.push(removal);
  }
  return fixes;
}

/** Removing the declaration whose name is at `span`: its whole lines when it has them to itself. */
function removalOf(file: PolicyFile, span: Span): Fix | undefined {
  const path = nodePathAt(file.tree, span.start);
  const node = [...path].reverse().find((candidate) => removable.has(candidate.kind));
  if (node === undefined) return undefined;
  const name = file.text.slice(span.start, span.end);
  const { text } = file;
  let start = node.start;
  let end = node.end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*\r?$/.test(text.slice(end, lineEnd))) {
    start = lineStart;
    end = Math.min(text.length, lineEnd + 1);
  }
  return { message: `remove \`${name}\``, edits: [{ file: file.path, span: { start, end }, text: '' }] };
}
