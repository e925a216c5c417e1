/**
 * The edit distance behind every "did you mean": unknown names and misspelt
 * keywords in policies, unknown keys and names in fault models, unknown
 * flags and cohorts on the command line.
 *
 * Invariant: this folder imports nothing, so every layer may import it.
 */

/**
 * Edits from `a` to `b`, counting an insertion, a deletion, a substitution
 * or a swap of two neighbouring letters (`stpe` for `step`) as one edit.
 * Gives up, returning `ceiling + 1`, once the distance cannot be within
 * `ceiling`, so a search over many candidates stays cheap.
 */
export function editDistance(a: string, b: string, ceiling = Infinity): number {
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

/**
 * The candidate nearest to `name` ignoring case, within `maxEdits`; ties go
 * to the candidate that sorts first, so the answer does not depend on the
 * order candidates come in. An exact match is not a suggestion.
 */
export function nearest(name: string, candidates: Iterable<string>, maxEdits: number): string | undefined {
  let best: string | undefined;
  let bestDistance = maxEdits + 1;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const candidateLower = candidate.toLowerCase();
    const distance = candidateLower === lower ? 0 : editDistance(lower, candidateLower, bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxEdits ? best : undefined;
}
