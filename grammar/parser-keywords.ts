/**
 * The parser's second layer: misspelt keywords. Where only keywords may
 * stand, or where a required keyword is missing, a name one edit away
 * from one of them (`reprot`, `erquires`, `too`) is read as that keyword
 * and reported once, with the suggestion.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { diagnostic } from './diagnostic.js';
import { keywordExtras, misspeltKeyword, readAsKeyword } from './misspelt-keywords.js';
import { BlockParser } from './parser-blocks.js';
import { describeToken } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
const conditionBeforeName = [K.cohort.tokenTypeIdx!, K.group.tokenTypeIdx!];
const conditionBeforeDot = [K.installation.tokenTypeIdx!];
const headerBeforeString = [K.ref.tokenTypeIdx!];
const headerBeforeName = [K.by.tokenTypeIdx!, K.when.tokenTypeIdx!, K.unless.tokenTypeIdx!];
const guardKeywords = [K.when.tokenTypeIdx!, K.unless.tokenTypeIdx!];
/** Tokens that start a condition but not a name: after one, a misspelt word can only be `when` or `unless`. */
const conditionStarters: ReadonlySet<TokenType> = new Set([K.cohort, K.group, K.installation, K.not, K.true, K.false, T.LParen]);
const identifierIdx = T.Identifier.tokenTypeIdx!;
const keywordTypes: ReadonlySet<TokenType> = new Set(Object.values(K));

/** A place in the grammar where only keywords may stand: which ones, and how messages name what may come there. */
export interface KeywordPlace {
  readonly keywords: readonly number[];
  readonly expected: string;
}

export function keywordPlace(expected: string, ...keywords: TokenType[]): KeywordPlace {
  return { keywords: keywords.map((type) => type.tokenTypeIdx!), expected };
}

export class KeywordParser extends BlockParser {
  /**
   * Chevrotain's in-rule recovery, for a required token that is not there:
   * first, a name that misspells it (`report R1 "…" too Provider`,
   * `3 ertries every 5m`) is read as it, where Chevrotain would insert the
   * keyword and take the misspelling for the next name, or give up on the
   * declaration. The mismatch Chevrotain has recorded becomes the one
   * diagnostic, with the suggestion.
   */
  protected override recoverInRule(expected: TokenType, recoverAsChevrotainDoes: () => IToken): IToken {
    const next = this.LA(1);
    const word = misspeltKeyword(next, [expected.tokenTypeIdx!]);
    if (word === undefined) {
      // A stray token before the expected one (`incident resolved 42 by P`) is
      // skipped, where Chevrotain would first insert the expected token
      // when the stray may follow it, and read the stray as what follows.
      // Keywords only: before a missing name (`undo by P`), the keyword that follows is no stray.
      if (!keywordTypes.has(expected) || !tokenMatcher(this.LA(2), expected)) return recoverAsChevrotainDoes();
      this.skip();
      const found = this.LA(1);
      this.SKIP_TOKEN();
      return found;
    }
    readAsKeyword(next, word);
    this.misspelt.set(next, word);
    this.SKIP_TOKEN();
    return next;
  }

  /**
   * Where only keywords may stand, a name that misspells one of the
   * place's keywords (`check MA001 erquires …`, `on afilure fail E1`) is
   * read as it, reported once with the suggestion.
   */
  protected readMisspeltKeyword(place: KeywordPlace): void {
    const token = this.LA(1);
    if (token.tokenTypeIdx !== identifierIdx || this.RECORDING_PHASE) return;
    this.readMisspelt(token, place.keywords, place.expected);
  }

  /**
   * In a condition, a name followed by another name or a `.` cannot be a
   * value: if it misspells `cohort`, `group` or `installation`
   * (`when cohrt Pilot`), it is read as that keyword, reported once.
   */
  protected readMisspeltCondition(): void {
    const token = this.LA(1);
    if (token.tokenTypeIdx !== identifierIdx || this.RECORDING_PHASE) return;
    const next = this.LA(2);
    const candidates = next.tokenType === T.Dot ? conditionBeforeDot : next.tokenTypeIdx === identifierIdx ? conditionBeforeName : undefined;
    this.readMisspelt(token, candidates, 'an expression');
  }

  /**
   * Before the optional parts of a stage's or step's header, a name that
   * misspells `ref`, `by`, `when` or `unless` and is followed by what that
   * keyword takes (`step Commission b Provider`) is read as the keyword.
   */
  protected readMisspeltHeader(expected: string): void {
    const token = this.LA(1);
    if (token.tokenTypeIdx !== identifierIdx || this.RECORDING_PHASE) return;
    const next = this.LA(2).tokenType;
    const candidates =
      T.isOf(next, T.StringLiteral) ? headerBeforeString : next === T.Identifier ? headerBeforeName : conditionStarters.has(next) ? guardKeywords : undefined;
    this.readMisspelt(token, candidates, expected);
  }

  private readMisspelt(token: IToken, candidates: readonly number[] | undefined, expected: string): void {
    const word = candidates === undefined ? undefined : misspeltKeyword(token, candidates);
    if (word === undefined) return;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected, found: describeToken(token) }, keywordExtras(this.fileName, this.tokenSpan(token), token.image, word)));
    readAsKeyword(token, word);
  }
}
