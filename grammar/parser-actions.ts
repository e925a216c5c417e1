/**
 * The grammar of what happens on failure: deadlines, `on failure` and
 * `on exhausted` handlers, and their actions (`fail`, `rollback`,
 * `incident`).
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import { recorded } from './parser-base.js';
import { diagnostic } from './diagnostic.js';
import { misspells } from './misspelt-keywords.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces } from './header-places.js';
import { describeToken } from './syntax-errors.js';
import { RetryParser } from './parser-retry.js';
import * as T from './tokens.js';

const K = T.Keywords;

/** Where a misspelt keyword is read as the keyword it misspells. */
const places = {
  itemRef: keywordPlace('`ref` or the next item', K.ref),
  trigger: keywordPlace('`failure` or `exhausted`', K.failure, K.exhausted),
  action: keywordPlace('`fail`, `rollback` or `incident`', K.fail, K.rollback, K.incident),
  resolvers: keywordPlace('`or` or `then`', K.or, K.then),
  incidentThen: keywordPlace('`continue`, `retry` or `fail`', K.continue, K.retry, K.fail),
  incidentElse: keywordPlace('`else` or the next item', K.else),
};


export class ActionParser extends RetryParser {
  // deadline := "within" Duration "after" Name "else" action ref?
  protected deadline = this.ITEM_RULE('deadline', (): A.Deadline => {
    const start = this.here();
    this.CONSUME(K.within);
    const within = this.CONSUME(T.Duration);
    this.explainLostAnchor(start);
    this.CONSUME(K.after);
    const anchor = this.consumeName(1);
    this.CONSUME(K.else);
    const action = this.SUBRULE(this.action);
    this.readMisspeltKeyword(places.itemRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Deadline', within: this.duration(within), anchor, action, ref, start, end: this.endFrom(start) };
  });

  /**
   * A deadline without `after` and its anchor (`within 2h else …`, or
   * `within 2h` alone as a period over the retries): reported once at the
   * deadline, saying what it is measured from and where a retry period
   * belongs. The deadline is then abandoned as usual.
   */
  private explainLostAnchor(start: number): void {
    if (this.RECORDING_PHASE) return;
    const next = this.LA(1);
    if (next.tokenType === K.after || misspells(next, K.after)) return;
    this.explained.add(next);
    const duration = this.LA(0);
    const arrival = this.LA(-3)?.tokenType === K.await;
    const help = arrival
      ? `an arrival deadline is measured from an anchor, an artefact or a step that comes earlier: \`within ${duration.image} after ANCHOR else fail CODE\``
      : `a step deadline is measured from an anchor, an artefact or a step that comes earlier: \`within ${duration.image} after ANCHOR else fail CODE\`; a period over the retries belongs in the step's \`retry\` strategy`;
    const span = { start, end: this.tokenEnd(duration) };
    const expected = { expected: '`after` and the anchor the deadline is measured from', found: describeToken(next) };
    if (next.tokenType === T.Identifier && this.LA(2).tokenType === K.else) {
      // Only `after` is missing: the anchor is there.
      const insert = { file: this.fileName, span: { start: next.startOffset, end: next.startOffset }, text: 'after ' };
      const extras = { help: `write \`after\` before the anchor: \`within ${duration.image} after ${next.image}\``, fixes: [{ message: `insert \`after\` before \`${next.image}\``, edits: [insert] }] };
      this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, span, expected, extras));
      return;
    }
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, span, expected, { help }));
  }

  // onFailure := "on" ("failure" | "exhausted") action ref?
  protected failureHandler = this.ITEM_RULE('failureHandler', (): A.FailureHandler => {
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
    this.skipHeaderStrays(headerPlaces.incidentResolvers);
    this.readMisspeltKeyword(places.resolvers);
    this.MANY(() => {
      this.CONSUME(K.or);
      const resolver = this.consumeName(2);
      if (!this.RECORDING_PHASE) this.add(resolvers, resolver);
      this.skipHeaderStrays(headerPlaces.incidentResolvers);
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
