/**
 * The grammar of retry strategies: tiers, the total period, the attempt
 * limit, the per-attempt timeout and jitter.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast.js';
import { blocks } from './blocks.js';
import { diagnostic } from './diagnostic.js';
import { misspells } from './misspelt-keywords.js';
import { describeToken } from './syntax-errors.js';
import { ExpressionParser } from './parser-expressions.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces } from './header-places.js';
import * as T from './tokens.js';

const K = T.Keywords;

/** Where a misspelt keyword is read as the keyword it misspells. */
const places = {
  retryRef: keywordPlace('`ref` or `{`', K.ref),
  factorOrCap: keywordPlace('`factor`, `cap` or the next item', K.factor, K.cap),
  cap: keywordPlace('`cap` or the next item', K.cap),
};

export class RetryParser extends ExpressionParser {
  // retryDecl := "retry" Name ref? "{" retryItem* "}"
  protected retryDecl = this.ITEM_RULE('retryDecl', (): A.RetryDecl => {
    const start = this.here();
    this.CONSUME(K.retry);
    const name = this.consumeName(1);
    this.skipHeaderStrays(headerPlaces.retryAfterName);
    this.readMisspeltKeyword(places.retryRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.skipHeaderStrays(headerPlaces.retryAfterRef);
    const open = this.here();
    this.CONSUME(T.LBrace);
    const items = this.blockItems(this.retryItem, blocks.retry);
    return this.ACTION(() => ({ kind: 'Retry', name, ref, items, braces: this.bracesFrom(open), start, end: this.endFrom(start) }));
  });

  // retryItem := tier | "within" Duration | "attempts" Number | "timeout" Duration
  //            | "jitter" ("none" | "full" | Duration ".." Duration)
  private retryItem = this.ITEM_RULE('retryItem', (): A.RetryItem => {
    const start = this.here();
    return this.OR([
      { ALT: () => this.SUBRULE(this.tier) },
      {
        ALT: () => {
          this.CONSUME(K.within);
          const period = this.CONSUME1(T.Duration);
          return this.ACTION(() => ({ kind: 'RetryWithin', period: this.duration(period), start, end: this.endFrom(start) }) as A.RetryItem);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.attempts);
          const count = this.CONSUME(T.NumberLiteral);
          return this.ACTION(() => ({ kind: 'RetryAttempts', count: this.number(count), start, end: this.endFrom(start) }) as A.RetryItem);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.timeout);
          const limit = this.CONSUME2(T.Duration);
          return this.ACTION(() => ({ kind: 'RetryTimeout', limit: this.duration(limit), start, end: this.endFrom(start) }) as A.RetryItem);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.jitter);
          const jitterStart = this.here();
          const jitter = this.OR2([
            { ALT: () => this.jitterKind(this.CONSUME(K.none), 'JitterNone') },
            { ALT: () => this.jitterKind(this.CONSUME(K.full), 'JitterFull') },
            {
              ALT: (): A.Jitter => {
                const low = this.CONSUME3(T.Duration);
                this.CONSUME(T.DotDot);
                const high = this.CONSUME4(T.Duration);
                return this.ACTION(() => ({ kind: 'JitterRange', low: this.duration(low), high: this.duration(high), start: jitterStart, end: this.endFrom(jitterStart) }));
              },
            },
          ]);
          return this.ACTION(() => ({ kind: 'RetryJitter', jitter, start, end: this.endFrom(start) }) as A.RetryItem);
        },
      },
    ]);
  });

  private jitterKind(token: { startOffset: number; image: string }, kind: 'JitterNone' | 'JitterFull'): A.Jitter {
    return this.ACTION(() => ({ kind, start: token.startOffset, end: this.tokenEnd(token) }));
  }

  // tier := "tier" Name ":" (Number "retries")? "every" Duration ("factor" Number)? ("cap" Duration)?
  private tier = this.ITEM_RULE('tier', (): A.Tier => {
    const start = this.here();
    this.CONSUME(K.tier);
    const name = this.consumeName(1);
    this.CONSUME(T.Colon);
    const count = this.OPTION(() => {
      const token = this.CONSUME1(T.NumberLiteral);
      this.CONSUME(K.retries);
      return token;
    });
    const everyKeyword = this.CONSUME(K.every);
    const every = this.CONSUME1(T.Duration);
    let factor: A.NumberLit | A.Missing | undefined;
    let cap: A.DurationLit | A.Missing | undefined;
    this.readMisspeltKeyword(places.factorOrCap);
    this.OPTION2(() => {
      this.CONSUME(K.factor);
      const factorToken = this.CONSUME2(T.NumberLiteral);
      this.ACTION(() => (factor = this.number(factorToken)));
    });
    // `cap` parses on its own so that a cap on a fixed interval gets the
    // precise `cap-without-factor` diagnostic rather than a syntax error.
    this.readMisspeltKeyword(places.cap);
    this.OPTION3(() => {
      this.CONSUME(K.cap);
      const capToken = this.CONSUME2(T.Duration);
      this.ACTION(() => (cap = this.duration(capToken)));
    });
    const lateCount = count === undefined ? this.countAfterInterval(everyKeyword, every) : undefined;
    return this.ACTION(() => ({
      kind: 'Tier',
      name,
      count: count === undefined && lateCount === undefined ? undefined : this.number((count ?? lateCount)!),
      every: this.duration(every),
      factor,
      cap,
      start, end: this.endFrom(start),
    }));
  });

  /**
   * A count written after the interval, as other languages order it
   * (`every 2m 3 retries`): reported once, with mpol's order as the help
   * and the fix, and read as the tier's count, so the tier is whole.
   */
  private countAfterInterval(everyKeyword: IToken, every: IToken): IToken | undefined {
    if (this.RECORDING_PHASE) return undefined;
    const count = this.LA(1);
    const retries = this.LA(2);
    if (count.tokenType !== T.NumberLiteral || !(retries.tokenType === K.retries || misspells(retries, K.retries))) return undefined;
    const written = { start: count.startOffset, end: this.tokenEnd(retries) };
    const moved = `${count.image} retries`;
    const fix = {
      message: `move \`${moved}\` before \`every\``,
      edits: [
        { file: this.fileName, span: { start: everyKeyword.startOffset, end: everyKeyword.startOffset }, text: `${moved} ` },
        { file: this.fileName, span: { start: this.lastEnd(), end: written.end }, text: '' },
      ],
    };
    const help = `the count comes first: \`${moved} every ${every.image}\``;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, written, { expected: places.factorOrCap.expected, found: describeToken(count) }, { help, fixes: [fix] }));
    this.SKIP_TOKEN();
    this.SKIP_TOKEN();
    return count;
  }
}
