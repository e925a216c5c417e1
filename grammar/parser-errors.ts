/**
 * Error-code declarations of the declaration grammar: `error` with its
 * title and section, and the items of its block (the reports it lands in,
 * whether it may be resubmitted, the party responsible).
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import * as T from './tokens.js';
import { InstallationParser } from './parser-installation.js';
import { recorded } from './parser-base.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces as headers } from './header-places.js';
import { blocks } from './blocks.js';

const K = T.Keywords;
const errorRef = keywordPlace('`ref`, `{` or the next declaration', K.ref);
const resubmitAfter = keywordPlace('`after rollback` or the next item', K.after);

export class ErrorDeclarationParser extends InstallationParser {
  // errorDecl := "error" Name String ref? ("{" errorItem* "}")?
  // errorItem := "report" Name ("," Name)* | "resubmit" ("after" "rollback")? | "responsible" Name
  protected errorDecl = this.ITEM_RULE('errorDecl', (): A.ErrorDecl => {
    const start = this.here();
    this.CONSUME(K.error);
    const name = this.consumeName(1);
    const title = this.CONSUME(T.StringLiteral);
    this.skipHeaderStrays(headers.errorAfterTitle);
    this.readMisspeltKeyword(errorRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    this.skipHeaderStrays(headers.errorAfterRef);
    let items: A.ErrorItem[] = [];
    let braces: A.Braces | undefined;
    this.OPTION2(() => {
      const open = this.here();
      this.CONSUME(T.LBrace);
      items = this.blockItems(this.errorItem, blocks.error);
      if (!this.RECORDING_PHASE) braces = this.bracesFrom(open);
    });
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Error', name, title: this.string(title), ref, items, braces, start, end: this.endFrom(start) };
  });

  private errorItem = this.ITEM_RULE('errorItem', (): A.ErrorItem => this.OR(this.errorItemAlternatives));

  private readonly errorItemAlternatives: IOrAlt<A.ErrorItem>[] = [
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.report);
        const reports = this.nameList();
        return this.RECORDING_PHASE ? recorded : { kind: 'ErrorReports', reports, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.resubmit);
        this.readMisspeltKeyword(resubmitAfter);
        const afterRollback = this.OPTION(() => {
          this.CONSUME(K.after);
          this.CONSUME(K.rollback);
          return true;
        });
        return this.RECORDING_PHASE ? recorded : { kind: 'ErrorResubmit', afterRollback: afterRollback === true, start, end: this.endFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.here();
        this.CONSUME(K.responsible);
        const party = this.consumeName(1);
        return this.RECORDING_PHASE ? recorded : { kind: 'ErrorResponsible', party, start, end: this.endFrom(start) };
      },
    },
  ];
}
