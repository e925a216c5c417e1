/**
 * The parser's first layer: Chevrotain's configuration and recovery in
 * blocks. An item its rule cannot finish is abandoned inside its block,
 * which reports a stray token once and skips to its next item, nested
 * braces whole and a doubled brace alone. `KeywordParser` adds misspelt
 * keywords, `ParserBase` the helpers that build nodes.
 */
import { EmbeddedActionsParser, EOF, isRecognitionException, type IRecognitionException, type IRuleConfig, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { Span } from './ast.js';
import { fitsAfter, type BlockKind } from './blocks.js';
import { BraceBalance } from './brace-balance.js';
import { decodeString } from './literals.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { keywordExtras, misspeltKeyword, readAsKeyword } from './misspelt-keywords.js';
import { describeToken, syntaxErrorMessages } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
const noStops: ReadonlySet<number> = new Set();
const typeKeywords: ReadonlySet<TokenType> = new Set([K.bool, K.text, K.number, K.duration]);

/** The parts of Chevrotain's recovery this parser changes (not in its public types). */
interface Recovery {
  attemptInRepetitionRecovery: () => void;
  tryInRuleRecovery: (expected: TokenType, follows: TokenType[]) => IToken;
  SAVE_ERROR: (error: IRecognitionException) => IRecognitionException;
}

export class RecoveringParser extends EmbeddedActionsParser {
  /** Diagnostics found while building nodes (bad escapes, huge durations). */
  protected nodeDiagnostics: Diagnostic[] = [];
  /** Names read as the keyword they misspell where Chevrotain reported the mismatch: its diagnostic gets the suggestion. */
  protected misspelt = new Map<IToken, T.Keyword>();
  /** Tokens whose mismatch a rule reported already, with a targeted help: Chevrotain's error there is not reported again. */
  protected explained = new Set<IToken>();
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
    // Chevrotain 11 has no public hooks for these (its version is pinned); test/grammar/recovery*.test.ts pin the behaviour.
    const tryInRuleRecovery = self.tryInRuleRecovery.bind(this);
    self.tryInRuleRecovery = (expected, follows) => this.recoverInRule(expected, () => tryInRuleRecovery(expected, follows));
    const saveError = self.SAVE_ERROR.bind(this);
    self.SAVE_ERROR = (error) => {
      this.lastErrorToken = error.token;
      return saveError(error);
    };
  }

  /** Whether a missing `}` at the end of the file was reported already (once is enough). */
  private reportedOpenBlock = false;
  /** The token where the last item abandoned by its rule failed: its error is recorded already. */
  private abandonedAt: IToken | undefined;
  /** The token of the last error Chevrotain recorded, and the first token of the block item parsed last. */
  private lastErrorToken: IToken | undefined;
  private lastItemStart: IToken | undefined;
  /**
   * Words and strings recovery skipped or dropped with an abandoned item:
   * what may have been declared there (`Provider "…"` after a lost
   * `party`), so its uses are not reported unknown as well.
   */
  protected unread = new Set<string>();
  /** How many blocks are open (the file not counted), and the file's braces once recovery needs them. */
  private openBlocks = 0;
  private braces: BraceBalance | undefined;

  /**
   * A rule for a declaration, a block item or a block: when it cannot
   * finish, the error goes to the enclosing block, which skips to the next
   * item with nested braces whole (`blockItems`). Chevrotain's own
   * re-synchronisation would skip to the next token that may follow the
   * rule, over a `{` into another block's items, and the `}` of that block
   * would then close this one.
   */
  protected ITEM_RULE<F extends () => unknown>(name: string, implementation: F, config: IRuleConfig<ReturnType<F>> = {}): ParserMethod<[], ReturnType<F>> {
    return this.RULE(name, implementation, { ...config, resyncEnabled: false });
  }

  /** Resets the parser to read `tokens` of `file`. */
  protected begin(tokens: IToken[], file: string): void {
    this.input = tokens;
    this.fileName = file;
    this.nodeDiagnostics = [];
    this.misspelt = new Map();
    this.explained = new Set();
    this.reportedOpenBlock = false;
    this.abandonedAt = undefined;
    this.lastErrorToken = undefined;
    this.lastItemStart = undefined;
    this.openBlocks = 0;
    this.braces = undefined;
    this.unread = new Set();
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
  private reportedAlready(token: IToken): boolean {
    if (token === this.abandonedAt) return true;
    const error = this.lastErrorToken;
    const item = this.lastItemStart;
    return error !== undefined && item !== undefined && !Number.isNaN(error.startOffset) && error.startOffset >= item.startOffset && error.startOffset <= token.startOffset;
  }

  /** Skips the next token, noting what it may have declared. */
  protected skip(): void {
    this.noteUnread(this.LA(1));
    this.SKIP_TOKEN();
  }

  /** Notes the tokens an abandoned item consumed, back from the last one to `first`. */
  private noteUnreadFrom(first: IToken): void {
    if (this.LA(1) === first) return;
    for (let back = 0; ; back--) {
      const token = this.LA(back);
      if (token.tokenType === EOF) return;
      this.noteUnread(token);
      if (token === first) return;
    }
  }

  private noteUnread(token: IToken): void {
    const type = token.tokenType;
    if (T.isOf(type, T.AnyName)) this.unread.add(token.image);
    else if (T.isOf(type, T.StringLiteral)) this.unread.add(decodeString(token.image).value);
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

  /** Chevrotain's in-rule recovery, for a required token that is not there; `KeywordParser` reads a misspelt keyword first. */
  protected recoverInRule(_expected: TokenType, recoverAsChevrotainDoes: () => IToken): IToken {
    return recoverAsChevrotainDoes();
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
