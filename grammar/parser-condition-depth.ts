/**
 * The depth limit of conditions, as a layer of the expression parser: the
 * nesting of the parser's own recursion, the depth of each node built, and
 * the one `condition-too-deep` error per condition.
 *
 * Invariant: a condition nests at most `conditionDepthLimit` levels
 * (parentheses, `not`s and operators on one path from the whole condition
 * to a value), so the parser and every later pass that walks a condition
 * recursively stay far inside the stack. A deeper condition is one
 * `condition-too-deep` error and a `Missing` node: the parser skips what
 * lies deeper without descending into it.
 */
import { EOF, type IToken } from 'chevrotain';
import type { Expr } from './ast.js';
import { diagnostic } from './diagnostic.js';
import { ParserBase } from './parser-base.js';
import * as T from './tokens.js';

/** The deepest a condition may nest (docs/language.md, "Guards"). */
export const conditionDepthLimit = 64;

export class ConditionDepthParser extends ParserBase {
  /** Parentheses and `not`s open around the expression being parsed: the depth of the parser's own recursion. */
  protected nesting = 0;
  /** The depth of each node built, for `conditionDepthLimit` (a value is 1). */
  private readonly depths = new WeakMap<Expr, number>();
  /** Whether the condition being parsed was reported too deep already. */
  private deepReported = false;

  /** Called as an expression starts: a whole condition (not one nested in another) may be reported again. */
  protected startCondition(): void {
    if (this.nesting === 0) this.deepReported = false;
  }

  /** Runs `parse` one level of parentheses or `not` deeper. */
  protected nested(parse: () => Expr): Expr {
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  /** The depth of a node one level above `parts`. */
  protected depthAbove(...parts: Expr[]): number {
    return 1 + Math.max(...parts.map((part) => this.depths.get(part) ?? 1));
  }

  /** `node` at `depth`, or a `Missing` node over it when that passes the limit (reported at `token`). */
  protected atDepth(node: Expr, depth: number, token: IToken): Expr {
    if (depth <= conditionDepthLimit) {
      this.depths.set(node, depth);
      return node;
    }
    this.reportTooDeep(token);
    return { kind: 'Missing', start: node.start, end: node.end };
  }

  protected reportTooDeep(token: IToken): void {
    if (this.deepReported) return;
    this.deepReported = true;
    this.nodeDiagnostics.push(diagnostic('condition-too-deep', this.fileName, this.tokenSpan(token), { limit: conditionDepthLimit }));
  }

  /** Skips up to the `)` that closes a `(` just read, without crossing a brace, whatever nests between. */
  protected skipToClosingParen(): void {
    let open = 1;
    for (let token = this.LA(1); token.tokenType !== EOF && token.tokenType !== T.LBrace && token.tokenType !== T.RBrace; token = this.LA(1)) {
      if (token.tokenType === T.LParen) open++;
      else if (token.tokenType === T.RParen && --open === 0) return;
      this.skip();
    }
  }
}
