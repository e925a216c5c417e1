/**
 * The `installation` block of the declaration grammar: its fields and
 * their types (the four primitives, or an enumeration `A | B`), with the
 * recovery a half-typed field needs (a missing type, a missing `|`).
 */
import { EOF } from 'chevrotain';
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

export class InstallationParser extends FlowParser {
  // installationDecl := "installation" "{" field* "}"
  protected installationDecl = this.ITEM_RULE('installationDecl', (): A.InstallationDecl => {
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
}
