/**
 * "Did you mean" suggestions: the closest candidate by edit distance, if it
 * is close enough to be a plausible typo. Used for unknown names (by the
 * compiler) and for misspelt keywords (by the parser's recovery).
 */
import { nearest } from '../common/edit-distance.js';

/**
 * The candidate nearest to `name`, within a third of its length in edits
 * (at least one), and within `maxEdits` when given.
 */
export function suggest(name: string, candidates: Iterable<string>, maxEdits = Infinity): string | undefined {
  return nearest(name, candidates, Math.min(maxEdits, Math.max(1, Math.floor(name.length / 3))));
}
