/**
 * Decoding of string token images, with their escapes, and of number
 * literals. Durations are read by `common/duration.ts`, which the runtime
 * shares.
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

const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

/** The string literal whose value is `value`: `decodeString`'s inverse. */
export function encodeString(value: string): string {
  return `"${value.replace(/[\\"\n\r\t\0]/g, (c) => escapes[c]!)}"`;
}

function endsInEscape(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 0 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * The value of a number literal (`3`, `1.5`), or `undefined` when a double
 * cannot hold it exactly enough to mean what it says: a whole number past
 * `Number.MAX_SAFE_INTEGER`, or a decimal of more than 15 significant digits
 * (every decimal of 15 digits reads back as written) or past that range.
 * `99999999999999999999 retries` would otherwise be read as 10^20, and a
 * count or comparison would hold a value the text does not.
 */
export function exactNumber(text: string): number | undefined {
  const value = Number(text);
  if (!text.includes('.')) return Number.isSafeInteger(value) ? value : undefined;
  const digits = text.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= 15 && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : undefined;
}
