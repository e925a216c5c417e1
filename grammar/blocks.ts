/**
 * The kinds of block the grammar has, for recovery inside them: which
 * tokens start an item, how messages name what is expected, and which
 * tokens mean the block's `}` was lost (see `RecoveringParser.skipToItem`).
 */
import type { TokenType } from 'chevrotain';
import { expectations } from './syntax-errors.js';
import { declarationOnly, itemStarters, Keywords as K } from './tokens.js';

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
