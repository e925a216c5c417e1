/**
 * The parser's foundation: token-to-node helpers and the expression rules
 * shared by guards and check predicates. `PolicyParser` extends it with the
 * declarations.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type { BinaryOperator, DurationLit, Expr, Ident, Missing, Name, NumberLit, Ref, Span, StringLit } from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { decodeString, parseDuration } from './literals.js';
import { syntaxErrorMessages } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;

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
  }

  /** Resets the parser to read `tokens` of `file`. */
  protected begin(tokens: IToken[], file: string): void {
    this.input = tokens;
    this.fileName = file;
    this.nodeDiagnostics = [];
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

  protected spanFrom(start: number): Span {
    return { start, end: Math.max(start, this.lastEnd()) };
  }

  protected missing(): Missing {
    const at = this.lastEnd();
    return { kind: 'Missing', span: { start: at, end: at } };
  }

  protected isGap(token: IToken): boolean {
    return token.isInsertedInRecovery === true || Number.isNaN(token.startOffset);
  }

  protected tokenSpan(token: IToken): Span {
    return { start: token.startOffset, end: token.startOffset + token.image.length };
  }

  protected ident(token: IToken): Name {
    if (this.isGap(token)) return this.missing();
    return { kind: 'Ident', name: token.image, span: this.tokenSpan(token) } satisfies Ident;
  }

  protected string(token: IToken): StringLit | Missing {
    if (this.isGap(token)) return this.missing();
    const span = this.tokenSpan(token);
    const { value, badEscape } = decodeString(token.image);
    if (badEscape !== undefined) {
      const start = span.start + badEscape.offset;
      this.nodeDiagnostics.push(
        diagnostic('invalid-escape', this.fileName, { start, end: start + badEscape.text.length }, { text: badEscape.text }),
      );
    }
    return { kind: 'String', value, span };
  }

  protected duration(token: IToken): DurationLit | Missing {
    if (this.isGap(token)) return this.missing();
    const span = this.tokenSpan(token);
    const ms = parseDuration(token.image);
    if (ms === undefined) {
      this.nodeDiagnostics.push(diagnostic('invalid-duration', this.fileName, span, { text: token.image }));
      return { kind: 'Duration', ms: Number.MAX_SAFE_INTEGER, span };
    }
    return { kind: 'Duration', ms, span };
  }

  protected number(token: IToken): NumberLit | Missing {
    if (this.isGap(token)) return this.missing();
    return { kind: 'Number', value: Number(token.image), span: this.tokenSpan(token) };
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
    return this.ACTION(() => ({ kind: 'Ref', section: this.string(section), span: this.spanFrom(start) }));
  });

  // nameList := Name ("," Name)*
  protected nameList(): Name[] {
    const names = [this.consumeName(4)];
    this.MANY9(() => {
      this.CONSUME9(T.Comma);
      const name = this.SUBRULE9(this.listedName);
      this.ACTION(() => names.push(name));
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
  private andExpr = this.RULE('andExpr', (): Expr => this.binaryChain(this.notExpr, K.and, 'and'));

  // not := "not" not | comparison
  private notExpr = this.RULE('notExpr', (): Expr => {
    const start = this.here();
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(K.not);
          const operand = this.SUBRULE(this.notExpr);
          return this.ACTION(() => ({ kind: 'Not', operand, span: this.spanFrom(start) }) as Expr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  // comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
  private comparison = this.RULE('comparison', (): Expr => {
    const start = this.here();
    let result = this.SUBRULE(this.primary);
    this.OPTION(() => {
      const operator = this.OR([
        { ALT: () => this.CONSUME(T.EqualEqual) },
        { ALT: () => this.CONSUME(T.NotEqual) },
        { ALT: () => this.CONSUME(T.LessEqual) },
        { ALT: () => this.CONSUME(T.GreaterEqual) },
        { ALT: () => this.CONSUME(T.Less) },
        { ALT: () => this.CONSUME(T.Greater) },
      ]);
      const right = this.SUBRULE2(this.primary);
      const left = result;
      result = this.ACTION(() => ({
        kind: 'Binary',
        operator: operator.image as BinaryOperator,
        left,
        right,
        span: this.spanFrom(start),
      }));
    });
    return result;
  });

  // primary := "(" expr ")" | "cohort" Name | "group" Name | "installation" "." AnyName
  //          | "true" | "false" | Number | Duration | String | Name
  private primary = this.RULE(
    'primary',
    (): Expr => {
      const start = this.here();
      return this.OR([
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
            this.CONSUME(K.cohort);
            const cohort = this.consumeName(1);
            return this.ACTION(() => ({ kind: 'CohortIs', cohort, span: this.spanFrom(start) }) as Expr);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.group);
            const group = this.consumeName(2);
            return this.ACTION(() => ({ kind: 'GroupIs', group, span: this.spanFrom(start) }) as Expr);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.installation);
            this.CONSUME(T.Dot);
            const field = this.consumeName(3, T.AnyName);
            return this.ACTION(() => ({ kind: 'FieldRef', field, span: this.spanFrom(start) }) as Expr);
          },
        },
        { ALT: () => this.literal(this.CONSUME(K.true), (t) => ({ kind: 'Bool', value: true, span: this.tokenSpan(t) })) },
        { ALT: () => this.literal(this.CONSUME(K.false), (t) => ({ kind: 'Bool', value: false, span: this.tokenSpan(t) })) },
        { ALT: () => this.literal(this.CONSUME(T.NumberLiteral), (t) => this.number(t)) },
        { ALT: () => this.literal(this.CONSUME(T.Duration), (t) => this.duration(t)) },
        { ALT: () => this.literal(this.CONSUME(T.StringLiteral), (t) => this.string(t)) },
        { ALT: () => this.literal(this.CONSUME(T.Identifier), (t) => this.ident(t)) },
      ]);
    },
    { recoveryValueFunc: () => this.missing() },
  );

  private literal(token: IToken, build: (token: IToken) => Expr): Expr {
    return this.ACTION(() => build(token));
  }

  private binaryChain(operand: () => Expr, operatorToken: TokenType, operator: BinaryOperator): Expr {
    const start = this.here();
    let result = this.SUBRULE(operand);
    this.MANY(() => {
      this.CONSUME(operatorToken);
      const right = this.SUBRULE2(operand);
      const left = result;
      result = this.ACTION(() => ({ kind: 'Binary', operator, left, right, span: this.spanFrom(start) }));
    });
    return result;
  }
}
