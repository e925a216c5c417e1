/**
 * Which policies a workspace holds: every file given that declares a policy
 * is a root, and a policy is its root plus every file it imports,
 * transitively. A fragment that no root given imports joins the policies
 * of its own folder that import it, and only when there are none is it
 * reported as an orphan. Nothing is compiled here.
 */
import { diagnostic, type Diagnostic } from '../grammar/index.js';
import type { PolicyFile } from './context.js';
import type { CompilerHost } from './host.js';
import { atStart, declaresPolicy, readDiagnostic, type LoadedFile } from './workspace-files.js';

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

/** How the plan reaches files: through the host, each read and parsed once by `load`. */
interface Files {
  readonly host: CompilerHost;
  readonly load: (path: string) => LoadedFile;
}

/** The policies made of `paths`, and the files of each. */
export function planWorkspace(paths: readonly string[], files: Files): WorkspacePlan {
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const { read } = files.load(path);
    if (read.kind === 'missing') diagnostics.push(diagnostic('file-unreadable', path, atStart, { reason: 'no such file' }));
    else if (read.kind !== 'text') diagnostics.push(readDiagnostic(read, path, path, atStart));
  }

  const imported = new Set<string>();
  const policies: PolicyPlan[] = [];
  for (const path of paths) {
    const root = files.load(path).file;
    if (root === undefined || !declaresPolicy(root) || policies.some((p) => p.root === path)) continue;
    policies.push({ root: path, files: collectImports(files, root, diagnostics, imported) });
  }

  for (const path of paths) {
    const file = files.load(path).file;
    if (file === undefined || declaresPolicy(file) || imported.has(path)) continue;
    addPoliciesBeside(files, path, policies, diagnostics, imported);
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
function addPoliciesBeside(files: Files, path: string, policies: PolicyPlan[], diagnostics: Diagnostic[], imported: Set<string>): void {
  for (const sibling of files.host.siblings?.(path) ?? []) {
    if (sibling === path || policies.some((p) => p.root === sibling)) continue;
    const root = files.load(sibling).file;
    if (root === undefined || !declaresPolicy(root)) continue;
    // Its own import diagnostics count only if it holds the fragment.
    const found: Diagnostic[] = [];
    const reached = new Set<string>();
    const members = collectImports(files, root, found, reached);
    if (!reached.has(path)) continue;
    policies.push({ root: sibling, files: members });
    diagnostics.push(...found);
    for (const reachedPath of reached) imported.add(reachedPath);
  }
}

/** The root and every file it imports, transitively, in first-visit order. */
function collectImports(files: Files, root: PolicyFile, diagnostics: Diagnostic[], imported: Set<string>): PolicyFile[] {
  const members = [root];
  const seen = new Set([root.path]);
  for (let i = 0; i < members.length; i++) {
    const importer = members[i]!;
    for (const item of importer.tree.items) {
      if (item.kind !== 'Import' || item.path.kind === 'Missing') continue;
      const target = files.host.resolveImport(importer.path, item.path.value);
      if (seen.has(target)) continue;
      seen.add(target);
      const { file, read } = files.load(target);
      if (file === undefined) {
        diagnostics.push(readDiagnostic(read, importer.path, item.path.value, item.path));
      } else if (declaresPolicy(file)) {
        diagnostics.push(diagnostic('import-of-policy', importer.path, item.path, { path: item.path.value }));
      } else {
        imported.add(target);
        members.push(file);
      }
    }
  }
  return members;
}
