/**
 * The declaration grammar. Each rule builds its AST node directly
 * (embedded actions): building a CST first and visiting it would cost a
 * third of the compile budget. The production is written above each rule.
 */
import { EOF, type IOrAlt } from 'chevrotain';
import type * as A from './ast.js';
import * as T from './tokens.js';
import { FlowParser } from './parser-flow.js';
import { recorded } from './parser-base.js';
import { keywordPlace } from './parser-keywords.js';
import { headerPlaces as headers } from './header-places.js';
import { blocks } from './blocks.js';
import { diagnostic } from './diagnostic.js';
import { describeToken } from './syntax-errors.js';

const K = T.Keywords;
const primitiveTypes = keywordPlace('a type: `bool`, `text`, `number`, `duration` or an enumeration such as `A | B`', K.bool, K.text, K.number, K.duration);
const errorRef = keywordPlace('`ref`, `{` or the next declaration', K.ref);
const declarationRef = keywordPlace('`ref` or the next declaration', K.ref);
const resubmitAfter = keywordPlace('`after rollback` or the next item', K.after);


export class PolicyParser extends FlowParser {
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

  // installationDecl := "installation" "{" field* "}"
  private installationDecl = this.ITEM_RULE('installationDecl', (): A.InstallationDecl => {
    const start = this.here();
    this.CONSUME(K.installation);
    this.skipHeaderStrays(headers.installation);
    const open = this.here();
    this.CONSUME(T.LBrace);
    const fields = this.blockItems(this.fieldDecl, blocks.installation);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Installation', fields, braces: this.bracesFrom(open), start, end: this.endFrom(start) };
  });

  // field := AnyName ":" type
  // type  := "bool" | "text" | "number" | "duration" | Name ("|" Name)*
  private fieldDecl = this.ITEM_RULE('fieldDecl', (): A.FieldDecl => {
    const start = this.here();
    const name = this.consumeName(1, T.AnyName);
    this.CONSUME(T.Colon);
    if (this.typeIsMissing()) return { kind: 'Field', name, type: this.missing(), start, end: this.endFrom(start) };
    const typeStart = this.here();
    // A single name that misspells a type (`boo`, `tex`) would be an enumeration of one member.
    if (this.LA(2).tokenType !== T.Pipe) this.readMisspeltKeyword(primitiveTypes);
    const type = this.OR([
      { ALT: () => this.primitive(this.CONSUME(K.bool), 'bool') },
      { ALT: () => this.primitive(this.CONSUME(K.text), 'text') },
      { ALT: () => this.primitive(this.CONSUME(K.number), 'number') },
      { ALT: () => this.primitive(this.CONSUME(K.duration), 'duration') },
      {
        ALT: (): A.FieldType => {
          const members = [this.consumeName(2)];
          do {
            // `A |` then the next field's `name:` is a missing member, not the field.
            this.MANY({
              GATE: () => this.LA(3).tokenType !== T.Colon,
              DEF: () => {
                this.CONSUME(T.Pipe);
                const member = this.consumeName(3);
                this.ACTION(() => this.add(members, member));
              },
            });
          } while (this.lostPipe() && members.push(this.consumeName(3)) > 0);
          return this.ACTION(() => ({ kind: 'EnumType', members, start: typeStart, end: this.endFrom(typeStart) }));
        },
      },
    ]);
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'Field', name, type, start, end: this.endFrom(start) };
  });

  /**
   * Whether the `|` before the next member of an enumeration is missing
   * (`Active Dormant | Mixed`): a name follows that is not the next field.
   * Reported here; the member is then read as if the `|` were there.
   */
  private lostPipe(): boolean {
    if (this.RECORDING_PHASE || this.LA(1).tokenType !== T.Identifier) return false;
    const next = this.LA(2).tokenType;
    const memberFollows = next === T.Pipe || next === T.RBrace || next === EOF || (T.isOf(next, T.AnyName) && this.LA(3).tokenType === T.Colon);
    if (!memberFollows) return false;
    const token = this.LA(1);
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected: '`|` before the next member', found: describeToken(token) }));
    return true;
  }

  /**
   * Whether the field's type is missing (`type:` followed by the next
   * field's `name:` or the block's `}`), reported here: read as an
   * enumeration, the next field's name would be lost, and the field
   * itself is kept, so its uses resolve.
   */
  private typeIsMissing(): boolean {
    if (this.RECORDING_PHASE) return false;
    const type = this.LA(1).tokenType;
    const endsBlock = type === T.RBrace || type === EOF;
    // `bool:` is a type followed by a stray `:`, not a field named `bool`.
    const nextField = this.LA(2).tokenType === T.Colon && T.isOf(type, T.AnyName) && !primitiveTypes.keywords.includes(type.tokenTypeIdx!);
    if (!endsBlock && !nextField) return false;
    // At the end of the file, the missing `}` is reported, and covers it.
    if (type === EOF) return true;
    const token = this.LA(1);
    this.nodeDiagnostics.push(diagnostic('unexpected-token', this.fileName, this.tokenSpan(token), { expected: primitiveTypes.expected, found: describeToken(token) }));
    return true;
  }

  private primitive(token: { startOffset: number; image: string }, name: A.PrimitiveType['name']): A.FieldType {
    if (this.RECORDING_PHASE) return recorded;
    return { kind: 'PrimitiveType', name, start: token.startOffset, end: this.tokenEnd(token) };
  }

  // errorDecl := "error" Name String ref? ("{" errorItem* "}")?
  // errorItem := "report" Name ("," Name)* | "resubmit" ("after" "rollback")? | "responsible" Name
  private errorDecl = this.ITEM_RULE('errorDecl', (): A.ErrorDecl => {
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
