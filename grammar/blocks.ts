/**
 * The kinds of block the grammar has, for recovery inside them: which
 * tokens start an item, how messages name what is expected, and which
 * tokens mean the block's `}` was lost (see `BlockParser.skipToItem`).
 */
import type { TokenType } from 'chevrotain';
import { expectations } from './syntax-errors.js';
import { declarationOnly, Duration, Identifier, isOf, itemStarters, Keywords as K, LBrace, NumberLiteral, StringLiteral } from './tokens.js';

export interface BlockKind {
  readonly starters: ReadonlySet<number>;
  readonly expected: string;
  /** Tokens that end the skipping without starting an item; the file itself has none. */
  readonly stops: ReadonlySet<number> | 'top-level';
  /**
   * Items are `name: …`: a starter starts an item only when a `:` follows
   * it. Field names may be any word, keywords included, so without this a
   * lost `}` would read the next declaration as fields.
   */
  readonly colonItems?: boolean;
}

function withIndexes(set: ReadonlySet<number>, ...types: TokenType[]): ReadonlySet<number> {
  return new Set([...set, ...types.map((type) => type.tokenTypeIdx!)]);
}

// Declaration blocks hold no declarations, so any declaration keyword
// ends them; flow blocks hold guards, where `cohort` and `installation`
// appear, so only the keywords that never occur inside them do.
export const blocks = {
  file: { starters: itemStarters.file, expected: expectations.file, stops: 'top-level' },
  installation: { starters: itemStarters.installation, expected: expectations.installation, stops: itemStarters.file, colonItems: true },
  error: { starters: itemStarters.error, expected: expectations.error, stops: itemStarters.file },
  cohort: { starters: itemStarters.cohort, expected: expectations.cohort, stops: itemStarters.file },
  retry: { starters: itemStarters.retry, expected: expectations.retryItem, stops: itemStarters.file },
  migration: { starters: itemStarters.migration, expected: expectations.migrationItem, stops: declarationOnly },
  // A stage in a stage, or a step, check or stage in a step, means the `}` before it was lost.
  stage: { starters: itemStarters.stage, expected: expectations.stageItem, stops: withIndexes(declarationOnly, K.stage) },
  step: { starters: itemStarters.step, expected: expectations.stepItem, stops: withIndexes(declarationOnly, K.stage, K.step, K.check) },
} as const satisfies Record<string, BlockKind>;

/**
 * What may come after the keyword that starts an item. Skipping resumes
 * only at a keyword followed by what it takes: in `then retry else fail`,
 * `retry` is not the step item `retry Strategy`.
 */
const itemSecond = new Map<number, readonly TokenType[]>([
  ...[K.stage, K.step, K.check, K.retry, K.await, K.produces, K.undo, K.tier, K.party, K.artefact, K.report, K.error, K.cohort, K.group, K.responsible, K.policy].map(
    (keyword) => [keyword.tokenTypeIdx!, [Identifier]] as const,
  ),
  [K.on.tokenTypeIdx!, [K.failure, K.exhausted]],
  [K.within.tokenTypeIdx!, [Duration]],
  [K.may.tokenTypeIdx!, [K.fail]],
  [K.attempts.tokenTypeIdx!, [NumberLiteral]],
  [K.timeout.tokenTypeIdx!, [Duration]],
  [K.jitter.tokenTypeIdx!, [K.none, K.full, Duration]],
  [K.import.tokenTypeIdx!, [StringLiteral]],
  [K.section.tokenTypeIdx!, [StringLiteral]],
  [K.exclude.tokenTypeIdx!, [K.after]],
  [K.installation.tokenTypeIdx!, [LBrace]],
  [K.migration.tokenTypeIdx!, [LBrace]],
]);

/** Whether `next` may follow the item keyword `first` (anything may follow one not listed, such as `commit`). */
export function fitsAfter(first: TokenType, next: TokenType): boolean {
  const allowed = itemSecond.get(first.tokenTypeIdx!);
  return allowed === undefined || allowed.some((type) => isOf(next, type));
}
