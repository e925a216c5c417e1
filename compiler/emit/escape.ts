/**
 * The one way policy text enters emitted code. Every string that comes
 * from a policy (titles, names, sections, codes) is written through
 * `literal`, so a title like `"); process.exit(1); ("` or `${globalThis}`
 * stays an inert string. Policy text never goes into comments.
 */

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const lineSeparators = /[\u2028\u2029]/;

/**
 * Literals already built, by value: a policy repeats the same names and
 * codes thousands of times, and each literal is a new string. Cleared
 * when full, so its memory stays bounded in a long-running process.
 */
const built = new Map<string, string>();
const builtLimit = 65_536;

/** A JavaScript string literal with the exact value `value`. */
export function literal(value: string): string {
  let code = built.get(value);
  if (code === undefined) {
    if (built.size === builtLimit) built.clear();
    code = escape(value);
    built.set(value, code);
  }
  return code;
}

function escape(value: string): string {
  // JSON string syntax is a subset of JavaScript's; in a double-quoted
  // literal, `${` has no meaning, and JSON escapes quotes, backslashes and
  // every control character, line breaks included.
  // U+2028 and U+2029 are valid in string literals but break lines in
  // editors and older tools, so they are escaped too.
  const json = JSON.stringify(value);
  return lineSeparators.test(json) ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}

/** An object key for `name`: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return identifier.test(name) ? name : literal(name);
}

/** A property access on `object`: `.name` when possible, `["name"]` otherwise. */
export function member(object: string, name: string): string {
  return identifier.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`;
}

/** A union type of string literals, or `never` for none. */
export function literalUnion(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(literal).join(' | ');
}
