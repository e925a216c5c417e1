/**
 * The symbol tables navigation answers from, one per policy, bound from
 * the current text of its files (cheap next to a whole check, and never
 * behind what the author typed) and rebuilt only when one of its files was
 * parsed again. A file that no policy holds is seen on its own.
 */
import { symbolTableOf, type PolicyFacts, type PolicyFile, type SymbolTable } from '../compiler/index.js';
import type { Files } from './files.js';

export interface PolicyView {
  /** The policy's root, or `undefined` for a file seen on its own. */
  readonly root: string | undefined;
  readonly files: readonly PolicyFile[];
  readonly table: SymbolTable;
  /** What the last completed check found, if it has checked this policy. */
  readonly facts: PolicyFacts | undefined;
}

export class PolicyViews {
  private readonly tables = new Map<string, { files: readonly PolicyFile[]; table: SymbolTable }>();

  constructor(
    private readonly files: Files,
    private readonly factsOf: (root: string) => PolicyFacts | undefined,
  ) {}

  /** The views of every policy that holds `path`, or of the file alone. */
  of(path: string): PolicyView[] {
    const policies = this.files.policiesOf(path);
    if (policies.length > 0) return policies.map((policy) => this.view(policy.root, policy.files));
    const file = this.files.load(path).file;
    return file === undefined ? [] : [this.view(undefined, [file])];
  }

  private view(root: string | undefined, files: readonly PolicyFile[]): PolicyView {
    const key = root ?? files[0]!.path;
    let cached = this.tables.get(key);
    if (cached === undefined || !sameFiles(cached.files, files)) {
      cached = { files, table: symbolTableOf(files) };
      this.tables.set(key, cached);
      if (this.tables.size > 64) this.tables.delete(this.tables.keys().next().value!);
    }
    return { root, files, table: cached.table, facts: root === undefined ? undefined : this.factsOf(root) };
  }
}

function sameFiles(a: readonly PolicyFile[], b: readonly PolicyFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}
