/**
 * What may come next at an offset of a file, as the grammar sees it: the
 * keywords and kinds of token the parser would accept there, the rules that
 * would read a name, and the tokens just before. Completion builds on it.
 *
 * Chevrotain's content assist answers from the grammar itself, given the
 * tokens before the offset. Fed a whole file it costs time in proportion
 * (160 ms for 46,000 tokens), so it is fed only the item the offset is in:
 * the tree says where the innermost block holding the offset starts and
 * which of its items comes before, and the grammar is asked from there
 * with the rule that reads that block's items. An offset just after an
 * item may continue it or start the next, so both are asked.
 */
import type { IToken } from 'chevrotain';
import type { Comment, SourceFile, Span, SyntaxNode } from './ast.js';
import { lex } from './lexer.js';
import { sharedParser } from './parse.js';
import { keywordFor } from './tokens.js';
import { forEachChild, nodePathAt } from './visit.js';

export interface ExpectedAt {
  /** Where the offset is: in code, in a string, or in a comment. */
  readonly inside: 'code' | 'string' | 'comment';
  /** Keywords the grammar accepts next, as words. */
  readonly keywords: ReadonlySet<string>;
  /** Other tokens it accepts next, by name: `Identifier`, `AnyName`, `Duration`, `NumberLiteral`, `StringLiteral`, … */
  readonly tokens: ReadonlySet<string>;
  /** For each place a name (`Identifier` or `AnyName`) is accepted, the rules that would read it, innermost last. */
  readonly nameRules: readonly (readonly string[])[];
  /** The images of the tokens before the offset in its item, comments left out, the nearest last. */
  readonly before: readonly string[];
}

type Block = SourceFile | Extract<SyntaxNode, { kind: 'Migration' | 'Stage' | 'Step' | 'Retry' | 'Installation' | 'Error' | 'Cohort' }>;

/** The rule that reads the items of each kind of block. */
const itemRules: Record<Block['kind'], string> = {
  SourceFile: 'topItem',
  Migration: 'migrationItem',
  Stage: 'stageItem',
  Step: 'stepItem',
  Retry: 'retryItem',
  Installation: 'fieldDecl',
  Error: 'errorItem',
  Cohort: 'groupDecl',
};

function itemsOf(block: Block): readonly Span[] {
  switch (block.kind) {
    case 'Installation':
      return block.fields;
    case 'Cohort':
      return block.groups;
    default:
      return block.items;
  }
}

/**
 * Whether the offset is inside the block's braces: after its `{`, and
 * before its `}`, or anywhere after it when the `}` is not written yet
 * (recovery then ends the braces at the last token it read).
 */
function isOpenBlock(node: SyntaxNode, text: string, offset: number): node is Block {
  if (node.kind === 'SourceFile') return true;
  if (!(node.kind in itemRules)) return false;
  const braces = (node as { braces?: Span }).braces;
  return braces !== undefined && braces.start < offset && (offset < braces.end || text.charAt(braces.end - 1) !== '}');
}

export function expectedAt(tree: SourceFile, text: string, offset: number): ExpectedAt {
  const path = nodePathAt(tree, offset);
  let block: Block = tree;
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i]!;
    if (isOpenBlock(node, text, offset)) {
      block = node;
      break;
    }
  }
  // An item before the offset whose `}` is not typed yet still holds it: the author is typing inside it.
  let { previous, holding } = placeIn(block, offset);
  while (holding === undefined && previous !== undefined && isOpenBlock(previous as SyntaxNode, text, offset)) {
    block = previous as Block;
    ({ previous, holding } = placeIn(block, offset));
  }
  const rule = itemRules[block.kind];
  const blockStart = block.kind === 'SourceFile' ? 0 : (block as { braces: Span }).braces.start + 1;
  // After an item recovery had to complete (`step A by`, the party missing), only continuing it makes sense.
  const starts = holding !== undefined ? [holding.start] : previous === undefined ? [blockStart] : hasMissing(previous as SyntaxNode) ? [previous.start] : [previous.end, previous.start];

  const keywords = new Set<string>();
  const tokens = new Set<string>();
  const nameRules: string[][] = [];
  let before: string[] = [];
  let inside: ExpectedAt['inside'] = 'code';
  starts.forEach((start, index) => {
    const lexed = lex(text.slice(start, offset), '');
    // The longest stretch (the last asked) tells the most about what comes before.
    if (index === starts.length - 1) {
      inside = insideOf(lexed.tokens, lexed.comments, offset - start);
      before = lexed.tokens.slice(-4).map((token) => token.image);
    }
    for (const suggestion of sharedParser().computeContentAssist(rule, lexed.tokens)) {
      const type = suggestion.nextTokenType;
      const word = type.name.startsWith('Kw_') ? type.name.slice(3) : undefined;
      if (word !== undefined && keywordFor(word) !== undefined) keywords.add(word);
      else tokens.add(type.name);
      if (type.name === 'Identifier' || type.name === 'AnyName') nameRules.push([...suggestion.ruleStack]);
    }
  });
  return { inside, keywords, tokens, nameRules, before };
}

/** The item of a block that holds the offset, and the last one that ends before it. */
function placeIn(block: Block, offset: number): { holding: Span | undefined; previous: Span | undefined } {
  const items = itemsOf(block);
  const holding = items.find((item) => item.start < offset && offset <= item.end);
  let previous: Span | undefined;
  for (const item of items) if (item.end <= offset) previous = item;
  return { holding, previous };
}

function hasMissing(node: SyntaxNode): boolean {
  if (node.kind === 'Missing') return true;
  let found = false;
  forEachChild(node, (child) => {
    found ||= hasMissing(child);
  });
  return found;
}

/** Whether the end of the lexed text is inside a string or a comment. */
function insideOf(tokens: readonly IToken[], comments: readonly Comment[], end: number): ExpectedAt['inside'] {
  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.tokenType.name === 'OpenString' && last.startOffset + last.image.length >= end) return 'string';
  const comment = comments[comments.length - 1];
  // A line comment runs to the end of its line, an unclosed block comment to the end of the text.
  if (comment !== undefined && comment.end >= end && (comment.kind === 'LineComment' || !comment.text.endsWith('*/'))) return 'comment';
  return 'code';
}
