/**
 * The parser's first layer: Chevrotain's configuration, the parts of its
 * recovery this parser changes, and what every later layer records while
 * recovering (diagnostics, skipped words, token offsets). `BlockParser`
 * adds recovery inside blocks, `KeywordParser` misspelt keywords,
 * `HeaderParser` stray tokens in headers, `ParserBase` the helpers that
 * build nodes.
 */
import { EmbeddedActionsParser, EOF, type IRecognitionException, type IRuleConfig, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { Span } from './ast.js';
import { decodeString } from './literals.js';
import type { Diagnostic } from './diagnostic.js';
import { syntaxErrorMessages } from './syntax-errors.js';
import * as T from './tokens.js';


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

  /** The token of the last error Chevrotain recorded. */
  protected lastErrorToken: IToken | undefined;
  /**
   * Words and strings recovery skipped or dropped with an abandoned item:
   * what may have been declared there (`Provider "…"` after a lost
   * `party`), so its uses are not reported unknown as well.
   */
  protected unread = new Set<string>();

  /**
   * A rule for a declaration, a block item or a block: when it cannot
   * finish, the error goes to the enclosing block, which skips to the next
   * item with nested braces whole (`BlockParser.blockItems`). Chevrotain's own
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
    this.lastErrorToken = undefined;
    this.unread = new Set();
  }

  // ---- Skipped text --------------------------------------------------------

  /** Skips the next token, noting what it may have declared. */
  protected skip(): void {
    this.noteUnread(this.LA(1));
    this.SKIP_TOKEN();
  }

  /** Notes the tokens an abandoned item consumed, back from the last one to `first`. */
  protected noteUnreadFrom(first: IToken): void {
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
