/**
 * Comparing a JSON example of the documentation with real output. An
 * excerpt shows some of the keys of each object and some of the items of
 * each array, in order; everything it shows must be exactly so.
 */
export function jsonMismatches(shown: unknown, real: unknown, excerpt: boolean, at = '$'): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(real)) return [`${at}: the output has ${JSON.stringify(real)}, not an array`];
    if (!excerpt) {
      if (shown.length !== real.length) return [`${at}: the output has ${real.length} items, the example ${shown.length}`];
      return shown.flatMap((item, i) => jsonMismatches(item, real[i], false, `${at}[${i}]`));
    }
    // Each shown item matches a later real item than the one before it.
    let next = 0;
    const problems: string[] = [];
    shown.forEach((item, i) => {
      const found = real.findIndex((candidate, j) => j >= next && jsonMismatches(item, candidate, true).length === 0);
      if (found < 0) problems.push(`${at}[${i}]: no item of the output (in order) is ${JSON.stringify(item)}`);
      else next = found + 1;
    });
    return problems;
  }
  if (typeof shown === 'object' && shown !== null) {
    if (typeof real !== 'object' || real === null || Array.isArray(real)) return [`${at}: the output has ${JSON.stringify(real)}, not an object`];
    const realRecord = real as Record<string, unknown>;
    const shownRecord = shown as Record<string, unknown>;
    const problems = Object.keys(shownRecord).flatMap((key) =>
      Object.hasOwn(realRecord, key) ? jsonMismatches(shownRecord[key], realRecord[key], excerpt, `${at}.${key}`) : [`${at}.${key}: not in the output`],
    );
    if (!excerpt) for (const key of Object.keys(realRecord)) if (!Object.hasOwn(shownRecord, key)) problems.push(`${at}.${key}: in the output, not in the example`);
    return problems;
  }
  return Object.is(shown, real) ? [] : [`${at}: the example has ${JSON.stringify(shown)}, the output ${JSON.stringify(real)}`];
}
