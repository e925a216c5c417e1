/**
 * The parser's recovery inside blocks. An item its rule cannot finish is
 * abandoned inside its block, which reports a stray token once and skips
 * to its next item, nested braces whole and a doubled brace alone
 * (`docs/decisions/0010`).
 */
import { EOF, isRecognitionException, type IRecognitionException, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import { fitsAfter, type BlockKind } from './blocks.js';
import { BraceBalance } from './brace-balance.js';
import { diagnostic } from './diagnostic.js';
import { keywordExtras, misspeltKeyword, readAsKeyword } from './misspelt-keywords.js';
import { RecoveringParser } from './parser-recovery.js';
import { describeToken } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
const noStops: ReadonlySet<number> = new Set();
const typeKeywords: ReadonlySet<TokenType> = new Set([K.bool, K.text, K.number, K.duration]);

export class BlockParser extends RecoveringParser {
  /** Whether a missing `}` at the end of the file was reported already (once is enough). */
  private reportedOpenBlock = false;
  /** The token where the last item abandoned by its rule failed: its error is recorded already. */
  private abandonedAt: IToken | undefined;
  /** The first token of the block item parsed last. */
  private lastItemStart: IToken | undefined;
  /** How many blocks are open (the file not counted), and the file's braces once recovery needs them. */
  private openBlocks = 0;
  private braces: BraceBalance | undefined;

  protected override begin(tokens: IToken[], file: string): void {
    super.begin(tokens, file);
    this.reportedOpenBlock = false;
    this.abandonedAt = undefined;
    this.lastItemStart = undefined;
    this.openBlocks = 0;
    this.braces = undefined;
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
    // In a block of `name: …` items, only a word followed by `:` (or by a type, the `:` forgotten) starts one.
    const gate = block.colonItems === true ? () => this.startsField() : () => true;
    const nested = block.stops !== 'top-level';
    if (nested) this.openBlocks++;
    // An error in the block's header is not one of its items': a stray token inside is reported.
    this.lastItemStart = undefined;
    try {
      this.parseItems(rule, block, items, gate);
      if (nested) this.closeBrace();
    } finally {
      if (nested) this.openBlocks--;
    }
    return items;
  }

  private parseItems<T>(rule: ParserMethod<[], T | undefined>, block: BlockKind, items: T[], gate: () => boolean): void {
    do {
      this.MANY({ GATE: gate, DEF: () => {
        const first = this.LA(1);
        this.lastItemStart = first;
        try {
          const item = this.SUBRULE(rule);
          if (!this.RECORDING_PHASE) this.add(items, item);
        } catch (error) {
          // An item its rule could not finish (`check MA001 installation.x`,
          // a `requires` missing) ends here, inside its block: Chevrotain
          // would re-synchronise wherever the next familiar token is, even
          // at the top level (`installation` starts a declaration there),
          // and read the rest of the block as declarations. Its error is
          // recorded; `skipToItem` goes on from the token it stopped at.
          if (!isRecognitionException(error as Error)) throw error;
          this.abandonedAt = (error as IRecognitionException).token;
          this.noteUnreadFrom(first);
          if (this.LA(1) === first) this.skip();
        }
      } });
    } while (this.skipToItem(block));
  }

  /**
   * Skips tokens that cannot start an item of this block, reporting the
   * first. Returns whether an item starts next, so the caller parses more.
   */
  protected skipToItem(block: BlockKind): boolean {
    const { starters, expected, stops } = block;
    const topLevel = stops === 'top-level';
    const stopAt = topLevel ? noStops : stops;
    const startsItem = (token: IToken): boolean => starters.has(token.tokenTypeIdx) && (block.colonItems !== true || this.LA(2).tokenType === T.Colon);
    if (this.RECORDING_PHASE) return false;
    let token = this.LA(1);
    if (token.tokenType === EOF || (token.tokenType === T.RBrace && !topLevel && !this.isExtraBrace(token))) return false;
    // A declaration keyword inside a block means its `}` is missing: the
    // caller's `closeBrace` reports that, and the declaration is parsed.
    if (stopAt.has(token.tokenTypeIdx) && !startsItem(token)) return false;
    // Field names may be any word, so in a block of fields no word is a misspelt keyword.
    const word = block.colonItems === true ? undefined : misspeltKeyword(token, starters);
    const extras = word === undefined ? {} : keywordExtras(this.fileName, this.tokenSpan(token), token.image, word);
    if (!this.reportedAlready(token)) this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected, found: describeToken(token) }, extras));
    if (word !== undefined) {
      // `stpe Commission …`: read as the step it misspells, so the step and its uses stay.
      readAsKeyword(token, word);
      return true;
    }
    // Skipped: nested braces whole, and a brace that is one too many alone.
    // Skipping stops at an item whose keyword is followed by what it takes.
    const resumesAt = (token: IToken): boolean => startsItem(token) && (block.colonItems === true || fitsAfter(token.tokenType, this.LA(2).tokenType));
    let depth = 0;
    while (token.tokenType !== EOF) {
      if (depth === 0) {
        if (resumesAt(token)) break;
        if (token.tokenType === T.RBrace) {
          if (!topLevel && !this.isExtraBrace(token)) break;
        } else if (stopAt.has(token.tokenTypeIdx)) return false;
        else if (token.tokenType === T.LBrace && !this.isExtraBrace(token)) depth++;
      } else if (token.tokenType === T.LBrace) depth++;
      else if (token.tokenType === T.RBrace) depth--;
      this.skip();
      token = this.LA(1);
    }
    return startsItem(token);
  }

  /**
   * Whether the stray `token` is part of a mistake reported already: where
   * an abandoned item's error stands, or just after an item that Chevrotain
   * reported an error in and re-synchronised (`type: | Dormant | Mixed`).
   */
  protected reportedAlready(token: IToken): boolean {
    if (token === this.abandonedAt) return true;
    const error = this.lastErrorToken;
    const item = this.lastItemStart;
    return error !== undefined && item !== undefined && !Number.isNaN(error.startOffset) && error.startOffset >= item.startOffset && error.startOffset <= token.startOffset;
  }

  /**
   * Whether the brace `token`, the next one, is one of a doubled pair
   * (`{ {`, `} }`) that is one too many, rather than a block's own.
   */
  private isExtraBrace(token: IToken): boolean {
    const type = token.tokenType;
    const doubled = this.LA(2).tokenType === type || (type === T.LBrace && this.LA(0)?.tokenType === T.LBrace);
    if (!doubled) return false;
    this.braces ??= new BraceBalance(this.input);
    return this.braces.isExtra(token, this.openBlocks);
  }

  /** Whether the file closes more blocks after `token` than are open: a `{` before it is missing. */
  protected openBraceLostBefore(token: IToken): boolean {
    this.braces ??= new BraceBalance(this.input);
    return this.braces.closesMore(token, this.openBlocks);
  }

  /** Whether a field starts next: a word, then `:`, a type keyword or an enumeration's first `|`. */
  private startsField(): boolean {
    const next = this.LA(2).tokenType;
    return next === T.Colon || typeKeywords.has(next) || (next === T.Identifier && this.LA(3).tokenType === T.Pipe);
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
}
