/**
 * Lexing: text to tokens, comments and lexical diagnostics. Never throws.
 */
import { Lexer, type IToken } from 'chevrotain';
import type { Comment } from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { foreignOperatorExtras, mpolOperator } from './foreign-operators.js';
import { EqualEqual, ForeignOperator, Identifier, Keywords, LineComment, NotEqual, OpenBlockComment, OpenString, keywordFor, lexerTokens } from './tokens.js';

export interface LexResult {
  readonly tokens: IToken[];
  /** Line and block comments, in order, for formatters and editors. */
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

// Invariant: spans need only offsets, so the lexer tracks nothing else.
const lexer = new Lexer(lexerTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

const identifierIdx = Identifier.tokenTypeIdx;

/** The token type a foreign operator is read as, by the mpol operator it stands for. */
const operatorTypes = new Map([
  ['and', Keywords.and],
  ['or', Keywords.or],
  ['not', Keywords.not],
  ['==', EqualEqual],
  ['!=', NotEqual],
]);

export function lex(text: string, file: string): LexResult {
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const start = error.offset;
    const shown = text.slice(start, start + Math.min(error.length, 20));
    // A single `=`, written to compare as other languages do (`=` never starts a token of its own).
    const extras = shown === '=' ? { help: 'write `==` to compare, or `:` after the name of a field' } : {};
    diagnostics.push(diagnostic('invalid-character', file, { start, end: start + error.length }, { text: shown }, extras));
  }
  const tokens = result.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tokenTypeIdx === identifierIdx) {
      const keyword = keywordFor(token.image);
      if (keyword !== undefined) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    } else if (token.tokenType === ForeignOperator) {
      const operator = mpolOperator(token.image)!;
      const type = operatorTypes.get(operator)!;
      token.tokenType = type;
      token.tokenTypeIdx = type.tokenTypeIdx!;
      const where = span(token);
      diagnostics.push(diagnostic('foreign-operator', file, where, { text: token.image }, foreignOperatorExtras(file, text, where, token.image, operator)));
    } else if (token.tokenType === OpenString) {
      diagnostics.push(diagnostic('unterminated-string', file, span(token), {}));
    }
  }
  const comments: Comment[] = [];
  for (const token of (result.groups['comments'] ?? []) as IToken[]) {
    const start = token.startOffset;
    if (token.tokenType === OpenBlockComment) diagnostics.push(diagnostic('unterminated-comment', file, { start, end: start + 2 }, {}));
    const kind = token.tokenType === LineComment ? 'LineComment' : 'BlockComment';
    comments.push({ kind, text: token.image, start, end: start + token.image.length });
  }
  return { tokens, comments, diagnostics };
}

function span(token: IToken): { start: number; end: number } {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
