/**
 * From a set of files to checked policies: the `Workspace`, which plans its
 * policies (`workspace-plan.ts`) over files read and parsed once
 * (`workspace-files.ts`) and compiles each policy.
 *
 * A `Workspace` lives as long as its caller wants: the command line checks
 * once (`checkWorkspace`), the language server keeps one and tells it which
 * files changed. Each file is read and parsed once until it changes, however
 * many policies share it, and a policy is compiled again only when one of
 * its inputs changed.
 */
import { compareDiagnostics, type Diagnostic } from '../grammar/index.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { PolicyFile } from './context.js';
import type { CompilerHost } from './host.js';
import { declaresPolicy, readAndParse, type LoadedFile } from './workspace-files.js';
import { planWorkspace, type PolicyPlan, type WorkspacePlan } from './workspace-plan.js';

export interface WorkspaceResult {
  readonly policies: readonly CompiledPolicy[];
  /** Every diagnostic of every file and policy, once each, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, for rendering diagnostics. */
  readonly texts: ReadonlyMap<string, string>;
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
    return planWorkspace(this.paths, { host: this.host, load: (path) => this.load(path) });
  }
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

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
