/**
 * From a set of files to checked policies. Every file that declares a
 * policy is a root; a policy is its root plus every file it imports,
 * transitively. A fragment that no root given imports is checked within
 * the policies of its own folder that import it (`mpol check codes.mpol`,
 * or a fragment opened alone in an editor), and only when there are none
 * is it parsed and reported as an orphan.
 *
 * A `Workspace` lives as long as its caller wants: the command line checks
 * once (`checkWorkspace`), the language server keeps one and tells it which
 * files changed. Each file is read and parsed once until it changes, however
 * many policies share it, and a policy is compiled again only when one of
 * its inputs changed.
 */
import { compareDiagnostics, diagnostic, parse, type Diagnostic, type Span } from '../grammar/index.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { PolicyFile } from './context.js';
import type { CompilerHost, ReadResult } from './host.js';

export interface WorkspaceResult {
  readonly policies: readonly CompiledPolicy[];
  /** Every diagnostic of every file and policy, once each, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, for rendering diagnostics. */
  readonly texts: ReadonlyMap<string, string>;
}

/** A file as the workspace read it: its text parsed, or why there is none. */
export interface LoadedFile {
  readonly read: ReadResult;
  readonly file: PolicyFile | undefined;
  /** The file's own lexical and syntax diagnostics, and `empty-file`. */
  readonly syntax: readonly Diagnostic[];
}

/** A policy before it is compiled: its root, and its files in first-visit order, the root first. */
export interface PolicyPlan {
  readonly root: string;
  readonly files: readonly PolicyFile[];
}

/** Which policies the workspace holds, and what finding their files reported. */
export interface WorkspacePlan {
  readonly policies: readonly PolicyPlan[];
  /** Unreadable files, imports that cannot be followed, and orphans. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckOptions {
  /** Asked before each policy is compiled: `true` abandons the check, which then returns `undefined`. */
  readonly cancelled?: () => boolean;
}

interface Compiled {
  readonly files: readonly PolicyFile[];
  readonly elsewhere: readonly PolicyFile[];
  readonly policy: CompiledPolicy;
}

const atStart: Span = { start: 0, end: 0 };

/** Checks `paths` once: what `mpol check` does. */
export function checkWorkspace(paths: readonly string[], host: CompilerHost): WorkspaceResult {
  return new Workspace(host, paths).check()!;
}

export class Workspace {
  private readonly loaded = new Map<string, LoadedFile>();
  private readonly compiled = new Map<string, Compiled>();
  private currentPlan: WorkspacePlan | undefined;

  /** @param paths the files the workspace is made of, as `mpol check` is given them */
  constructor(
    private readonly host: CompilerHost,
    private paths: readonly string[] = [],
  ) {}

  /** Replaces the list of files the workspace is made of. */
  setPaths(paths: readonly string[]): void {
    this.paths = [...paths];
    this.currentPlan = undefined;
  }

  /** Forgets what was read from `path`: the next use reads it again through the host. */
  changed(path: string): void {
    this.loaded.delete(path);
    this.currentPlan = undefined;
  }

  /** The file at `path`, read and parsed through the host on first use. */
  load(path: string): LoadedFile {
    let entry = this.loaded.get(path);
    if (entry === undefined) {
      entry = readAndParse(path, this.host.readFile(path));
      this.loaded.set(path, entry);
    }
    return entry;
  }

  /** The policies of the workspace and the files of each, without compiling them. */
  plan(): WorkspacePlan {
    this.currentPlan ??= this.makePlan();
    return this.currentPlan;
  }

  /** The root of every policy that holds `path`. */
  policiesOf(path: string): PolicyPlan[] {
    return this.plan().policies.filter((policy) => policy.files.some((file) => file.path === path));
  }

  /**
   * Every policy compiled, and every diagnostic. A policy whose files are
   * the ones of its last compilation is not compiled again, unless it has
   * unknown names and the fragments outside it changed.
   */
  check(options: CheckOptions = {}): WorkspaceResult | undefined {
    const plan = this.plan();
    const roots = new Set(plan.policies.map((policy) => policy.root));
    for (const root of this.compiled.keys()) if (!roots.has(root)) this.compiled.delete(root);

    // The files the workspace is made of now: its paths and what they import.
    const files = new Map<string, LoadedFile>();
    for (const path of this.paths) files.set(path, this.load(path));
    for (const policy of plan.policies) for (const file of policy.files) files.set(file.path, this.load(file.path));
    const fragments = [...files.values()].flatMap(({ file }) => (file !== undefined && !declaresPolicy(file) ? [file] : []));

    const policies: CompiledPolicy[] = [];
    for (const { root, files: members } of plan.policies) {
      const inPolicy = new Set(members.map((f) => f.path));
      const elsewhere = fragments.filter((file) => !inPolicy.has(file.path));
      const previous = this.compiled.get(root);
      if (previous !== undefined && sameFiles(previous.files, members) && (sameFiles(previous.elsewhere, elsewhere) || !looksElsewhere(previous.policy))) {
        policies.push(previous.policy);
        continue;
      }
      if (options.cancelled?.() === true) return undefined;
      // An import that cannot be followed leaves the policy as incomplete as a syntax error does.
      const isError = (d: Diagnostic): boolean => d.severity === 'error' && inPolicy.has(d.file);
      const syntaxErrors = members.some((f) => files.get(f.path)!.syntax.some(isError)) || plan.diagnostics.some(isError);
      const policy = compilePolicy(root, members, { syntaxErrors, elsewhere });
      this.compiled.set(root, { files: members, elsewhere, policy });
      policies.push(policy);
    }

    const syntax = [...files.values()].flatMap((entry) => entry.syntax);
    const all = [...syntax, ...plan.diagnostics, ...policies.flatMap((p) => p.diagnostics)];
    const texts = new Map<string, string>();
    for (const [path, entry] of files) if (entry.file) texts.set(path, entry.file.text);
    return { policies, diagnostics: unique(all).sort(compareDiagnostics), texts };
  }

