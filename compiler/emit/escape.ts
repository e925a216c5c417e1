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

/**
 * The names every object inherits from `Object.prototype` (ECMAScript's
 * own and Annex B's), listed rather than read from the running engine so
 * the output is the same everywhere. A policy may use any of them as a name.
 */
const inherited: ReadonlySet<string> = new Set([
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
  '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** A key in a type (an interface member): bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return identifier.test(name) ? name : literal(name);
}

/**
 * A key in an object literal. `__proto__: v` and `"__proto__": v` set the
 * literal's prototype instead of adding an entry; only a computed key adds one.
 */
export function objectKey(name: string): string {
  return name === '__proto__' ? `[${literal(name)}]` : propertyKey(name);
}

/**
 * Reading `object`'s own property `name`: `.name` when possible, `["name"]`
 * otherwise. A name every object inherits reads `undefined` when `object`
 * does not hold it itself, as any other missing name does (`typed` keeps the
 * read's type as declared).
 */
export function member(object: string, name: string, typed = false): string {
  const read = identifier.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`;
  if (!inherited.has(name)) return read;
  return `(Object.prototype.hasOwnProperty.call(${object}, ${literal(name)}) ? ${read} : ${typed ? '(undefined as never)' : 'undefined'})`;
}

/** A union type of string literals, or `never` for none. */
export function literalUnion(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(literal).join(' | ');
}
