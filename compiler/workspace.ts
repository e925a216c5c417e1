/**
 * From a list of files to checked policies. Every file that declares a
 * policy is a root; a policy is its root plus every file it imports,
 * transitively. A fragment that no root imports is parsed and reported as
 * an orphan. Each file is read and parsed once, however many policies
 * share it.
 */
import { compareDiagnostics, diagnostic, parse, type Diagnostic, type ImportDecl, type Span } from '../grammar/index.js';
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

interface Loaded {
  readonly file: PolicyFile | undefined;
  readonly read: ReadResult;
}

const atStart: Span = { start: 0, end: 0 };

export function checkWorkspace(paths: readonly string[], host: CompilerHost): WorkspaceResult {
  const loaded = new Map<string, Loaded>();
  const diagnostics: Diagnostic[] = [];

  const load = (path: string): Loaded => {
    let entry = loaded.get(path);
    if (entry === undefined) {
      const read = host.readFile(path);
      const file = read.kind === 'text' ? parseFile(path, read.text, diagnostics) : undefined;
      entry = { file, read };
      loaded.set(path, entry);
    }
    return entry;
  };

  for (const path of paths) {
    const { read } = load(path);
    if (read.kind === 'missing') diagnostics.push(diagnostic('file-unreadable', path, atStart, { reason: 'no such file' }));
    else if (read.kind !== 'text') diagnostics.push(readDiagnostic(read, path, path, atStart));
  }

  const imported = new Set<string>();
  const policies: CompiledPolicy[] = [];
  for (const path of paths) {
    const root = loaded.get(path)?.file;
    if (root === undefined || !declaresPolicy(root) || policies.some((p) => p.root === path)) continue;
    const files = collectImports(root, host, load, diagnostics, imported);
    const paths = new Set(files.map((f) => f.path));
    const syntaxErrors = diagnostics.some((d) => d.severity === 'error' && paths.has(d.file));
    const elsewhere = [...loaded.values()].flatMap(({ file }) => (file !== undefined && !paths.has(file.path) && !declaresPolicy(file) ? [file] : []));
    policies.push(compilePolicy(path, files, { syntaxErrors, elsewhere }));
  }

  for (const path of paths) {
    const file = loaded.get(path)?.file;
    // An empty file already has its own warning.
    if (file !== undefined && file.tree.items.length > 0 && !declaresPolicy(file) && !imported.has(path)) {
      diagnostics.push(diagnostic('orphan-file', path, atStart, {}));
    }
  }

  const all = [...diagnostics, ...policies.flatMap((p) => p.diagnostics)];
  const texts = new Map<string, string>();
  for (const [path, entry] of loaded) if (entry.file) texts.set(path, entry.file.text);
  return { policies, diagnostics: unique(all).sort(compareDiagnostics), texts };
}

function parseFile(path: string, text: string, diagnostics: Diagnostic[]): PolicyFile {
  const { tree, diagnostics: syntax, unread } = parse(text, path);
  diagnostics.push(...syntax);
  if (tree.items.length === 0 && syntax.length === 0) diagnostics.push(diagnostic('empty-file', path, atStart, {}));
  return { path, text, tree, unread };
}

function declaresPolicy(file: PolicyFile): boolean {
  return file.tree.items.some((item) => item.kind === 'Policy');
}

/** The root and every file it imports, transitively, in first-visit order. */
function collectImports(
  root: PolicyFile,
  host: CompilerHost,
  load: (path: string) => Loaded,
  diagnostics: Diagnostic[],
  imported: Set<string>,
): PolicyFile[] {
  const files = [root];
  const seen = new Set([root.path]);
  for (let i = 0; i < files.length; i++) {
    const importer = files[i]!;
    for (const item of importer.tree.items) {
      if (item.kind !== 'Import' || item.path.kind === 'Missing') continue;
      const target = host.resolveImport(importer.path, item.path.value);
      if (seen.has(target)) continue;
      seen.add(target);
      const { file, read } = load(target);
      if (file === undefined) {
        diagnostics.push(readDiagnostic(read, importer.path, item.path.value, pathSpan(item)));
      } else if (declaresPolicy(file)) {
        diagnostics.push(diagnostic('import-of-policy', importer.path, pathSpan(item), { path: item.path.value }));
      } else {
        imported.add(target);
        files.push(file);
      }
    }
  }
  return files;
}

function pathSpan(item: ImportDecl): Span {
  return item.path;
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
