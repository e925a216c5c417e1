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
import { compareDiagnostics, decodeString, type Diagnostic } from '../grammar/index.js';
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

export interface CompileOptions {
  /** Whether the files had syntax errors, so parts of them may be missing from the tree. */
  readonly syntaxErrors?: boolean;
  /** Files of the workspace that declare no policy and that this policy does not import (`PassContext.elsewhere`). */
  readonly elsewhere?: readonly PolicyFile[];
}

/**
 * Diagnostics about something absent: never used, never reached, no
 * handler, no report, no party, no `ref`, nothing to undo. When recovery
 * dropped part of a file, the missing part may be exactly that (deleting
 * `on` from `on failure fail AS900` would otherwise make every step's
 * failure unhandled), so with syntax errors these would only repeat them.
 * They come back once the syntax is mended.
 */
const needCompleteTree = new Set([
  'unused-cohort',
  'unused-group',
  'unused-declaration',
  'unused-error-code',
  'unreachable-step',
  'missing-migration',
  'empty-retry',
  'retry-unbounded',
  'unhandled-failure',
  'code-without-report',
  'incident-without-else',
  'missing-party',
  'rollback-without-undo',
  'anchor-not-reached',
  'missing-ref',
  'uncounted-tier-not-last',
]);

/** Diagnostics about a name not declared: with syntax errors, the declaration may be in skipped text. */
const namesUnknown = new Set(['unknown-name', 'unknown-section', 'unknown-field']);

/**
 * The diagnostics of a policy with syntax errors, less those that may only
 * echo them: anything absent, and a name that recovery skipped over.
 */
function withoutEchoes(diagnostics: readonly Diagnostic[], files: readonly PolicyFile[]): Diagnostic[] {
  const unread = new Set(files.flatMap((file) => [...(file.unread ?? [])]));
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const named = (d: Diagnostic): string => {
    const text = texts.get(d.file)?.slice(d.span.start, d.span.end) ?? '';
    return d.code === 'unknown-section' ? decodeString(text).value : text;
  };
  return diagnostics.filter((d) => !needCompleteTree.has(d.code) && !(namesUnknown.has(d.code) && unread.has(named(d))));
}

export function compilePolicy(root: string, files: readonly PolicyFile[], options: CompileOptions = {}): CompiledPolicy {
  const ctx = new PassContext(files, options.elsewhere);
  const table = bind(ctx);
  typecheck(ctx, table);
  const model = lower(ctx, table, root);
  for (const check of checks) check(ctx, { model, table });
  const diagnostics = options.syntaxErrors ? withoutEchoes(ctx.diagnostics, files) : ctx.diagnostics;
  return { root, files, table, model, diagnostics: diagnostics.sort(compareDiagnostics) };
}
