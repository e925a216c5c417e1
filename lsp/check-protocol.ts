/**
 * The messages between the server and its checker: plain data, so that
 * they cross a thread by structured clone.
 */
import type { FactsUpdate, ReadResult } from '../compiler/index.js';
import type { Diagnostic } from '../grammar/index.js';

export interface CheckRequest {
  /** Increases with every request; a result names the request it answers. */
  readonly generation: number;
  /** Files whose content changed since the last request: their new content, or `undefined` when forgotten. */
  readonly changes: readonly (readonly [path: string, content: ReadResult | undefined])[];
  /** The files the workspace is made of, when that list changed. */
  readonly paths: readonly string[] | undefined;
}

export type CheckResponse =
  | {
      readonly kind: 'checked';
      readonly generation: number;
      /** Every diagnostic but each file's own syntax diagnostics (the server has those from its own parse), by file. */
      readonly diagnostics: readonly (readonly [path: string, diagnostics: readonly Diagnostic[]])[];
      /** What changed in the facts of each policy compiled anew by this check. */
      readonly facts: readonly FactsUpdate[];
      /** The roots of every policy there is now. */
      readonly roots: readonly string[];
    }
  | { readonly kind: 'cancelled'; readonly generation: number }
  | { readonly kind: 'failed'; readonly generation: number; readonly message: string };
