/**
 * Test helpers for the editor queries: policy files with cursors marked
 * `<|>` in their text, checked as one workspace, so a test asks what an
 * editor would ask at each cursor.
 */
import { checkWorkspace, memoryHost, policyFacts, symbolTableOf, type PolicyFacts, type SymbolTable } from '../../../compiler/index.js';
import { marked } from '../../lsp/harness.js';

export interface MarkedPolicy {
  readonly texts: ReadonlyMap<string, string>;
  /** The cursors of each file, in order. */
  readonly cursors: ReadonlyMap<string, readonly number[]>;
  readonly table: SymbolTable;
  readonly facts: PolicyFacts;
}

/** Files by path, the first the policy's root. */
export function markedPolicy(files: Record<string, string>): MarkedPolicy {
  const texts = new Map<string, string>();
  const cursors = new Map<string, number[]>();
  for (const [path, source] of Object.entries(files)) {
    const { text, offsets } = marked(source);
    texts.set(path, text);
    cursors.set(path, offsets);
  }
  const result = checkWorkspace([...texts.keys()], memoryHost(texts));
  const policy = result.policies[0]!;
  return { texts, cursors, table: symbolTableOf(policy.files), facts: policyFacts(policy) };
}

/** The text a span of a file covers. */
export function textOf(policy: MarkedPolicy, location: { file: string; span: { start: number; end: number } }): string {
  return policy.texts.get(location.file)!.slice(location.span.start, location.span.end);
}
