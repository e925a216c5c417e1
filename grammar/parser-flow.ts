/**
 * The grammar of the migration flow: the migration block, stages and
 * checks. `StepParser` has steps and guards.
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import { recorded } from './parser-base.js';
import { StepParser } from './parser-steps.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces as headers } from './header-places.js';
import { blocks } from './blocks.js';
import * as T from './tokens.js';

const K = T.Keywords;

/** What may follow a stage's name or a check's, for messages about a misspelt part of the header. */
const stageHeader = '`ref`, `by`, a guard or `{`';
const checkHeader = '`ref`, a guard, `requires` or `external`';

/** Where a misspelt keyword is read as the keyword it misspells. */
const places = {
  checkAfterName: keywordPlace(checkHeader, K.ref, K.when, K.unless, K.requires, K.external),
  checkAfterRef: keywordPlace(checkHeader, K.when, K.unless, K.requires, K.external),
  checkPredicate: keywordPlace(checkHeader, K.requires, K.external),
};

export class FlowParser extends StepParser {
  // migrationDecl := "migration" "{" (stage | step | check | onFailure | deadline)* "}"
  protected migrationDecl = this.ITEM_RULE('migrationDecl', (): A.MigrationDecl => {
    const start = this.here();
    this.CONSUME(K.migration);
    this.skipHeaderStrays(headers.migration);
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
    this.skipHeaderStrays(headers.blockAfterName);
    this.readMisspeltHeader(stageHeader);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.skipHeaderStrays(headers.blockAfterRef);
    this.readMisspeltHeader(stageHeader);
    const party = this.OPTION2(() => {
      this.CONSUME(K.by);
      return this.consumeName(2);
    });
    this.skipHeaderStrays(headers.blockAfterParty);
    this.readMisspeltHeader(stageHeader);
    const guard = this.OPTION3(() => this.SUBRULE(this.guard));
    this.skipHeaderStrays(headers.blockAfterGuard);
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

  // checkDecl := "check" Name ref? guard? ("requires" expr | "external")
  private checkDecl = this.ITEM_RULE('checkDecl', (): A.CheckDecl => {
    const start = this.here();
    this.CONSUME(K.check);
    const code = this.consumeName(1);
    this.skipHeaderStrays(headers.checkAfterName);
    this.readMisspeltKeyword(places.checkAfterName);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.skipHeaderStrays(headers.checkAfterRef);
    this.readMisspeltKeyword(places.checkAfterRef);
    const guard = this.OPTION2(() => this.SUBRULE(this.guard));
    this.skipHeaderStrays(headers.checkPredicate);
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
}
