/**
 * The grammar of retry strategies and the migration flow: stages, checks,
 * steps, deadlines and failure actions.
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import { recorded } from './parser-base.js';
import { ExpressionParser } from './parser-expressions.js';
import { keywordPlace } from './parser-recovery.js';
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
  retryRef: keywordPlace('`ref` or `{`', K.ref),
  factorOrCap: keywordPlace('`factor`, `cap` or the next item', K.factor, K.cap),
  cap: keywordPlace('`cap` or the next item', K.cap),
  checkAfterName: keywordPlace(checkHeader, K.ref, K.when, K.unless, K.requires, K.external),
  checkAfterRef: keywordPlace(checkHeader, K.when, K.unless, K.requires, K.external),
  checkPredicate: keywordPlace(checkHeader, K.requires, K.external),
  itemRef: keywordPlace('`ref` or the next item', K.ref),
  trigger: keywordPlace('`failure` or `exhausted`', K.failure, K.exhausted),
  action: keywordPlace('`fail`, `rollback` or `incident`', K.fail, K.rollback, K.incident),
  resolvers: keywordPlace('`or` or `then`', K.or, K.then),
  incidentThen: keywordPlace('`continue`, `retry` or `fail`', K.continue, K.retry, K.fail),
  incidentElse: keywordPlace('`else` or the next item', K.else),
};

export class FlowParser extends ExpressionParser {
  // retryDecl := "retry" Name ref? "{" retryItem* "}"
  protected retryDecl = this.ITEM_RULE('retryDecl', (): A.RetryDecl => {
    const start = this.here();
    this.CONSUME(K.retry);
    const name = this.consumeName(1);
    this.readMisspeltKeyword(places.retryRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.CONSUME(T.LBrace);
    const items = this.blockItems(this.retryItem, blocks.retry);
    return this.ACTION(() => ({ kind: 'Retry', name, ref, items, start, end: this.endFrom(start) }));
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
    this.CONSUME(K.every);
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
    return this.ACTION(() => ({
      kind: 'Tier',
      name,
      count: count === undefined ? undefined : asPresent(this.number(count)),
      every: this.duration(every),
      factor: factor === undefined ? undefined : asPresent(factor),
      cap: cap === undefined ? undefined : asPresent(cap),
      start, end: this.endFrom(start),
    }));
  });

  // migrationDecl := "migration" "{" (stage | step | check | onFailure | deadline)* "}"
  protected migrationDecl = this.ITEM_RULE('migrationDecl', (): A.MigrationDecl => {
    const start = this.here();
    this.CONSUME(K.migration);
    this.CONSUME(T.LBrace);
    const items = this.blockItems(this.migrationItem, blocks.migration);
    return this.ACTION(() => ({ kind: 'Migration', items, start, end: this.endFrom(start) }));
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
    this.CONSUME(T.LBrace);
    const items = this.blockItems(this.stageItem, blocks.stage);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Stage', name, ref, party, guard, items, start, end: this.endFrom(start) };
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
    // Never while recording, so `blockItems` is recorded once, in the `OPTION4`.
    if (this.lostOpenBrace()) items = this.blockItems(this.stepItem, blocks.step);
    else {
      this.OPTION4(() => {
        this.CONSUME(T.LBrace);
        items = this.blockItems(this.stepItem, blocks.step);
      });
    }
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Step', name, ref, party, guard, items, start, end: this.endFrom(start) };
  });

  /**
   * Whether a step's `{` is missing before its items (`step A by P⏎ await
   * X …`): an item only a step has comes next. Reported once; the items
   * are then read as the step's, up to its `}`.
   */
  private lostOpenBrace(): boolean {
    const token = this.LA(1);
    if (this.RECORDING_PHASE || !stepOnlyItems.has(token.tokenTypeIdx)) return false;
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected: '`{` before the step\'s items', found: describeToken(token) }));
    return true;
  }

  // stepItem := "retry" Name | "await" Name | deadline | "produces" Name | "may" "fail" Name ("," Name)*
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
        return this.RECORDING_PHASE ? recorded : { kind: 'StepAwait', artefact, start, end: this.endFrom(start) };
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

  // deadline := "within" Duration "after" Name "else" action ref?
  private deadline = this.ITEM_RULE('deadline', (): A.Deadline => {
    const start = this.here();
    this.CONSUME(K.within);
    const within = this.CONSUME(T.Duration);
    this.CONSUME(K.after);
    const anchor = this.consumeName(1);
    this.CONSUME(K.else);
    const action = this.SUBRULE(this.action);
    this.readMisspeltKeyword(places.itemRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Deadline', within: this.duration(within), anchor, action, ref, start, end: this.endFrom(start) };
  });

  // onFailure := "on" ("failure" | "exhausted") action ref?
  private failureHandler = this.ITEM_RULE('failureHandler', (): A.FailureHandler => {
    const start = this.here();
    this.CONSUME(K.on);
    this.readMisspeltKeyword(places.trigger);
    const trigger = this.OR(this.failureTriggers);
    const action = this.SUBRULE(this.action);
    this.readMisspeltKeyword(places.itemRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'FailureHandler', trigger, action, ref, start, end: this.endFrom(start) };
  });

  private readonly failureTriggers: IOrAlt<A.FailureHandler['trigger']>[] = [
    { ALT: () => (this.CONSUME(K.failure), 'failure' as const) },
    { ALT: () => (this.CONSUME(K.exhausted), 'exhausted' as const) },
  ];

  // action := "fail" Name | "rollback" "then" "fail" Name
  //         | "incident" "resolved" "by" Name ("or" Name)* "then" ("continue" | "retry" | "fail" Name) ("else" "fail" Name)?
  private action = this.RULE(
    'action',
    (): A.Action => {
      this.readMisspeltKeyword(places.action);
      return this.OR(this.actionAlternatives);
    },
    { recoveryValueFunc: () => this.missing() },
  );

  private readonly actionAlternatives: IOrAlt<A.Action>[] = [
    { ALT: () => this.SUBRULE(this.failAction) },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.rollback);
        this.CONSUME(K.then);
        this.CONSUME(K.fail);
        const code = this.consumeName(1);
        return this.RECORDING_PHASE ? recorded : { kind: 'Rollback', code, start, end: this.endFrom(start) };
      },
    },
    { ALT: () => this.SUBRULE(this.incident) },
  ];

  private failAction = this.RULE(
    'failAction',
    (): A.FailAction => {
      const start = this.here();
      this.CONSUME(K.fail);
      const code = this.consumeName(1);
      if (this.RECORDING_PHASE) return recorded;
      return { kind: 'Fail', code, start, end: this.endFrom(start) };
    },
    // A fail action that recovery abandoned still names its code as missing.
    { recoveryValueFunc: (): A.FailAction => ({ kind: 'Fail', code: this.missing(), start: this.lastEnd(), end: this.lastEnd() }) },
  );

  private incident = this.RULE('incident', (): A.IncidentAction => {
    const start = this.here();
    this.CONSUME(K.incident);
    this.CONSUME(K.resolved);
    this.CONSUME(K.by);
    const resolvers = [this.consumeName(1)];
    this.readMisspeltKeyword(places.resolvers);
    this.MANY(() => {
      this.CONSUME(K.or);
      const resolver = this.consumeName(2);
      if (!this.RECORDING_PHASE) this.add(resolvers, resolver);
      this.readMisspeltKeyword(places.resolvers);
    });
    this.CONSUME(K.then);
    this.readMisspeltKeyword(places.incidentThen);
    const then = this.OR(this.incidentThens);
    this.readMisspeltKeyword(places.incidentElse);
    const elseCode = this.OPTION(() => {
      this.CONSUME(K.else);
      this.CONSUME(K.fail);
      return this.consumeName(3);
    });
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Incident', resolvers, then, elseCode, start, end: this.endFrom(start) };
  });

  private readonly incidentThens: IOrAlt<A.IncidentThen>[] = [
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.continue);
        return this.RECORDING_PHASE ? recorded : { kind: 'Continue', start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.retry);
        return this.RECORDING_PHASE ? recorded : { kind: 'RetryStep', start, end: this.endFrom(start) };
      },
    },
    { ALT: () => this.SUBRULE1(this.failAction) },
  ];
}

function asPresent<T extends { kind: string }>(node: T | A.Missing): T | undefined {
  return node.kind === 'Missing' ? undefined : (node as T);
}
