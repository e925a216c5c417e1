/**
 * Guards and check predicates: the expression rules, with `or` weaker than
 * `and`, `not` before comparisons. The depth limit of conditions is the
 * layer below (`parser-condition-depth.ts`), and the recovery from mistakes
 * inside a condition the one between (`parser-condition-recovery.ts`).
 */
import type { IOrAlt, IToken, TokenType } from 'chevrotain';
import type { BinaryOperator, Expr } from './ast.js';
import { recorded } from './parser-base.js';
import { conditionDepthLimit } from './parser-condition-depth.js';
import { ConditionRecoveryParser } from './parser-condition-recovery.js';
import { keywordPlace, type KeywordPlace } from './parser-keywords.js';
import * as T from './tokens.js';

const K = T.Keywords;
/** A comparison operator's token as the operator; `===` and `!==`, reported by the lexer, read as `==` and `!=`. */
function comparisonOperator(token: IToken): BinaryOperator {
  if (token.tokenType === T.EqualEqual) return '==';
  if (token.tokenType === T.NotEqual) return '!=';
  return token.image as BinaryOperator;
}

const orPlace = keywordPlace('`or` or the end of the condition', K.or);
const andPlace = keywordPlace('`and`, `or` or the end of the condition', K.and, K.or);

export class ExpressionParser extends ConditionRecoveryParser {
  // ---- Expressions --------------------------------------------------------

  // expr := and ("or" and)*
  public expr = this.RULE(
    'expr',
    (): Expr => {
      this.startCondition();
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
}
