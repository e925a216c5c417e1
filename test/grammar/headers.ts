/**
 * The headers of the bundled policies' blocks, for the stray-token
 * property (`recovery-headers.test.ts`): where each header's parts start,
 * and which text is its body.
 */
import type { IToken } from 'chevrotain';
import { forEachChild, lex, parse, type SyntaxNode } from '../../grammar/index.js';

/** A header of a block (or of an item with a header and a body: a check, an await, an incident, a group). */
export interface Header {
  readonly kind: string;
  /** The header's first token's text, for messages. */
  readonly name: string;
  /** Offsets where a stray token may be inserted: before each part of the header after its keyword and name, and at its end. */
  readonly positions: readonly number[];
  /** The body: the text the header opens, `[start, end)`; empty for a group. */
  readonly body: { readonly start: number; readonly end: number };
}

const guardWords = new Set(['when', 'unless']);

/** Every header of `text`'s blocks. */
export function headersOf(text: string, file: string): Header[] {
  const tokens = lex(text, file).tokens;
  const headers: Header[] = [];
  const visit = (node: SyntaxNode): void => {
    const header = headerOf(node, tokens);
    if (header !== undefined) headers.push(header);
    forEachChild(node, visit);
  };
  visit(parse(text, file).tree);
  return headers;
}

/** Where `node`'s header ends and its body starts, or undefined for a node that is no header. */
function bodyOf(node: SyntaxNode, tokens: readonly IToken[]): { start: number; end: number } | undefined {
  const after = (start: number, words: readonly string[]): number | undefined => tokens.find((t) => t.startOffset >= start && t.startOffset < node.end && words.includes(t.image))?.startOffset;
  switch (node.kind) {
    case 'Migration':
    case 'Installation':
    case 'Retry':
    case 'Stage':
      return { start: node.braces.start, end: node.braces.end };
    case 'Error':
    case 'Cohort':
    case 'Step':
      return node.braces === undefined ? { start: node.end, end: node.end } : { start: node.braces.start, end: node.braces.end };
    case 'Check':
      return { start: after(node.code.end, ['requires', 'external'])!, end: node.end };
    case 'StepAwait':
      return { start: node.deadline?.start ?? node.end, end: node.end };
    case 'Incident':
      return { start: after(node.resolvers[0]!.end, ['then'])!, end: node.end };
    case 'Group':
      return { start: node.end, end: node.end };
    default:
      return undefined;
  }
}

function headerOf(node: SyntaxNode, tokens: readonly IToken[]): Header | undefined {
  const body = bodyOf(node, tokens);
  if (body === undefined) return undefined;
  const header = tokens.filter((t) => t.startOffset >= node.start && t.startOffset < body.start);
  // After the keyword and the name (`migration` and `installation` have none); not inside a guard's condition.
  const first = node.kind === 'Migration' || node.kind === 'Installation' ? 1 : 2;
  const positions: number[] = [];
  let inGuard = false;
  for (const [index, token] of header.entries()) {
    if (guardWords.has(token.image)) inGuard = true;
    else if (inGuard) continue;
    if (index >= first) positions.push(token.startOffset);
  }
  positions.push(body.start);
  return { kind: node.kind, name: header.map((t) => t.image).join(' '), positions, body };
}

/** `text` with its first keyword of four letters or more in `[start, end)` misspelt (two letters swapped), and its last name there changed: a syntax and a name error, if the body has them. */
export function seedMistakes(text: string, file: string, body: { start: number; end: number }): string {
  const tokens = lex(text, file).tokens.filter((t) => t.startOffset >= body.start && t.startOffset < body.end);
  const keyword = tokens.find((t) => t.tokenType.name !== 'Identifier' && /^[a-z]{4,}$/.test(t.image) && t.image[1] !== t.image[2]);
  const name = tokens.findLast((t) => t.tokenType.name === 'Identifier' && t !== keyword);
  const edits: { at: number; length: number; text: string }[] = [];
  if (keyword !== undefined) edits.push({ at: keyword.startOffset, length: keyword.image.length, text: keyword.image[0]! + keyword.image[2]! + keyword.image[1]! + keyword.image.slice(3) });
  if (name !== undefined) edits.push({ at: name.startOffset, length: name.image.length, text: `${name.image}Zz` });
  let seeded = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) seeded = seeded.slice(0, edit.at) + edit.text + seeded.slice(edit.at + edit.length);
  return seeded;
}
