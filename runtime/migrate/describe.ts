/**
 * Describing a value a handler threw or rejected with, for the timeline and
 * for usage errors. Whatever was thrown (an `Error`, a string, a symbol, an
 * object whose `message` getter or `toString` throws) gives a short line,
 * and describing it never throws.
 */

/** At most this many characters of a message are kept. */
const longest = 200;

export function describeThrown(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? String(error.message) : typeof error === 'symbol' ? error.toString() : String(error);
  } catch {
    return 'an unprintable value';
  }
  return `\`${text.length > longest ? `${text.slice(0, longest - 3)}...` : text}\``;
}