  private makePlan(): WorkspacePlan {
    const diagnostics: Diagnostic[] = [];
    for (const path of this.paths) {
      const { read } = this.load(path);
      if (read.kind === 'missing') diagnostics.push(diagnostic('file-unreadable', path, atStart, { reason: 'no such file' }));
      else if (read.kind !== 'text') diagnostics.push(readDiagnostic(read, path, path, atStart));
    }

    const imported = new Set<string>();
    const policies: PolicyPlan[] = [];
    for (const path of this.paths) {
      const root = this.load(path).file;
      if (root === undefined || !declaresPolicy(root) || policies.some((p) => p.root === path)) continue;
      policies.push({ root: path, files: this.collectImports(root, diagnostics, imported) });
    }

    for (const path of this.paths) {
      const file = this.load(path).file;
      if (file === undefined || declaresPolicy(file) || imported.has(path)) continue;
      this.addPoliciesBeside(path, policies, diagnostics, imported);
      // An empty file already has its own warning.
      if (file.tree.items.length > 0 && !imported.has(path)) diagnostics.push(diagnostic('orphan-file', path, atStart, {}));
    }
    return { policies, diagnostics };
  }

  /**
   * Adds the policies whose root is in the folder of the fragment `path`
   * and which import it (directly or through another fragment), so a
   * fragment given alone is checked where it belongs.
   */
  private addPoliciesBeside(path: string, policies: PolicyPlan[], diagnostics: Diagnostic[], imported: Set<string>): void {
    for (const sibling of this.host.siblings?.(path) ?? []) {
      if (sibling === path || policies.some((p) => p.root === sibling)) continue;
      const root = this.load(sibling).file;
      if (root === undefined || !declaresPolicy(root)) continue;
      // Its own import diagnostics count only if it holds the fragment.
      const found: Diagnostic[] = [];
      const reached = new Set<string>();
      const files = this.collectImports(root, found, reached);
      if (!reached.has(path)) continue;
      policies.push({ root: sibling, files });
      diagnostics.push(...found);
      for (const reachedPath of reached) imported.add(reachedPath);
    }
  }

  /** The root and every file it imports, transitively, in first-visit order. */
  private collectImports(root: PolicyFile, diagnostics: Diagnostic[], imported: Set<string>): PolicyFile[] {
    const files = [root];
    const seen = new Set([root.path]);
    for (let i = 0; i < files.length; i++) {
      const importer = files[i]!;
      for (const item of importer.tree.items) {
        if (item.kind !== 'Import' || item.path.kind === 'Missing') continue;
        const target = this.host.resolveImport(importer.path, item.path.value);
        if (seen.has(target)) continue;
        seen.add(target);
        const { file, read } = this.load(target);
        if (file === undefined) {
          diagnostics.push(readDiagnostic(read, importer.path, item.path.value, item.path));
        } else if (declaresPolicy(file)) {
          diagnostics.push(diagnostic('import-of-policy', importer.path, item.path, { path: item.path.value }));
        } else {
          imported.add(target);
          files.push(file);
        }
      }
    }
    return files;
  }
}

function readAndParse(path: string, read: ReadResult): LoadedFile {
  if (read.kind !== 'text') return { read, file: undefined, syntax: [] };
  const { tree, diagnostics, unread, comments } = parse(read.text, path);
  const syntax = tree.items.length === 0 && diagnostics.length === 0 ? [diagnostic('empty-file', path, atStart, {})] : diagnostics;
  const syntaxErrors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.start);
  return { read, file: { path, text: read.text, tree, unread, comments, syntaxErrors }, syntax };
}

export function declaresPolicy(file: PolicyFile): boolean {
  return file.tree.items.some((item) => item.kind === 'Policy');
}

/**
 * Whether the files of the workspace outside a policy matter to it: only
 * the binder reads them, for the note on a name it could not resolve.
 * Invariant: `bind` consults `PassContext.elsewhere` for nothing else.
 */
function looksElsewhere(policy: CompiledPolicy): boolean {
  return policy.table.references.some((reference) => reference.target === undefined && !policy.table.symbols.has(reference.name));
}

function sameFiles(a: readonly PolicyFile[], b: readonly PolicyFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}

/** The diagnostic for a file that could not be read, placed at `file`/`span`. */
function readDiagnostic(read: ReadResult, file: string, shownPath: string, span: Span): Diagnostic {
  switch (read.kind) {
    case 'missing':
      return diagnostic('import-not-found', file, span, { path: shownPath });
    case 'unreadable':
      return diagnostic('file-unreadable', file, span, { reason: read.reason });
    case 'binary':
      return diagnostic('binary-file', file, span, {});
    case 'too-large':
      return diagnostic('file-too-large', file, span, { size: megabytes(read.size), limit: megabytes(read.limit) });
    case 'text':
      throw new Error('a readable file has no read diagnostic');
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
