/**
 * What editors ask of a policy, as plain functions over syntax trees,
 * symbol tables and check results: the name at an offset and what it
 * stands for, its references, what a hover says, a file's outline. The
 * language server (`lsp/`) only converts positions and messages around
 * these.
 */
import type { PolicyFile } from '../context.js';
import { PassContext } from '../context.js';
import { bind } from '../bind.js';
import type { SymbolTable } from '../symbols.js';

export { applyFactsUpdate, factsUpdate, policyFacts, type FactsUpdate, type PolicyFacts, type StepFacts } from './facts.js';
export { actionsFor } from './actions.js';
export { completionsAt, type Completion, type CompletionKind, type Completions } from './completion.js';
export { describeTarget, escapeMarkdown } from './hover.js';
export { describeLocalName } from './hover-local.js';
export { flattenOutline, outline, type OutlineItem, type OutlineKind } from './outline.js';
export { declarationOf, importAt, importsOf, nameAt, referencesOf, sameTarget, type Location, type NameAt, type Target } from './targets.js';
export { prepareRename, renameAt, type PrepareRename, type Rename } from './rename.js';
export { inlayHints, type InlayHint } from './inlay-hints.js';
export { semanticTokens, semanticTokenModifiers, semanticTokenTypes, type SemanticToken, type SemanticTokenType } from './semantic-tokens.js';
export { foldsOf, selectionSpans, type Fold } from './structure.js';
export { describeTimeline, lastAttemptBy, retryOf, summarizeTimeline } from './timeline.js';

/**
 * The symbol table of a policy's files, without the rest of the pipeline:
 * what navigation needs, cheap enough to build from the current text on
 * each edit (the checks run elsewhere).
 */
export function symbolTableOf(files: readonly PolicyFile[]): SymbolTable {
  return bind(new PassContext(files));
}
