/**
 * Decoding of literal token images: strings with escapes, durations with
 * units.
 */

export interface DecodedString {
  readonly value: string;
  /** The first unknown escape, with its offset in the token image. */
  readonly badEscape: { readonly offset: number; readonly text: string } | undefined;
}

const simpleEscapes: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** Decodes a string token image (with its quotes; the closing one may be missing). */
export function decodeString(image: string): DecodedString {
  const closed = image.length >= 2 && image.endsWith('"') && !endsInEscape(image);
  const body = image.slice(1, closed ? -1 : undefined);
  if (!body.includes('\\')) return { value: body, badEscape: undefined };
  let value = '';
  let badEscape: DecodedString['badEscape'];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = body[i + 1];
    const simple = next === undefined ? undefined : simpleEscapes[next];
    if (simple !== undefined) {
      value += simple;
      i++;
      continue;
    }
    const unicode = next === 'u' ? /^\{([0-9A-Fa-f]{1,6})\}/.exec(body.slice(i + 2)) : null;
    const codePoint = unicode ? parseInt(unicode[1]!, 16) : NaN;
    if (unicode && codePoint <= 0x10ffff) {
      value += String.fromCodePoint(codePoint);
      i += 1 + unicode[0].length;
      continue;
    }
    badEscape ??= { offset: i + 1, text: next === undefined ? '\\' : `\\${next}` };
    value += next ?? '';
    i++;
  }
  return { value, badEscape };
}

function endsInEscape(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 0 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const durationPart = /(\d+)(ms|s|m|h|d)/g;

/** Milliseconds of a duration image such as `1h30m`; `undefined` if it overflows. */
export function parseDuration(image: string): number | undefined {
  let total = 0;
  for (const match of image.matchAll(durationPart)) {
    total += Number(match[1]) * unitMs[match[2]!]!;
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

const allUnits = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]] as const;

/** Formats milliseconds as a duration literal, such as `1h30m` or `48h`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  // Policies speak in hours up to a few days (`48h`), so days appear only beyond 99 hours.
  const units = ms >= 100 * 3_600_000 ? allUnits : allUnits.slice(1);
  for (const [unit, size] of units) {
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
