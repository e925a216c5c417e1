/**
 * The declaration grammar. Each rule builds its AST node directly
 * (embedded actions): building a CST first and visiting it would cost a
 * third of the compile budget. The production is written above each rule.
 */
import type { IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import * as T from './tokens.js';
import { ErrorDeclarationParser } from './parser-errors.js';
import { recorded } from './parser-base.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces as headers } from './header-places.js';
import { blocks } from './blocks.js';

const K = T.Keywords;
const declarationRef = keywordPlace('`ref` or the next declaration', K.ref);

export class PolicyParser extends ErrorDeclarationParser {
  // file := topItem*
  public sourceFile = this.RULE(
    'sourceFile',
    (): A.SourceFile => {
      // Kept on the parser too, so a recovery that abandons the file keeps what was parsed.
      const items: A.TopItem[] = [];
      this.ACTION(() => (this.fileItems = items));
      this.blockItems(this.topItem, blocks.file, items);
      return { kind: 'SourceFile', items, start: 0, end: this.lastEnd() };
    },
    // If recovery gives up inside the last item, keep the items before it.
    { recoveryValueFunc: (): A.SourceFile => ({ kind: 'SourceFile', items: this.fileItems, start: 0, end: this.lastEnd() }) },
  );

  private fileItems: A.TopItem[] = [];

  private topItem = this.ITEM_RULE('topItem', (): A.TopItem | undefined => this.OR(this.topItemAlternatives), { recoveryValueFunc: () => undefined });

  /** Built once, as their functions use no local variable: an `OR` then allocates nothing per declaration. */
  private readonly topItemAlternatives: IOrAlt<A.TopItem>[] = [
    { ALT: () => this.SUBRULE(this.policyDecl) },
    { ALT: () => this.SUBRULE(this.importDecl) },
    { ALT: () => this.SUBRULE(this.sectionDecl) },
    { ALT: () => this.SUBRULE(this.partyDecl) },
    { ALT: () => this.SUBRULE(this.artefactDecl) },
    { ALT: () => this.SUBRULE(this.reportDecl) },
    { ALT: () => this.SUBRULE(this.installationDecl) },
    { ALT: () => this.SUBRULE(this.errorDecl) },
    { ALT: () => this.SUBRULE(this.retryDecl) },
    { ALT: () => this.SUBRULE(this.cohortDecl) },
    { ALT: () => this.SUBRULE(this.exclusionDecl) },
    { ALT: () => this.SUBRULE(this.migrationDecl) },
  ];

  // policyDecl := "policy" Name "version" String String
  private policyDecl = this.ITEM_RULE('policyDecl', (): A.PolicyDecl => {
    const start = this.here();
    this.CONSUME(K.policy);
    const name = this.consumeName(1);
    this.CONSUME(K.version);
    const version = this.CONSUME1(T.StringLiteral);
    const title = this.CONSUME2(T.StringLiteral);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Policy', name, version: this.string(version), title: this.string(title), start, end: this.endFrom(start) };
  });

  // importDecl := "import" String
  private importDecl = this.ITEM_RULE('importDecl', (): A.ImportDecl => {
    const start = this.here();
    this.CONSUME(K.import);
    const path = this.CONSUME(T.StringLiteral);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Import', path: this.string(path), start, end: this.endFrom(start) };
  });

  // sectionDecl := "section" String String
  private sectionDecl = this.ITEM_RULE('sectionDecl', (): A.SectionDecl => {
    const start = this.here();
    this.CONSUME(K.section);
    const number = this.CONSUME1(T.StringLiteral);
    const title = this.CONSUME2(T.StringLiteral);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Section', number: this.string(number), title: this.string(title), start, end: this.endFrom(start) };
  });

  // partyDecl := "party" Name String
  private partyDecl = this.ITEM_RULE('partyDecl', (): A.PartyDecl => {
    const start = this.here();
    this.CONSUME(K.party);
    const name = this.consumeName(1);
    const title = this.CONSUME(T.StringLiteral);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Party', name, title: this.string(title), start, end: this.endFrom(start) };
  });

  // artefactDecl := "artefact" Name String "by" Name
  private artefactDecl = this.ITEM_RULE('artefactDecl', (): A.ArtefactDecl => {
    const start = this.here();
    this.CONSUME(K.artefact);
    const name = this.consumeName(1);
    const title = this.CONSUME(T.StringLiteral);
    this.CONSUME(K.by);
    const producer = this.consumeName(2);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Artefact', name, title: this.string(title), producer, start, end: this.endFrom(start) };
  });

  // reportDecl := "report" Name String "to" Name
  private reportDecl = this.ITEM_RULE('reportDecl', (): A.ReportDecl => {
    const start = this.here();
    this.CONSUME(K.report);
    const name = this.consumeName(1);
    const title = this.CONSUME(T.StringLiteral);
    this.CONSUME(K.to);
    const recipient = this.consumeName(2);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Report', name, title: this.string(title), recipient, start, end: this.endFrom(start) };
  });

  // cohortDecl := "cohort" Name String ("{" ("group" Name String)* "}")?
  private cohortDecl = this.ITEM_RULE('cohortDecl', (): A.CohortDecl => {
    const start = this.here();
    this.CONSUME(K.cohort);
    const name = this.consumeName(1);
    const title = this.CONSUME(T.StringLiteral);
    this.skipHeaderStrays(headers.cohortAfterTitle);
    let groups: A.GroupDecl[] = [];
    let braces: A.Braces | undefined;
    this.OPTION(() => {
      const open = this.here();
      this.CONSUME(T.LBrace);
      groups = this.blockItems(this.groupDecl, blocks.cohort);
      if (!this.RECORDING_PHASE) braces = this.bracesFrom(open);
    });
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Cohort', name, title: this.string(title), groups, braces, start, end: this.endFrom(start) };
  });

  private groupDecl = this.ITEM_RULE('groupDecl', (): A.GroupDecl => {
    const start = this.here();
    this.CONSUME(K.group);
    const name = this.consumeName(1);
    const title = this.CONSUME(T.StringLiteral);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Group', name, title: this.string(title), start, end: this.endFrom(start) };
  });

  // exclusionDecl := "exclude" "after" Number "failed" "attempts" ref?
  private exclusionDecl = this.ITEM_RULE('exclusionDecl', (): A.ExclusionDecl => {
    const start = this.here();
    this.CONSUME(K.exclude);
    this.CONSUME(K.after);
    const attempts = this.CONSUME(T.NumberLiteral);
    this.CONSUME(K.failed);
    this.CONSUME(K.attempts);
    this.readMisspeltKeyword(declarationRef);
    const ref = this.OPTION(() => this.SUBRULE(this.ref));
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Exclusion', attempts: this.number(attempts), ref, start, end: this.endFrom(start) };
  });

  constructor() {
    super();
    this.performSelfAnalysis();
  }
}
