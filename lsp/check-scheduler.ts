/**
 * Keeps the checker busy with the newest text and nothing older. A change
 * asks for a check; while one runs, a newer change cancels it (the checker
 * still takes in the changes it carried) and the next check starts as soon
 * as the checker answers. Results are kept per file with the versions of
 * the open documents they were computed from, and the facts per policy.
 */
import { applyFactsUpdate, type PolicyFacts } from '../compiler/index.js';
import type { Checker, CheckResponse, StartChecker } from './checker.js';
import type { Diagnostic } from '../grammar/index.js';
import type { SpanMapper } from './diagnostics.js';
import type { Files } from './files.js';

export class CheckScheduler {
  private readonly checker: Checker;
  private generation = 0;
  /** The request the checker is working on, with the document versions it was sent. */
  private running: { generation: number; versions: ReadonlyMap<string, number> } | undefined;
  private starting = false;
  private wanted = false;
  private readonly results = new Map<string, readonly Diagnostic[]>();
  /** The versions of the open documents the last completed check saw. */
  private checkedVersions: ReadonlyMap<string, number> = new Map();
  private readonly facts = new Map<string, PolicyFacts>();
  private completed = 0;
  /** Those waiting for the scheduler to be quiet. */
  private quietWaiters: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly files: Files,
    startChecker: StartChecker,
    /** Told after each completed check, with the files whose diagnostics it carried. */
    private readonly checked: (paths: ReadonlySet<string>) => void,
    private readonly log: (message: string) => void,
  ) {
    this.checker = startChecker((response) => this.receive(response));
  }

  /** The other diagnostics of `path` from the last completed check, at the places that check saw. */
  diagnosticsOf(path: string): readonly Diagnostic[] {
    return this.results.get(path) ?? [];
  }

  /**
   * Moves a span of the last check onto the current text: through the
   * edits made since in an open document; not at all in a closed file (the
   * check saw its current text); `undefined` for a document opened after
   * the check, which may have seen other text.
   */
  readonly moved: SpanMapper = (file, span) => {
    const document = this.files.document(file);
    if (document === undefined) return span;
    const version = this.checkedVersions.get(file);
    return version === undefined ? undefined : document.mapSpan(span, version);
  };

  factsOf(root: string): PolicyFacts | undefined {
    return this.facts.get(root);
  }

  /** How many checks have completed: tests and benchmarks wait on it. */
  get completedChecks(): number {
    return this.completed;
  }

  get idle(): boolean {
    return this.nothingAsked && !this.files.hasChanges();
  }

  /**
   * Nothing left that was asked for: no check running, starting or wanted,
   * or disposed (a disposed checker answers nothing more). Unlike `idle`,
   * the files' changes do not count: every change asks for a check at once,
   * and until the first is asked for (the workspace is read after
   * `initialized`) every file counts as changed, with no check to wait for.
   */
  get quiet(): boolean {
    return this.disposed || this.nothingAsked;
  }

  /** No check running, starting or wanted. */
  private get nothingAsked(): boolean {
    return this.running === undefined && !this.starting && !this.wanted;
  }

  /** Resolves once the scheduler is quiet (at once if it is). */
  whenQuiet(): Promise<void> {
    if (this.quiet) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  /** Asks for a check of the files as they are now. */
  request(): void {
    this.wanted = true;
    if (this.running !== undefined) {
      this.checker.cancelUpTo(this.running.generation);
      return;
    }
    if (!this.starting) void this.start();
  }

  dispose(): void {
    this.checker.dispose();
    this.disposed = true;
    this.wakeQuietWaiters();
  }

  private wakeQuietWaiters(): void {
    const waiters = this.quietWaiters;
    this.quietWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private wakeIfQuiet(): void {
    if (this.quiet) this.wakeQuietWaiters();
  }

  private async start(): Promise<void> {
    this.starting = true;
    try {
      await this.files.settle();
    } finally {
      this.starting = false;
    }
    if (this.running !== undefined || !this.wanted) return this.wakeIfQuiet();
    this.wanted = false;
    const { changes, paths } = this.files.takeChanges();
    const generation = ++this.generation;
    const versions = new Map(this.files.openDocuments().map((document) => [document.path, document.version]));
    this.running = { generation, versions };
    this.checker.request({ generation, changes, paths });
  }

  private receive(response: CheckResponse): void {
    // Facts come as updates to the last ones the checker sent, whichever request they answer (a restarted checker starts afresh).
    if (response.kind === 'checked') for (const update of response.facts) this.facts.set(update.root, applyFactsUpdate(this.facts.get(update.root), update));
    const running = this.running;
    if (running === undefined || response.generation !== running.generation) return;
    this.running = undefined;
    if (response.kind === 'failed') this.log(`the policy check failed: ${response.message}`);
    if (response.kind === 'checked') {
      this.completed++;
      const paths = new Set([...this.results.keys(), ...response.diagnostics.map(([path]) => path)]);
      this.results.clear();
      for (const [path, diagnostics] of response.diagnostics) this.results.set(path, diagnostics);
      this.checkedVersions = running.versions;
      const roots = new Set(response.roots);
      for (const root of [...this.facts.keys()]) if (!roots.has(root)) this.facts.delete(root);
      for (const document of this.files.openDocuments()) {
        const version = running.versions.get(document.path);
        if (version !== undefined) document.forgetBefore(version);
        paths.add(document.path);
      }
      this.checked(paths);
    }
    if (this.wanted || this.files.hasChanges()) this.request();
    this.wakeIfQuiet();
  }
}
