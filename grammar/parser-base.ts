/**
 * The parser's foundation: token-to-node helpers and the expression rules
 * shared by guards and check predicates. `PolicyParser` extends it with the
 * declarations.
 */
import { EmbeddedActionsParser, EOF, type IOrAlt, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { BinaryOperator, DurationLit, Expr, Ident, Missing, Name, NumberLit, Ref, Span, StringLit } from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { decodeString, parseDuration } from './literals.js';
import type { BlockKind } from './blocks.js';
import { describeToken, syntaxErrorMessages } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
const noStops: ReadonlySet<number> = new Set();

/**
 * What a rule returns while Chevrotain records the grammar
 * (`performSelfAnalysis`), where tokens are placeholders and no node is
 * built: `ACTION` returns the same. Rules check `RECORDING_PHASE` rather
 * than wrap each node in `ACTION(() => …)`, which would allocate a closure
 * per node parsed.
 */
export const recorded = undefined as never;

export class ParserBase extends EmbeddedActionsParser {
  /** Diagnostics found while building nodes (bad escapes, huge durations). */
  protected nodeDiagnostics: Diagnostic[] = [];
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
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
  }

  /** Whether a missing `}` at the end of the file was reported already (once is enough). */
  private reportedOpenBlock = false;

  /** Resets the parser to read `tokens` of `file`. */
  protected begin(tokens: IToken[], file: string): void {
    this.input = tokens;
    this.fileName = file;
    this.nodeDiagnostics = [];
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
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected, found: describeToken(token) }));
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

  // ---- Helpers turning tokens into nodes -------------------------------

  /** The offset where the next token starts: a node's start. */
  protected here(): number {
    const next = this.LA(1);
    return Number.isNaN(next.startOffset) ? this.lastEnd() : next.startOffset;
  }

  /** The offset just after the last consumed token: a node's end. */
  protected lastEnd(): number {
    const last = this.LA(0);
    return last === undefined || Number.isNaN(last.startOffset) ? 0 : last.startOffset + last.image.length;
  }

  /** The end of a node that starts at `start`: just after the last consumed token. */
  protected endFrom(start: number): number {
    return Math.max(start, this.lastEnd());
  }

  protected missing(): Missing {
    const at = this.lastEnd();
    return { kind: 'Missing', start: at, end: at };
  }

  protected isGap(token: IToken): boolean {
    return token.isInsertedInRecovery === true || Number.isNaN(token.startOffset);
  }

  protected tokenEnd(token: { readonly startOffset: number; readonly image: string }): number {
    return token.startOffset + token.image.length;
  }

  /** A token's span, for a diagnostic. */
  protected tokenSpan(token: IToken): Span {
    return { start: token.startOffset, end: this.tokenEnd(token) };
  }

  protected ident(token: IToken): Name {
    if (this.isGap(token)) return this.missing();
    return { kind: 'Ident', name: token.image, start: token.startOffset, end: this.tokenEnd(token) } satisfies Ident;
  }

  protected string(token: IToken): StringLit | Missing {
    if (this.isGap(token)) return this.missing();
    const start = token.startOffset;
    const { value, badEscape } = decodeString(token.image);
    if (badEscape !== undefined) {
      const at = start + badEscape.offset;
      this.nodeDiagnostics.push(diagnostic('invalid-escape', this.fileName, { start: at, end: at + badEscape.text.length }, { text: badEscape.text }));
    }
    return { kind: 'String', value, start, end: this.tokenEnd(token) };
  }

  protected duration(token: IToken): DurationLit | Missing {
    if (this.isGap(token)) return this.missing();
    const start = token.startOffset;
    const end = this.tokenEnd(token);
    const ms = parseDuration(token.image);
    if (ms === undefined) {
      this.nodeDiagnostics.push(diagnostic('invalid-duration', this.fileName, { start, end }, { text: token.image }));
      return { kind: 'Duration', ms: Number.MAX_SAFE_INTEGER, start, end };
    }
    return { kind: 'Duration', ms, start, end };
  }

  protected number(token: IToken): NumberLit | Missing {
    if (this.isGap(token)) return this.missing();
    return { kind: 'Number', value: Number(token.image), start: token.startOffset, end: this.tokenEnd(token) };
  }

  protected consumeName(idx: number, type: TokenType = T.Identifier): Name {
    const token = this.consumeAt(idx, type);
    return this.RECORDING_PHASE ? this.missing() : this.ident(token);
  }

  private consumeAt(idx: number, type: TokenType): IToken {
    switch (idx) {
      case 1:
        return this.CONSUME1(type);
      case 2:
        return this.CONSUME2(type);
      case 3:
        return this.CONSUME3(type);
      case 4:
        return this.CONSUME4(type);
      case 5:
        return this.CONSUME5(type);
      case 6:
        return this.CONSUME6(type);
      default:
        return this.CONSUME7(type);
    }
  }

  // ref := "ref" String
  public ref = this.RULE('ref', (): Ref => {
    const start = this.here();
    this.CONSUME(K.ref);
    const section = this.CONSUME(T.StringLiteral);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Ref', section: this.string(section), start, end: this.endFrom(start) };
  });

  // nameList := Name ("," Name)*
  protected nameList(): Name[] {
    const names = [this.consumeName(4)];
    this.MANY9(() => {
      this.CONSUME9(T.Comma);
      const name = this.SUBRULE9(this.listedName);
      if (!this.RECORDING_PHASE) this.add(names, name);
    });
    return names;
  }

  private listedName = this.RULE('listedName', (): Name => this.consumeName(1), {
    recoveryValueFunc: () => this.missing(),
  });

  // ---- Expressions --------------------------------------------------------

  // expr := and ("or" and)*
  public expr = this.RULE('expr', (): Expr => this.binaryChain(this.andExpr, K.or, 'or'), {
    recoveryValueFunc: () => this.missing(),
  });

  // and := not ("and" not)*
  private andExpr = this.RULE('andExpr', (): Expr => this.binaryChain(this.notExpr, K.and, 'and'), {
    recoveryValueFunc: () => this.missing(),
  });

  // The alternatives of each `OR` below are built once: their functions use
  // no local variable, so an `OR` allocates nothing per expression parsed.

  // not := "not" not | comparison
  private notExpr = this.RULE('notExpr', (): Expr => this.OR(this.notAlternatives), { recoveryValueFunc: () => this.missing() });

  private readonly notAlternatives: IOrAlt<Expr>[] = [
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.not);
        const operand = this.SUBRULE(this.notExpr);
        if (this.RECORDING_PHASE) return recorded;
        return { kind: 'Not', operand, start, end: this.endFrom(start) };
      },
    },
    { ALT: () => this.SUBRULE(this.comparison) },
  ];

  // comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
  private comparison = this.RULE('comparison', (): Expr => {
    const start = this.here();
    let result = this.SUBRULE(this.primary);
    this.OPTION(() => {
      const operator = this.OR(this.comparisonOperators);
      const right = this.SUBRULE2(this.primary);
      if (!this.RECORDING_PHASE) result = { kind: 'Binary', operator: operator.image as BinaryOperator, left: result, right, start, end: this.endFrom(start) };
    });
    return result;
  }, { recoveryValueFunc: () => this.missing() });

  private readonly comparisonOperators: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(T.EqualEqual) },
    { ALT: () => this.CONSUME(T.NotEqual) },
    { ALT: () => this.CONSUME(T.LessEqual) },
    { ALT: () => this.CONSUME(T.GreaterEqual) },
    { ALT: () => this.CONSUME(T.Less) },
    { ALT: () => this.CONSUME(T.Greater) },
  ];

  // primary := "(" expr ")" | "cohort" Name | "group" Name | "installation" "." AnyName
  //          | "true" | "false" | Number | Duration | String | Name
  private primary = this.RULE('primary', (): Expr => this.OR(this.primaryAlternatives), { recoveryValueFunc: () => this.missing() });

  private readonly primaryAlternatives: IOrAlt<Expr>[] = [
    {
      ALT: () => {
        this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.expr);
        this.CONSUME(T.RParen);
        return inner;
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.cohort);
        const cohort = this.consumeName(1);
        if (this.RECORDING_PHASE) return recorded;
        return { kind: 'CohortIs', cohort, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.group);
        const group = this.consumeName(2);
        if (this.RECORDING_PHASE) return recorded;
        return { kind: 'GroupIs', group, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.installation);
        this.CONSUME(T.Dot);
        const field = this.consumeName(3, T.AnyName);
        if (this.RECORDING_PHASE) return recorded;
        return { kind: 'FieldRef', field, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(K.true);
        return this.RECORDING_PHASE ? recorded : { kind: 'Bool', value: true, start: token.startOffset, end: this.tokenEnd(token) };
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(K.false);
        return this.RECORDING_PHASE ? recorded : { kind: 'Bool', value: false, start: token.startOffset, end: this.tokenEnd(token) };
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(T.NumberLiteral);
        return this.RECORDING_PHASE ? recorded : this.number(token);
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(T.Duration);
        return this.RECORDING_PHASE ? recorded : this.duration(token);
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(T.StringLiteral);
        return this.RECORDING_PHASE ? recorded : this.string(token);
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(T.Identifier);
        return this.RECORDING_PHASE ? recorded : this.ident(token);
      },
    },
  ];

  private binaryChain(operand: () => Expr, operatorToken: TokenType, operator: BinaryOperator): Expr {
    const start = this.here();
    let result = this.SUBRULE(operand);
    this.MANY(() => {
      this.CONSUME(operatorToken);
      const right = this.SUBRULE2(operand);
      if (!this.RECORDING_PHASE) result = { kind: 'Binary', operator, left: result, right, start, end: this.endFrom(start) };
    });
    return result;
  }
}
