/**
 * The expression parser's recovery from mistakes inside a condition: a
 * missing comparison operator, a missing field name after `installation.`,
 * and `|` written for `or`. Each is reported once, so the rest of the
 * condition and the block after it are still read.
 */
import { EOF, type TokenType } from 'chevrotain';
import { diagnostic } from './diagnostic.js';
import { ConditionDepthParser } from './parser-condition-depth.js';
import { describeToken } from './syntax-errors.js';
import * as T from './tokens.js';

const K = T.Keywords;
/** Tokens that can only be a value: after a value, one means the operator between them is missing. */
const valueTokens: ReadonlySet<TokenType> = new Set([T.Identifier, T.ClosedString, T.OpenString, T.NumberLiteral, T.Duration, K.true, K.false]);
/** Tokens that may follow a whole condition: a block, an operator, a `)`, or the next item. */
const endsCondition: ReadonlySet<TokenType> = new Set([T.LBrace, T.RBrace, T.RParen, K.and, K.or, K.stage, K.step, K.check, K.on, K.within, K.retry, K.await, K.produces, K.may, K.undo, K.commit, EOF]);
/** Keywords that start an item with a name: after `installation.`, one followed by a name is that item. */
const itemsBeforeName: ReadonlySet<TokenType> = new Set([K.check, K.step, K.stage]);

export class ConditionRecoveryParser extends ConditionDepthParser {
  /**
   * Whether a comparison's operator is missing (`installation.type
   * Dormant`): a value follows a value. Reported here; the comparison is
   * then read whole, as a gap, so nothing checks it twice.
   */
  protected operatorLost(): boolean {
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
  protected fieldNameLost(): boolean {
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

  /**
   * A `|` after an operand (`cohort Pilot | cohort Main`), written for
   * `or` as in other languages: reported once as a foreign operator and
   * read as `or`, so the rest of the condition and the block after it are
   * still read.
   */
  protected readPipeAsOr(): void {
    const token = this.LA(1);
    if (this.RECORDING_PHASE || token.tokenType !== T.Pipe) return;
    const span = this.tokenSpan(token);
    const fix = { message: 'replace `|` with `or`', edits: [{ file: this.fileName, span, text: 'or' }] };
    this.nodeDiagnostics.push(diagnostic('foreign-operator', this.fileName, span, { text: '|' }, { help: 'write `or`', fixes: [fix] }));
    token.tokenType = K.or;
    token.tokenTypeIdx = K.or.tokenTypeIdx!;
  }
}
