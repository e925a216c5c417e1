/**
 * Binding: declares every name of a policy's files in one namespace, then
 * resolves every reference to a declaration of the kind its place expects.
 * Reports `duplicate-declaration`, `unknown-name`, `wrong-kind`,
 * `unknown-section` and `duplicate-section`; `bind-fields.ts` binds the
 * installation schema and the references to it.
 */
import type * as A from '../grammar/index.js';
import type { PassContext, PolicyFile } from './context.js';
import { encodeString, nearNameExtras, suggest, type DiagnosticExtras } from '../grammar/index.js';
import { Fixes, withFix } from './fixes.js';
import { isAbsolutePath, relativeTo } from './relative-path.js';
import {
  withArticle,
  type DeclKind,
  type DeclNode,
  type Reference,
  type SectionReference,
  type SectionSymbol,
  type Symbol,
  type SymbolTable,
} from './symbols.js';
import { bindSchemaReferences, declareFields } from './bind-fields.js';
import { forEachNamedDecl, forEachReference, forEachRef } from './walk.js';

export function bind(ctx: PassContext): SymbolTable {
  const symbols = new Map<string, Symbol>();
  const sections = new Map<string, SectionSymbol>();
  for (const file of ctx.files) {
    forEachNamedDecl(file.tree, (kind, node, name, cohort) => declare(ctx, symbols, file.path, kind, node, name, cohort));
    for (const item of file.tree.items) if (item.kind === 'Section') declareSection(ctx, sections, file.path, item);
  }
  const fields = declareFields(ctx);

  const references: Reference[] = [];
  const sectionReferences: SectionReference[] = [];
  const candidates = new Candidates(symbols, ctx.elsewhere);
  const fixes = new Fixes(ctx.files, symbols);
  for (const file of ctx.files) {
    forEachReference(file.tree, (name, expected) => references.push(resolve(ctx, symbols, file, name, expected, candidates, fixes)));
    forEachRef(file.tree, (ref) => {
      if (ref.section.kind === 'Missing') return;
      const target = sections.get(ref.section.value);
      if (target === undefined) {
        const section = ref.section.value;
        const near = nearNameExtras(file.path, ref.section, section, suggest(section, sections.keys()), encodeString);
        const declare = fixes.declareSection(section, file.path, sections);
        ctx.report('unknown-section', file.path, ref.section, { section }, withFix(near, declare));
      }
      sectionReferences.push({ file: file.path, span: ref.section, section: ref.section.value, target });
    });
  }
  const { fieldReferences, memberReferences } = bindSchemaReferences(ctx, fields);
  return { symbols, references, sections, sectionReferences, fields, fieldReferences, memberReferences };
}

function declare(
  ctx: PassContext,
  symbols: Map<string, Symbol>,
  file: string,
  kind: DeclKind,
  node: DeclNode,
  name: A.Name,
  cohort: string | undefined,
): void {
  if (name.kind === 'Missing') return;
  const first = symbols.get(name.name);
  if (first !== undefined) {
    const notes = [{ message: `\`${name.name}\` is first declared here`, file: first.file, span: first.span }];
    ctx.report('duplicate-declaration', file, name, { name: name.name }, { notes });
    return;
  }
  const symbol: Symbol = cohort === undefined ? { name: name.name, kind, node, file, span: name } : { name: name.name, kind, node, file, span: name, cohort };
  symbols.set(name.name, symbol);
}

function declareSection(ctx: PassContext, sections: Map<string, SectionSymbol>, file: string, node: A.SectionDecl): void {
  if (node.number.kind === 'Missing') return;
  const number = node.number.value;
  const first = sections.get(number);
  if (first !== undefined) {
    const notes = [{ message: `section \`${number}\` is first declared here`, file: first.file, span: first.span }];
    ctx.report('duplicate-section', file, node.number, { section: number }, { notes });
    return;
  }
  const title = node.title.kind === 'String' ? node.title.value : '';
  sections.set(number, { number, title, file, span: node.number });
}

