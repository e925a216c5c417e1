/**
 * The parser's foundation: token-to-node helpers and the small rules
 * every declaration uses (`ref`, name lists). `ExpressionParser` extends
 * it with guards and predicates (over the layers of `parser-condition-*.ts`),
 * `PolicyParser` with the declarations.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Braces, DurationLit, Ident, Missing, Name, NumberLit, Ref, StringLit } from './ast.js';
import { diagnostic } from './diagnostic.js';
import { parseDuration } from '../common/duration.js';
import { decodeString, exactNumber } from './literals.js';
import { HeaderParser } from './parser-headers.js';
import * as T from './tokens.js';

const K = T.Keywords;

/**
 * What a rule returns while Chevrotain records the grammar
 * (`performSelfAnalysis`), where tokens are placeholders and no node is
 * built: `ACTION` returns the same. Rules check `RECORDING_PHASE` rather
 * than wrap each node in `ACTION(() => …)`, which would allocate a closure
 * per node parsed.
 */
export const recorded = undefined as never;

export class ParserBase extends HeaderParser {
  // ---- Helpers turning tokens into nodes -------------------------------

  /** The offset where the next token starts: a node's start. */
  protected here(): number {
    const next = this.LA(1);
    return Number.isNaN(next.startOffset) ? this.lastEnd() : next.startOffset;
  }

  /** The end of a node that starts at `start`: just after the last consumed token. */
  protected endFrom(start: number): number {
    return Math.max(start, this.lastEnd());
  }

  /** The braces of a block whose `{` is at `open`, read up to its `}`. */
  protected bracesFrom(open: number): Braces {
    return { start: open, end: this.endFrom(open) };
  }

  protected missing(): Missing {
    const at = this.lastEnd();
    return { kind: 'Missing', start: at, end: at };
  }

  protected isGap(token: IToken): boolean {
    return token.isInsertedInRecovery === true || Number.isNaN(token.startOffset);
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
      // Missing, as recovery leaves: no later check computes with a value the text does not hold.
      this.nodeDiagnostics.push(diagnostic('invalid-duration', this.fileName, { start, end }, { text: token.image }));
      return { kind: 'Missing', start, end };
    }
    return { kind: 'Duration', ms, start, end };
  }

  protected number(token: IToken): NumberLit | Missing {
    if (this.isGap(token)) return this.missing();
    const start = token.startOffset;
    const end = this.tokenEnd(token);
    const value = exactNumber(token.image);
    if (value === undefined) {
      const help = 'write a whole number up to 9,007,199,254,740,991, or a decimal of at most 15 significant digits';
      this.nodeDiagnostics.push(diagnostic('invalid-number', this.fileName, { start, end }, { text: token.image }, { help }));
      return { kind: 'Missing', start, end };
    }
    return { kind: 'Number', value, start, end };
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
}
