/**
 * The parser's stray tokens in headers. A header is what comes before a
 * body: a block's `{` (a step, a stage, an error, a retry strategy), a
 * check's predicate, an await's deadline, an incident's `then`. A token
 * in it that no part of the header takes (`step Commission 42 by
 * Provider {`, `retry Standard ref "1" ; {`) is reported once and
 * skipped, and the header goes on: left to the enclosing block, it would
 * skip the whole body, and mistakes inside it would go unreported.
 */
import { EOF, type IToken } from 'chevrotain';
import { diagnostic } from './diagnostic.js';
import type { HeaderPlace } from './header-places.js';
import { misspeltKeyword } from './misspelt-keywords.js';
import { KeywordParser } from './parser-keywords.js';
import { describeToken } from './syntax-errors.js';
import * as T from './tokens.js';

export class HeaderParser extends KeywordParser {
  /**
   * Skips stray tokens before the next part of a header, reporting the
   * first once: tokens that are followed, before anything that ends the
   * header (`stops`, a brace the header does not take, the end of the
   * file), by what may come next at `place`. Anything else is left to the
   * enclosing block: the header may simply have ended there.
   */
  protected skipHeaderStrays(place: HeaderPlace): void {
    if (this.RECORDING_PHASE) return;
    const first = this.LA(1);
    if (this.goesOn(first, place) || this.endsHeader(first, place)) return;
    let count = 1;
    for (let token = this.LA(2); !this.goesOn(token, place); token = this.LA(++count + 1)) {
      if (this.endsHeader(token, place)) return;
    }
    // After an error in the same item (`when installation installation.x {`), the stray is part of it.
    if (!this.reportedAlready(first)) {
      this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(first), { expected: place.expected, found: describeToken(first) }));
    }
    for (let skipped = 0; skipped < count; skipped++) this.skip();
  }

  /** Whether `token` goes on with the header at `place`: a part that may come there, or a word that misspells one. */
  private goesOn(token: IToken, place: HeaderPlace): boolean {
    return place.next.has(token.tokenTypeIdx) || misspeltKeyword(token, place.keywords) !== undefined;
  }

  /** Whether `token` ends the header: it starts an item or a declaration (or misspells a keyword that does), or is a brace or the end. */
  private endsHeader(token: IToken, place: HeaderPlace): boolean {
    const type = token.tokenType;
    if (type === EOF || type === T.RBrace || type === T.LBrace) return true;
    return place.stops.has(token.tokenTypeIdx) || misspeltKeyword(token, place.stops) !== undefined;
  }
}