function resolve(ctx: PassContext, symbols: Map<string, Symbol>, file: PolicyFile, name: A.Ident, expected: readonly DeclKind[], candidates: Candidates, fixes: Fixes): Reference {
  const symbol = symbols.get(name.name);
  if (symbol !== undefined && expected.includes(symbol.kind)) {
    return { file: file.path, span: name, name: name.name, expected, target: symbol };
  }
  if (symbol === undefined) {
    const other = candidates.elsewhere(name.name, expected);
    const shown = other === undefined ? '' : relativeTo(ctx.files[0]?.path ?? '', other.file);
    const notes = other === undefined ? [] : [{ message: `\`${name.name}\` is declared in \`${shown}\`, which this policy does not import`, file: other.file, span: other.span }];
    // The exact name declared elsewhere is a likelier fix than a near name here, and either than a new declaration.
    const extras = other === undefined ? withFix(nearNameExtras(file.path, name, name.name, candidates.suggestion(name.name, expected)), fixes.declare(name.name, expected, file.path)) : importExtras(ctx.files[0], other.file, fixes);
    ctx.report('unknown-name', file.path, name, { name: name.name, expected: expected.map(describeExpected).join(' or ') }, { ...extras, notes });
  } else {
    const notes = [{ message: `\`${name.name}\` is declared here`, file: symbol.file, span: symbol.span }];
    const wanted = expected.map(withArticle).join(' or ');
    ctx.report('wrong-kind', file.path, name, { name: name.name, actual: withArticle(symbol.kind), expected: wanted }, { notes });
  }
  return { file: file.path, span: name, name: name.name, expected, target: undefined };
}

/** The help, and the fix, for a name declared in `other`, which the policy rooted at `root` does not import. */
function importExtras(root: PolicyFile | undefined, other: string, fixes: Fixes): DiagnosticExtras {
  const specifier = root === undefined ? other : relativeTo(root.path, other);
  // A file the root's folder cannot name by a relative path (another drive) can only be described.
  if (root === undefined || isAbsolutePath(specifier)) return { help: `import \`${specifier}\` into the policy` };
  return { help: `add \`import "${specifier}"\` to \`${relativeTo(root.path, root.path)}\``, fixes: [fixes.importInto(root, specifier)] };
}


const suggestionBudget = 200;

/**
 * The names of each kind, gathered once and only if a name is unknown, so
 * that many unknown names cost one pass over the symbols, not one each.
 */
class Candidates {
  private byKind: Map<DeclKind, string[]> | undefined;
  private readonly suggestions = new Map<string, string | undefined>();
  private declaredElsewhere: Map<string, { kind: DeclKind; file: string; span: A.Span }> | undefined;

  constructor(
    private readonly symbols: ReadonlyMap<string, Symbol>,
    private readonly otherFiles: readonly PolicyFile[],
  ) {}

  /** Where a file this policy does not import declares `name` as one of `kinds`, if one does. */
  elsewhere(name: string, kinds: readonly DeclKind[]): { file: string; span: A.Span } | undefined {
    if (this.declaredElsewhere === undefined) {
      this.declaredElsewhere = new Map();
      for (const file of this.otherFiles) {
        forEachNamedDecl(file.tree, (kind, _node, declared) => {
          if (declared.kind === 'Ident' && !this.declaredElsewhere!.has(declared.name)) this.declaredElsewhere!.set(declared.name, { kind, file: file.path, span: declared });
        });
      }
    }
    const found = this.declaredElsewhere.get(name);
    return found !== undefined && kinds.includes(found.kind) ? found : undefined;
  }

  /**
   * The name an unknown name is near, for "did you mean". Each search reads every
   * name of the kinds expected, so a file of thousands of unknown names
   * (a policy whose codes file is missing) stops getting suggestions after
   * a budget rather than taking minutes; the errors are reported all the same.
   */
  suggestion(name: string, kinds: readonly DeclKind[]): string | undefined {
    const key = `${kinds.join(',')}:${name}`;
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    const near = this.suggestions.size < suggestionBudget ? suggest(name, this.of(kinds)) : undefined;
    this.suggestions.set(key, near);
    return near;
  }

  private of(kinds: readonly DeclKind[]): string[] {
    if (this.byKind === undefined) {
      this.byKind = new Map();
      for (const symbol of this.symbols.values()) {
        const names = this.byKind.get(symbol.kind) ?? [];
        names.push(symbol.name);
        this.byKind.set(symbol.kind, names);
      }
    }
    return kinds.flatMap((kind) => this.byKind!.get(kind) ?? []);
  }
}

function describeExpected(kind: DeclKind): string {
  return withArticle(kind).replace(/^an? /, '');
}
