/**
 * The grammar of the migration flow: stages, guards, checks and steps.
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import { recorded } from './parser-base.js';
import { ActionParser } from './parser-actions.js';
import { keywordPlace } from './parser-keywords.js';
import { diagnostic } from './diagnostic.js';
import { describeToken } from './syntax-errors.js';
import { blocks } from './blocks.js';
import * as T from './tokens.js';

const K = T.Keywords;

/** What may follow a stage's or step's name, for messages about a misspelt part of the header. */
const stageHeader = '`ref`, `by`, a guard or `{`';
const stepHeader = '`ref`, `by`, a guard, `{` or the next item';
const checkHeader = '`ref`, a guard, `requires` or `external`';
/** Items only a step has: one after a step's header means its `{` is missing. */
const stepOnlyItems: ReadonlySet<number> = new Set([K.retry, K.await, K.produces, K.may, K.undo, K.commit].map((type) => type.tokenTypeIdx!));

/** Where a misspelt keyword is read as the keyword it misspells. */
const places = {
  checkAfterName: keywordPlace(checkHeader, K.ref, K.when, K.unless, K.requires, K.external),
  checkAfterRef: keywordPlace(checkHeader, K.when, K.unless, K.requires, K.external),
  checkPredicate: keywordPlace(checkHeader, K.requires, K.external),
  itemRef: keywordPlace('`ref` or the next item', K.ref),
  awaitDeadline: keywordPlace('`within` or the next item', K.within),
};

export class FlowParser extends ActionParser {
  // migrationDecl := "migration" "{" (stage | step | check | onFailure | deadline)* "}"
  protected migrationDecl = this.ITEM_RULE('migrationDecl', (): A.MigrationDecl => {
    const start = this.here();
    this.CONSUME(K.migration);
    const open = this.here();
    this.CONSUME(T.LBrace);
    const items = this.blockItems(this.migrationItem, blocks.migration);
    return this.ACTION(() => ({ kind: 'Migration', items, braces: this.bracesFrom(open), start, end: this.endFrom(start) }));
  });

  // The alternatives of the `OR`s of flow items are built once: their
  // functions use no local variable, so an `OR` allocates nothing per item.

  // migrationItem := stage | stageItem
  private migrationItem = this.ITEM_RULE('migrationItem', (): A.MigrationItem => this.OR(this.migrationItemAlternatives));

  private readonly migrationItemAlternatives: IOrAlt<A.MigrationItem>[] = [
    { ALT: () => this.SUBRULE(this.stageDecl) },
    { ALT: () => this.SUBRULE(this.stageItem) },
  ];

  // stageDecl := "stage" Name ref? ("by" Name)? guard? "{" stageItem* "}"
  private stageDecl = this.ITEM_RULE('stageDecl', (): A.StageDecl => {
    const start = this.here();
    this.CONSUME(K.stage);
    const name = this.consumeName(1);
    this.readMisspeltHeader(stageHeader);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.readMisspeltHeader(stageHeader);
    const party = this.OPTION2(() => {
      this.CONSUME(K.by);
      return this.consumeName(2);
    });
    this.readMisspeltHeader(stageHeader);
    const guard = this.OPTION3(() => this.SUBRULE(this.guard));
    const open = this.here();
    this.CONSUME(T.LBrace);
    const items = this.blockItems(this.stageItem, blocks.stage);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Stage', name, ref, party, guard, items, braces: this.bracesFrom(open), start, end: this.endFrom(start) };
  });

  // stageItem := step | check | onFailure | deadline
  private stageItem = this.ITEM_RULE('stageItem', (): A.StageItem => this.OR(this.stageItemAlternatives));

  private readonly stageItemAlternatives: IOrAlt<A.StageItem>[] = [
    { ALT: () => this.SUBRULE(this.stepDecl) },
    { ALT: () => this.SUBRULE(this.checkDecl) },
    { ALT: () => this.SUBRULE(this.failureHandler) },
    { ALT: () => this.SUBRULE(this.deadline) },
  ];

  // guard := ("when" | "unless") expr
  private guard = this.RULE('guard', (): A.Guard => {
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

  // checkDecl := "check" Name ref? guard? ("requires" expr | "external")
  private checkDecl = this.ITEM_RULE('checkDecl', (): A.CheckDecl => {
    const start = this.here();
    this.CONSUME(K.check);
    const code = this.consumeName(1);
    this.readMisspeltKeyword(places.checkAfterName);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.readMisspeltKeyword(places.checkAfterRef);
    const guard = this.OPTION2(() => this.SUBRULE(this.guard));
    this.readMisspeltKeyword(places.checkPredicate);
    const predicate = this.OR(this.checkPredicates);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Check', code, ref, guard, predicate, start, end: this.endFrom(start) };
  });

  private readonly checkPredicates: IOrAlt<A.Expr | undefined>[] = [
    {
      ALT: () => {
        this.CONSUME(K.requires);
        return this.SUBRULE(this.expr);
      },
    },
    { ALT: () => (this.CONSUME(K.external), undefined) },
  ];

  // stepDecl := "step" Name ref? ("by" Name)? guard? ("{" stepItem* "}")?
  private stepDecl = this.ITEM_RULE('stepDecl', (): A.StepDecl => {
    const start = this.here();
    this.CONSUME(K.step);
    const name = this.consumeName(1);
    this.readMisspeltHeader(stepHeader);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.readMisspeltHeader(stepHeader);
    const party = this.OPTION2(() => {
      this.CONSUME(K.by);
      return this.consumeName(2);
    });
    this.readMisspeltHeader(stepHeader);
    const guard = this.OPTION3(() => this.SUBRULE(this.guard));
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
