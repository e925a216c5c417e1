/**
 * Guards and check predicates: the expression rules, with `or` weaker than
 * `and`, `not` before comparisons.
 *
 * Invariant: a condition nests at most `conditionDepthLimit` levels
 * (parentheses, `not`s and operators on one path from the whole condition
 * to a value), so the parser and every later pass that walks a condition
 * recursively stay far inside the stack. A deeper condition is one
 * `condition-too-deep` error and a `Missing` node: the parser skips what
 * lies deeper without descending into it.
 */
import { EOF, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type { BinaryOperator, Expr } from './ast.js';
import { ParserBase, recorded } from './parser-base.js';
import { keywordPlace, type KeywordPlace } from './parser-keywords.js';
import { diagnostic } from './diagnostic.js';
import { describeToken } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
/** Tokens that can only be a value: after a value, one means the operator between them is missing. */
const valueTokens: ReadonlySet<TokenType> = new Set([T.Identifier, T.ClosedString, T.OpenString, T.NumberLiteral, T.Duration, K.true, K.false]);
/** Tokens that may follow a whole condition: a block, an operator, a `)`, or the next item. */
const endsCondition: ReadonlySet<TokenType> = new Set([T.LBrace, T.RBrace, T.RParen, K.and, K.or, K.stage, K.step, K.check, K.on, K.within, K.retry, K.await, K.produces, K.may, K.undo, K.commit, EOF]);
/** Keywords that start an item with a name: after `installation.`, one followed by a name is that item. */
const itemsBeforeName: ReadonlySet<TokenType> = new Set([K.check, K.step, K.stage]);
/** A comparison operator's token as the operator; `===` and `!==`, reported by the lexer, read as `==` and `!=`. */
function comparisonOperator(token: IToken): BinaryOperator {
  if (token.tokenType === T.EqualEqual) return '==';
  if (token.tokenType === T.NotEqual) return '!=';
  return token.image as BinaryOperator;
}
/** The deepest a condition may nest (docs/language.md, "Guards"). */
export const conditionDepthLimit = 64;

const orPlace = keywordPlace('`or` or the end of the condition', K.or);
const andPlace = keywordPlace('`and`, `or` or the end of the condition', K.and, K.or);

export class ExpressionParser extends ParserBase {
  /** Parentheses and `not`s open around the expression being parsed: the depth of the parser's own recursion. */
  private nesting = 0;
  /** The depth of each node built, for `conditionDepthLimit` (a value is 1). */
  private readonly depths = new WeakMap<Expr, number>();
  /** Whether the condition being parsed was reported too deep already. */
  private deepReported = false;

  // ---- Expressions --------------------------------------------------------

  // expr := and ("or" and)*
  public expr = this.RULE(
    'expr',
    (): Expr => {
      if (this.nesting === 0) this.deepReported = false;
      return this.binaryChain(this.andExpr, K.or, 'or', orPlace);
    },
    { recoveryValueFunc: () => this.missing() },
  );

  // and := not ("and" not)*
  private andExpr = this.RULE('andExpr', (): Expr => this.binaryChain(this.notExpr, K.and, 'and', andPlace), {
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
        const keyword = this.CONSUME(K.not);
        // Too deep already: the `not`s that follow are skipped, not descended into.
        const tooDeep = !this.RECORDING_PHASE && this.nesting >= conditionDepthLimit;
        if (tooDeep) {
          this.reportTooDeep(keyword);
          while (this.LA(1).tokenType === K.not) this.skip();
        }
        const operand = this.nested(() => this.SUBRULE(this.notExpr));
        if (this.RECORDING_PHASE) return recorded;
        if (tooDeep) return { kind: 'Missing', start, end: this.endFrom(start) };
        return this.atDepth({ kind: 'Not', operand, start, end: this.endFrom(start) }, this.depthAbove(operand), keyword);
      },
    },
    { ALT: () => this.SUBRULE(this.comparison) },
  ];

  // comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
  private comparison = this.RULE('comparison', (): Expr => {
    const start = this.here();
    let result = this.SUBRULE(this.primary);
    if (this.operatorLost()) {
      // Never while recording, so the second `primary` is recorded once, in the `OPTION`.
      this.SUBRULE2(this.primary);
      return { kind: 'Missing', start, end: this.endFrom(start) };
    }
    this.OPTION(() => {
      const operator = this.OR(this.comparisonOperators);
      const right = this.SUBRULE2(this.primary);
      if (!this.RECORDING_PHASE) {
        const binary: Expr = { kind: 'Binary', operator: comparisonOperator(operator), left: result, right, start, end: this.endFrom(start) };
        result = this.atDepth(binary, this.depthAbove(result, right), operator);
      }
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
  private primary = this.RULE(
    'primary',
    (): Expr => {
      this.readMisspeltCondition();
      return this.OR(this.primaryAlternatives);
    },
    { recoveryValueFunc: () => this.missing() },
  );

  private readonly primaryAlternatives: IOrAlt<Expr>[] = [
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        if (!this.RECORDING_PHASE && this.nesting >= conditionDepthLimit) {
          this.reportTooDeep(open);
          this.skipToClosingParen();
          this.CONSUME(T.RParen);
          return { kind: 'Missing', start: open.startOffset, end: this.endFrom(open.startOffset) };
        }
        const inner = this.nested(() => this.SUBRULE(this.expr));
        this.CONSUME(T.RParen);
        if (this.RECORDING_PHASE) return inner;
        // The parentheses count as a level, as they do for the parser.
        return this.atDepth(inner, this.depthAbove(inner), open);
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
        const field = this.fieldNameLost() ? this.missing() : this.consumeName(3, T.AnyName);
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

  /**
   * Whether a comparison's operator is missing (`installation.type
   * Dormant`): a value follows a value. Reported here; the comparison is
   * then read whole, as a gap, so nothing checks it twice.
   */
  private operatorLost(): boolean {
    if (this.RECORDING_PHASE) return false;
    const token = this.LA(1);
    // The value ends the condition too (`requires installation.x⏎ MA002 requires …` is a lost `check`, not this).
    if (!valueTokens.has(token.tokenType) || !endsCondition.has(this.LA(2).tokenType)) return false;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected: 'a comparison such as `==`', found: describeToken(token) }));
    return true;
  }

  /**
   * Whether the field name after `installation.` is missing, the next item
   * following (`installation.⏎ check MA002 …`). Field names may be
   * keywords, so without this `check` would be read as the field.
   */
  private fieldNameLost(): boolean {
    if (this.RECORDING_PHASE) return false;
    const token = this.LA(1);
    const next = this.LA(2).tokenType;
    const startsItem =
      (itemsBeforeName.has(token.tokenType) && next === T.Identifier) ||
      (token.tokenType === K.on && (next === K.failure || next === K.exhausted)) ||
      (token.tokenType === K.within && next === T.Duration);
    if (!startsItem) return false;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected: 'a field name', found: describeToken(token) }));
    return true;
  }

  private binaryChain(operand: () => Expr, operatorToken: TokenType, operator: BinaryOperator, place: KeywordPlace): Expr {
    const start = this.here();
    let result = this.SUBRULE(operand);
    // No name may follow an operand: one that misspells the operator (`andd`) is read as it.
    this.readMisspeltKeyword(place);
    this.readPipeAsOr();
    // A chain too long is read to its end, as one `Missing` node.
    let tooLong = false;
    this.MANY(() => {
      const token = this.CONSUME(operatorToken);
      const right = this.SUBRULE2(operand);
      if (!this.RECORDING_PHASE && !tooLong) {
        const depth = this.depthAbove(result, right);
        tooLong = depth > conditionDepthLimit;
        result = this.atDepth({ kind: 'Binary', operator, left: result, right, start, end: this.endFrom(start) }, depth, token);
      }
      this.readMisspeltKeyword(place);
      this.readPipeAsOr();
    });
    return tooLong ? { kind: 'Missing', start, end: this.endFrom(start) } : result;
  }

  /**
   * A `|` after an operand (`cohort Pilot | cohort Main`), written for
   * `or` as in other languages: reported once as a foreign operator and
   * read as `or`, so the rest of the condition and the block after it are
   * still read.
   */
  private readPipeAsOr(): void {
    const token = this.LA(1);
    if (this.RECORDING_PHASE || token.tokenType !== T.Pipe) return;
    const span = this.tokenSpan(token);
    const fix = { message: 'replace `|` with `or`', edits: [{ file: this.fileName, span, text: 'or' }] };
    this.nodeDiagnostics.push(diagnostic('foreign-operator', this.fileName, span, { text: '|' }, { help: 'write `or`', fixes: [fix] }));
    token.tokenType = K.or;
    token.tokenTypeIdx = K.or.tokenTypeIdx!;
  }

  /** Runs `parse` one level of parentheses or `not` deeper. */
  private nested(parse: () => Expr): Expr {
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  /** The depth of a node one level above `parts`. */
  private depthAbove(...parts: Expr[]): number {
    return 1 + Math.max(...parts.map((part) => this.depths.get(part) ?? 1));
  }

  /** `node` at `depth`, or a `Missing` node over it when that passes the limit (reported at `token`). */
  private atDepth(node: Expr, depth: number, token: IToken): Expr {
    if (depth <= conditionDepthLimit) {
      this.depths.set(node, depth);
      return node;
    }
    this.reportTooDeep(token);
    return { kind: 'Missing', start: node.start, end: node.end };
  }

  private reportTooDeep(token: IToken): void {
    if (this.deepReported) return;
    this.deepReported = true;
    this.nodeDiagnostics.push(diagnostic('condition-too-deep', this.fileName, this.tokenSpan(token), { limit: conditionDepthLimit }));
  }

  /** Skips up to the `)` that closes a `(` just read, without crossing a brace, whatever nests between. */
  private skipToClosingParen(): void {
    let open = 1;
    for (let token = this.LA(1); token.tokenType !== EOF && token.tokenType !== T.LBrace && token.tokenType !== T.RBrace; token = this.LA(1)) {
      if (token.tokenType === T.LParen) open++;
      else if (token.tokenType === T.RParen && --open === 0) return;
      this.skip();
    }
  }
}
