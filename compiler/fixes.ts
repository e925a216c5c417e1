/**
 * The structured fixes the binder offers beside a misspelt name's
 * did-you-mean: declare what is missing (a party, an artefact, a report,
 * an error code, a cohort, a section, an enumeration member) or import
 * the file that declares it. A declaration goes on the line after the
 * policy's last declaration of the same kind, so codes stay with codes;
 * with none yet, at the end of the file that names it.
 *
 * A stub's title is `"TODO"`: a fix cannot know what the name means, and
 * the word is easy to find again. A fix's message names the file it
 * writes to relative to the folder of the policy's root file.
 */
import type { DiagnosticExtras, Fix, Span, TextEdit } from '../grammar/index.js';
import { encodeString as quote } from '../grammar/index.js';
import type { PolicyFile } from './context.js';
import { relativeTo } from './relative-path.js';
import type { DeclKind, FieldSymbol, SectionSymbol, Symbol } from './symbols.js';

/** Kinds whose declaration a stub can stand for: each is a name and a title, and at most one other name. */
const declarable: readonly DeclKind[] = ['error', 'party', 'artefact', 'report', 'cohort'];

export class Fixes {
  private readonly texts: ReadonlyMap<string, string>;
  private readonly root: string;
  private lastOfKind: Map<DeclKind, Symbol> | undefined;

  constructor(
    files: readonly PolicyFile[],
    private readonly symbols: ReadonlyMap<string, Symbol>,
  ) {
    this.texts = new Map(files.map((file) => [file.path, file.text]));
    this.root = files[0]?.path ?? '';
  }

  /** A stub declaring `name` as the first declarable kind of `expected`, where `referrer` names it. */
  declare(name: string, expected: readonly DeclKind[], referrer: string): Fix | undefined {
    const kind = expected.find((k) => declarable.includes(k));
    if (kind === undefined) return undefined;
    const stub = this.stub(kind, name);
    if (stub === undefined) return undefined;
    const last = this.lastDeclared(kind);
    const edit = last === undefined ? this.atEnd(referrer, stub) : this.afterLine(last.file, last.node.end, stub);
    return edit && { message: `declare ${kind} \`${name}\` in \`${relativeTo(this.root, edit.file)}\``, edits: [edit] };
  }

  /** A section declared after the policy's last one. */
  declareSection(number: string, referrer: string, sections: ReadonlyMap<string, SectionSymbol>): Fix | undefined {
    let last: SectionSymbol | undefined;
    for (const section of sections.values()) last = section;
    const stub = `section ${quote(number)} "TODO"`;
    const edit = last === undefined ? this.atEnd(referrer, stub) : this.afterLine(last.file, last.span.end, stub);
    return edit && { message: `declare section \`${number}\` in \`${relativeTo(this.root, edit.file)}\``, edits: [edit] };
  }

  /** `import "specifier"` added to the root file, after its imports. */
  importInto(root: PolicyFile, specifier: string): Fix {
    let after: Span | undefined;
    for (const item of root.tree.items) if (item.kind === 'Import' || (item.kind === 'Policy' && after === undefined)) after = item;
    const line = `import ${quote(specifier)}`;
    const edit = after === undefined ? { file: root.path, span: { start: 0, end: 0 }, text: `${line}\n` } : this.afterLine(root.path, after.end, line);
    return { message: `import \`${specifier}\``, edits: [edit ?? { file: root.path, span: { start: 0, end: 0 }, text: `${line}\n` }] };
  }

  private stub(kind: DeclKind, name: string): string | undefined {
    const first = (of: DeclKind): string | undefined => this.firstDeclared(of)?.name;
    switch (kind) {
      case 'party':
        return `party ${name} "TODO"`;
      case 'cohort':
        return `cohort ${name} "TODO"`;
      case 'artefact': {
        const party = first('party');
        return party && `artefact ${name} "TODO" by ${party}`;
      }
      case 'report': {
        const party = first('party');
        return party && `report ${name} "TODO" to ${party}`;
      }
      case 'error': {
        const report = first('report');
        return report === undefined ? `error ${name} "TODO"` : `error ${name} "TODO" { report ${report} }`;
      }
      default:
        return undefined;
    }
  }

  private firstDeclared(kind: DeclKind): Symbol | undefined {
    for (const symbol of this.symbols.values()) if (symbol.kind === kind) return symbol;
    return undefined;
  }

  private lastDeclared(kind: DeclKind): Symbol | undefined {
    if (this.lastOfKind === undefined) {
      this.lastOfKind = new Map();
      // Groups and undos live inside other declarations: nothing goes after them.
      for (const symbol of this.symbols.values()) if (symbol.kind !== 'group' && symbol.kind !== 'undo') this.lastOfKind.set(symbol.kind, symbol);
    }
    return this.lastOfKind.get(kind);
  }

  /** `line` inserted as a line of its own after the line where `offset` is, so a trailing comment stays put. */
  private afterLine(file: string, offset: number, line: string): TextEdit | undefined {
    const text = this.texts.get(file);
    if (text === undefined) return undefined;
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return { file, span: { start: text.length, end: text.length }, text: `\n${line}` };
    return { file, span: { start: newline + 1, end: newline + 1 }, text: `${line}\n` };
  }

  private atEnd(file: string, line: string): TextEdit | undefined {
    const text = this.texts.get(file);
    if (text === undefined) return undefined;
    const end = text.length;
    return { file, span: { start: end, end }, text: `${text.length === 0 || text.endsWith('\n') ? '' : '\n'}${line}\n` };
  }
}

/** `name` added to the members of the enumerated `field`. */
export function addMemberFix(field: FieldSymbol, name: string): Fix | undefined {
  let last: Span | undefined;
  for (const member of field.members.values()) if (last === undefined || member.span.end > last.end) last = member.span;
  if (last === undefined) return undefined;
  return { message: `add \`${name}\` to the members of \`installation.${field.name}\``, edits: [{ file: field.file, span: { start: last.end, end: last.end }, text: ` | ${name}` }] };
}

/** `extras` with `fix` added after its own fixes. */
export function withFix(extras: DiagnosticExtras, fix: Fix | undefined): DiagnosticExtras {
  return fix === undefined ? extras : { ...extras, fixes: [...(extras.fixes ?? []), fix] };
}
