/**
 * The grammar of steps and their items, and of the guards of steps and
 * stages. `FlowParser` has the migration block, stages and checks.
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import { recorded } from './parser-base.js';
import { ActionParser } from './parser-actions.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces as headers } from './header-places.js';
import { diagnostic } from './diagnostic.js';
import { describeToken } from './syntax-errors.js';
import { blocks } from './blocks.js';
import * as T from './tokens.js';

const K = T.Keywords;

/** What may follow a step's name, for messages about a misspelt part of the header. */
const stepHeader = '`ref`, `by`, a guard, `{` or the next item';
/** Items only a step has: one after a step's header means its `{` is missing. */
const stepOnlyItems: ReadonlySet<number> = new Set([K.retry, K.await, K.produces, K.may, K.undo, K.commit].map((type) => type.tokenTypeIdx!));

/** Where a misspelt keyword is read as the keyword it misspells. */
const places = {
  itemRef: keywordPlace('`ref` or the next item', K.ref),
  awaitDeadline: keywordPlace('`within` or the next item', K.within),
};

export class StepParser extends ActionParser {
  // guard := ("when" | "unless") expr
  protected guard = this.RULE('guard', (): A.Guard => {
    const start = this.here();
    const negated = this.OR(this.guardWords);
    const expr = this.SUBRULE(this.expr);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Guard', negated, expr, start, end: this.endFrom(start) };
  });

  private readonly guardWords: IOrAlt<boolean>[] = [
    { ALT: () => (this.CONSUME(K.when), false) },
    { ALT: () => (this.CONSUME(K.unless), true) },
  ];

  // stepDecl := "step" Name ref? ("by" Name)? guard? ("{" stepItem* "}")?
  protected stepDecl = this.ITEM_RULE('stepDecl', (): A.StepDecl => {
    const start = this.here();
    this.CONSUME(K.step);
    const name = this.consumeName(1);
    this.skipHeaderStrays(headers.blockAfterName);
    this.readMisspeltHeader(stepHeader);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.skipHeaderStrays(headers.blockAfterRef);
    this.readMisspeltHeader(stepHeader);
    const party = this.OPTION2(() => {
      this.CONSUME(K.by);
      return this.consumeName(2);
    });
    this.skipHeaderStrays(headers.blockAfterParty);
    this.readMisspeltHeader(stepHeader);
    const guard = this.OPTION3(() => this.SUBRULE(this.guard));
    this.skipHeaderStrays(headers.blockAfterGuard);
    let items: A.StepItem[] = [];
    let braces: A.Braces | undefined;
    const open = this.here();
    // Never while recording, so `blockItems` is recorded once, in the `OPTION4`.
    if (this.lostOpenBrace()) {
      items = this.blockItems(this.stepItem, blocks.step);
      braces = this.bracesFrom(open);
    } else {
      this.OPTION4(() => {
        this.CONSUME(T.LBrace);
        items = this.blockItems(this.stepItem, blocks.step);
        if (!this.RECORDING_PHASE) braces = this.bracesFrom(open);
      });
    }
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Step', name, ref, party, guard, items, braces, start, end: this.endFrom(start) };
  });

  /**
   * Whether a step's `{` is missing before its items (`step A by P⏎ await
   * X …`): an item only a step has comes next, or one a stage has too
   * while the file has a `}` too many. Reported once; the items are then
   * read as the step's, up to its `}`.
   */
  private lostOpenBrace(): boolean {
    const token = this.LA(1);
    if (this.RECORDING_PHASE) return false;
    // `on` and `within` start items of the enclosing block too: theirs unless a `}` is left over.
    const lost = stepOnlyItems.has(token.tokenTypeIdx) || ((token.tokenType === K.on || token.tokenType === K.within) && this.openBraceLostBefore(token));
    if (!lost) return false;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected: '`{` before the step\'s items', found: describeToken(token) }));
    return true;
  }

  // stepItem := "retry" Name | "await" Name deadline? | deadline | "produces" Name | "may" "fail" Name ("," Name)*
  //           | "undo" Name "by" Name ref? | "commit" | onFailure
  private stepItem = this.ITEM_RULE('stepItem', (): A.StepItem => this.OR(this.stepItemAlternatives));

  private readonly stepItemAlternatives: IOrAlt<A.StepItem>[] = [
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.retry);
        const strategy = this.consumeName(1);
        return this.RECORDING_PHASE ? recorded : { kind: 'StepRetry', strategy, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.await);
        const artefact = this.consumeName(2);
        // Greedy: a `within` right after the artefact is always its arrival deadline, never a step deadline.
        this.skipHeaderStrays(headers.awaitDeadline);
        this.readMisspeltKeyword(places.awaitDeadline);
        const deadline = this.OPTION2(() => this.SUBRULE2(this.deadline));
        return this.RECORDING_PHASE ? recorded : { kind: 'StepAwait', artefact, deadline, start, end: this.endFrom(start) };
      },
    },
    { ALT: () => this.SUBRULE(this.deadline) },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.produces);
        const artefact = this.consumeName(3);
        return this.RECORDING_PHASE ? recorded : { kind: 'StepProduces', artefact, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.may);
        this.CONSUME(K.fail);
        const codes = this.nameList();
        return this.RECORDING_PHASE ? recorded : { kind: 'StepMayFail', codes, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.undo);
        const name = this.consumeName(5);
        this.CONSUME(K.by);
        const party = this.consumeName(6);
        this.readMisspeltKeyword(places.itemRef);
        const ref = this.OPTION(() => this.SUBRULE(this.ref));
        return this.RECORDING_PHASE ? recorded : { kind: 'Undo', name, party, ref, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.commit);
        return this.RECORDING_PHASE ? recorded : { kind: 'StepCommit', start, end: this.endFrom(start) };
      },
    },
    { ALT: () => this.SUBRULE(this.failureHandler) },
  ];
}
