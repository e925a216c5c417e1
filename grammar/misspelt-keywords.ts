/**
 * Misspelt keywords. A word that lexes as a name where a keyword belongs,
 * and is a plausible typo of it (`reprot`, `stpe`, `too`), is read as that
 * keyword: the mistake is reported once, with the suggestion, and the rest
 * of the declaration parses as written instead of failing after it.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Span } from './ast.js';
import { nearNameExtras, type DiagnosticExtras } from './diagnostic.js';
import { suggest } from './suggest.js';
import { Identifier, Keywords, type Keyword } from './tokens.js';

const identifierIdx = Identifier.tokenTypeIdx;
const keywordByIdx = new Map<number, Keyword>(Object.entries(Keywords).map(([word, type]) => [type.tokenTypeIdx!, word as Keyword]));

/** The keyword among `candidates` (token type indexes) that `token` misspells, if any. */
export function misspeltKeyword(token: IToken, candidates: Iterable<number>): Keyword | undefined {
  if (token.tokenTypeIdx !== identifierIdx) return undefined;
  const words: Keyword[] = [];
  for (const idx of candidates) {
    const word = keywordByIdx.get(idx);
    if (word !== undefined) words.push(word);
  }
  // One edit: a typo. Two would take names for keywords (`outage` for `stage`).
  return suggest(token.image, words, 1) as Keyword | undefined;
}

/** Whether `token` misspells the keyword `type`. */
export function misspells(token: IToken, type: TokenType): boolean {
  return misspeltKeyword(token, [type.tokenTypeIdx!]) !== undefined;
}

/** Retags `token`, which lexed as a name, as the keyword `word`. */
export function readAsKeyword(token: IToken, word: Keyword): void {
  const type = Keywords[word];
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}

/** The help and the fix of a misspelt keyword: `written`, at `span` of `file`, replaced by `word`. */
export function keywordExtras(file: string, span: Span, written: string, word: Keyword): DiagnosticExtras {
  return nearNameExtras(file, span, written, word);
}
