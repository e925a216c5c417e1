/**
 * The compiler pipeline for one policy, in order. Each pass is a function
 * over plain data that reports through the context; none throws for a
 * mistake in the policy.
 *
 *   parse (per file, before this) → bind → typecheck → lower → checks
 *
 * Binding comes first because every later pass looks names up. Types are
 * checked on the tree, where expressions still have their spans. Lowering
 * folds stages and defaults into each step, so the checks reason about
 * what will actually run. Emission (emit/) only runs on a policy with no
 * errors.
 */
import { compareDiagnostics, type Diagnostic } from '../grammar/index.js';
import { bind } from './bind.js';
import { checks } from './checks/index.js';
import { PassContext, type PolicyFile } from './context.js';
import { lower } from './lower.js';
import type { PolicyModel } from './model.js';
import type { SymbolTable } from './symbols.js';
import { typecheck } from './typecheck.js';

export interface CompiledPolicy {
  /** The file that declares the policy. */
  readonly root: string;
  readonly files: readonly PolicyFile[];
  readonly table: SymbolTable;
  readonly model: PolicyModel;
  /** Semantic diagnostics of this policy (syntax diagnostics belong to files). */
  readonly diagnostics: readonly Diagnostic[];
}

export function compilePolicy(root: string, files: readonly PolicyFile[]): CompiledPolicy {
  const ctx = new PassContext(files);
  const table = bind(ctx);
  typecheck(ctx, table);
  const model = lower(ctx, table, root);
  for (const check of checks) check(ctx, { model, table });
  return { root, files, table, model, diagnostics: ctx.diagnostics.sort(compareDiagnostics) };
}
