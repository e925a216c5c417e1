/**
 * The kinds of block the grammar has, for recovery inside them: which
 * tokens start an item, how messages name what is expected, and which
 * tokens mean the block's `}` was lost (see `ParserBase.skipToItem`).
 */
import { expectations } from './syntax-errors.js';
import { declarationOnly, itemStarters } from './tokens.js';

export interface BlockKind {
  readonly starters: ReadonlySet<number>;
  readonly expected: string;
  /** Tokens that end the skipping without starting an item; the file itself has none. */
  readonly stops: ReadonlySet<number> | 'top-level';
}

// Declaration blocks hold no declarations, so any declaration keyword
// ends them; flow blocks hold guards, where `cohort` and `installation`
// appear, so only the keywords that never occur inside them do.
export const blocks = {
  file: { starters: itemStarters.file, expected: expectations.file, stops: 'top-level' },
  installation: { starters: itemStarters.installation, expected: expectations.installation, stops: itemStarters.file },
  error: { starters: itemStarters.error, expected: expectations.error, stops: itemStarters.file },
  cohort: { starters: itemStarters.cohort, expected: expectations.cohort, stops: itemStarters.file },
  retry: { starters: itemStarters.retry, expected: expectations.retryItem, stops: itemStarters.file },
  migration: { starters: itemStarters.migration, expected: expectations.migrationItem, stops: declarationOnly },
  stage: { starters: itemStarters.stage, expected: expectations.stageItem, stops: declarationOnly },
  step: { starters: itemStarters.step, expected: expectations.stepItem, stops: declarationOnly },
} as const satisfies Record<string, BlockKind>;
