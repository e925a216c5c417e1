/**
 * The parser's first layer: Chevrotain's configuration and recovery.
 * Blocks recover themselves (a stray token is reported once and skipped,
 * nested braces whole), and a name that misspells the keyword expected
 * where it stands is read as that keyword. `ParserBase` adds the helpers
 * that build nodes.
 */
import { EmbeddedActionsParser, EOF, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { Span } from './ast.js';
import type { BlockKind } from './blocks.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { keywordHelp, misspeltKeyword, readAsKeyword } from './misspelt-keywords.js';
import { describeToken, syntaxErrorMessages } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
const noStops: ReadonlySet<number> = new Set();
const conditionBeforeName = [K.cohort.tokenTypeIdx!, K.group.tokenTypeIdx!];
const conditionBeforeDot = [K.installation.tokenTypeIdx!];
const headerBeforeString = [K.ref.tokenTypeIdx!];
const headerBeforeName = [K.by.tokenTypeIdx!, K.when.tokenTypeIdx!, K.unless.tokenTypeIdx!];
const guardKeywords = [K.when.tokenTypeIdx!, K.unless.tokenTypeIdx!];
/** Tokens that start a condition but not a name: after one, a misspelt word can only be `when` or `unless`. */
const conditionStarters: ReadonlySet<TokenType> = new Set([K.cohort, K.group, K.installation, K.not, K.true, K.false, T.LParen]);
const identifierIdx = T.Identifier.tokenTypeIdx!;

/** A place in the grammar where only keywords may stand: which ones, and how messages name what may come there. */
export interface KeywordPlace {
  readonly keywords: readonly number[];
  readonly expected: string;
}

export function keywordPlace(expected: string, ...keywords: TokenType[]): KeywordPlace {
  return { keywords: keywords.map((type) => type.tokenTypeIdx!), expected };
}

/** The parts of Chevrotain's recovery this parser changes (not in its public types). */
interface Recovery {
  attemptInRepetitionRecovery: () => void;
  tryInRuleRecovery: (expected: TokenType, follows: TokenType[]) => IToken;
}

export class RecoveringParser extends EmbeddedActionsParser {
  /** Diagnostics found while building nodes (bad escapes, huge durations). */
  protected nodeDiagnostics: Diagnostic[] = [];
  /** Names read as the keyword they misspell where Chevrotain reported the mismatch: its diagnostic gets the suggestion. */
  protected misspelt = new Map<IToken, T.Keyword>();
  protected fileName = '';

  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      errorMessageProvider: syntaxErrorMessages,
    });
    // Chevrotain's between-iterations recovery skips to the first token that
    // may follow a repetition, ignoring nesting: in `step A when x y { … } }`
    // it would take the step's `}` for the block's. Blocks recover with
    // `skipToItem` instead, which skips nested braces whole.
    const self = this as unknown as Recovery;
    self.attemptInRepetitionRecovery = () => {};
    // Chevrotain 11 has no public hook here (its version is pinned); test/grammar/recovery.test.ts pins the behaviour.
    const tryInRuleRecovery = self.tryInRuleRecovery.bind(this);
    self.tryInRuleRecovery = (expected, follows) => this.recoverInRule(expected, () => tryInRuleRecovery(expected, follows));
  }

  /** Whether a missing `}` at the end of the file was reported already (once is enough). */
  private reportedOpenBlock = false;

  /** Resets the parser to read `tokens` of `file`. */
  protected begin(tokens: IToken[], file: string): void {
    this.input = tokens;
    this.fileName = file;
    this.nodeDiagnostics = [];
    this.misspelt = new Map();
    this.reportedOpenBlock = false;
  }

  // ---- Recovery inside blocks ------------------------------------------
  //
  // Chevrotain's own recovery re-synchronises on the follow set of the rule
  // stack, which at the top of a block is every declaration keyword: a
  // misspelt step would drop the whole `migration` block and read its
  // guards as declarations. Blocks therefore recover themselves: a token
  // that starts no item is reported once, and tokens are skipped (nested
  // braces whole) until one starts an item or closes the block.

  /** Adds an item that recovery may have left out. */
  protected add<T>(list: T[], item: T | undefined): void {
    if (item !== undefined) list.push(item);
  }

  /**
   * The items of a block, parsed with `rule` until the block's `}` (which
   * it consumes), or until the end of the file for the file itself.
   * Items are added to `items` as they are parsed. Each rule calls this at
   * most once, as Chevrotain numbers repetitions per rule.
   */
  protected blockItems<T>(rule: ParserMethod<[], T | undefined>, block: BlockKind, items: T[] = []): T[] {
    do {
      this.MANY(() => {
        const item = this.SUBRULE(rule);
        if (!this.RECORDING_PHASE) this.add(items, item);
      });
    } while (this.skipToItem(block.starters, block.expected, block.stops));
    if (block.stops !== 'top-level') this.closeBrace();
    return items;
  }

  /**
   * Skips tokens that cannot start an item of this block, reporting the
   * first. Returns whether an item starts next, so the caller parses more.
   */
  protected skipToItem(starters: ReadonlySet<number>, expected: string, stops: ReadonlySet<number> | 'top-level'): boolean {
    const topLevel = stops === 'top-level';
    const stopAt = topLevel ? noStops : stops;
    if (this.RECORDING_PHASE) return false;
    let token = this.LA(1);
    if (token.tokenType === EOF || (token.tokenType === T.RBrace && !topLevel)) return false;
    // A declaration keyword inside a block means its `}` is missing: the
    // caller's `closeBrace` reports that, and the declaration is parsed.
    if (stopAt.has(token.tokenTypeIdx) && !starters.has(token.tokenTypeIdx)) return false;
    const word = misspeltKeyword(token, starters);
    const help = word === undefined ? undefined : keywordHelp(word);
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected, found: describeToken(token) }, { help }));
    if (word !== undefined) {
      // `stpe Commission …`: read as the step it misspells, so the step and its uses stay.
      readAsKeyword(token, word);
      return true;
    }
    let depth = 0;
    while (token.tokenType !== EOF) {
      if (depth === 0 && (starters.has(token.tokenTypeIdx) || (token.tokenType === T.RBrace && !topLevel))) break;
      if (depth === 0 && stopAt.has(token.tokenTypeIdx)) return false;
      if (token.tokenType === T.LBrace) depth++;
      else if (token.tokenType === T.RBrace) depth = Math.max(0, depth - 1);
      this.SKIP_TOKEN();
      token = this.LA(1);
    }
    return starters.has(token.tokenTypeIdx);
  }

  /** Consumes a block's `}`; at the end of the file, reports it missing once. */
  protected closeBrace(): void {
    if (!this.RECORDING_PHASE && this.LA(1).tokenType === EOF) {
      if (!this.reportedOpenBlock) {
        const at = this.lastEnd();
        this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, { start: at, end: at }, { expected: '`}`', found: 'the end of the file' }));
        this.reportedOpenBlock = true;
      }
      return;
    }
    this.CONSUME(T.RBrace);
  }

  /**
   * Chevrotain's in-rule recovery, for a required token that is not there:
   * first, a name that misspells it (`report R1 "…" too Provider`,
   * `3 ertries every 5m`) is read as it, where Chevrotain would insert the
   * keyword and take the misspelling for the next name, or give up on the
   * declaration. The mismatch Chevrotain has recorded becomes the one
   * diagnostic, with the suggestion.
   */
  private recoverInRule(expected: TokenType, recoverAsChevrotainDoes: () => IToken): IToken {
    const next = this.LA(1);
    const word = misspeltKeyword(next, [expected.tokenTypeIdx!]);
    if (word === undefined) return recoverAsChevrotainDoes();
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
      next === T.ClosedString || next === T.OpenString ? headerBeforeString : next === T.Identifier ? headerBeforeName : conditionStarters.has(next) ? guardKeywords : undefined;
    this.readMisspelt(token, candidates, expected);
  }

  private readMisspelt(token: IToken, candidates: readonly number[] | undefined, expected: string): void {
    const word = candidates === undefined ? undefined : misspeltKeyword(token, candidates);
    if (word === undefined) return;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected, found: describeToken(token) }, { help: keywordHelp(word) }));
    readAsKeyword(token, word);
  }

  // ---- Token offsets ------------------------------------------------------

  /** The offset just after the last consumed token: a node's end. */
  protected lastEnd(): number {
    const last = this.LA(0);
    return last === undefined || Number.isNaN(last.startOffset) ? 0 : last.startOffset + last.image.length;
  }

  protected tokenEnd(token: { readonly startOffset: number; readonly image: string }): number {
    return token.startOffset + token.image.length;
  }

  /** A token's span, for a diagnostic. */
  protected tokenSpan(token: IToken): Span {
    return { start: token.startOffset, end: this.tokenEnd(token) };
  }
}
