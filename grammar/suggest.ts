/**
 * "Did you mean" suggestions: the closest candidate by edit distance, if it
 * is close enough to be a plausible typo. Used for unknown names (by the
 * compiler) and for misspelt keywords (by the parser's recovery).
 */

/**
 * The candidate nearest to `name`, within a third of its length in edits
 * (at least one), and within `maxEdits` when given.
 */
export function suggest(name: string, candidates: Iterable<string>, maxEdits = Infinity): string | undefined {
  const limit = Math.min(maxEdits, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** The help line for a suggestion, or `undefined`. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const match = suggest(name, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap
 * of two neighbouring letters (`stpe` for `step`) as one edit; gives up,
 * returning more than `ceiling`, once the distance cannot be within it.
 */
function editDistance(a: string, b: string, ceiling: number): number {
  if (Math.abs(a.length - b.length) > ceiling) return ceiling + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > ceiling) return ceiling + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
