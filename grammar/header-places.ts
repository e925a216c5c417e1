/**
 * The places in headers where stray tokens are skipped
 * (`HeaderParser.skipHeaderStrays`): for each, what may come next there,
 * how messages name it, and what ends the header instead.
 */
import type { TokenType } from 'chevrotain';
import * as T from './tokens.js';

const K = T.Keywords;
const keywordTypes: ReadonlySet<TokenType> = new Set(Object.values(K));
const noItems: ReadonlySet<number> = new Set();
const indexes = (types: Iterable<TokenType | number>): ReadonlySet<number> => new Set([...types].map((type) => (typeof type === 'number' ? type : type.tokenTypeIdx!)));

/**
 * Tokens that end a header where they stand, strays or not: they start
 * an item of a block the header may be in, or a declaration. In the flow,
 * `cohort`, `group` and `installation` are not among them: guards hold
 * them.
 */
const headerStops = {
  declaration: indexes(T.itemStarters.file),
  flow: indexes([...T.itemStarters.migration, ...T.itemStarters.step, ...T.declarationOnly, K.stage]),
} as const;

/** A place in a header: what may come next in it, and what ends it. */
export interface HeaderPlace {
  readonly expected: string;
  /** The tokens that go on with the header from here: its later parts and its `{`. */
  readonly next: ReadonlySet<number>;
  /** The keywords among them: a word that misspells one goes on with the header too. */
  readonly keywords: readonly number[];
  readonly stops: ReadonlySet<number>;
}

/**
 * A place in a header that `stops` end (`headerStops`), where the tokens
 * `next` go on with it. The items of the body the header opens end it
 * too (`items`): before one, the header's `{` is missing.
 */
function headerPlace(stops: ReadonlySet<number>, expected: string, next: readonly TokenType[], items: ReadonlySet<number> = noItems): HeaderPlace {
  const keywords = next.filter((type) => keywordTypes.has(type)).map((type) => type.tokenTypeIdx!);
  return { expected, next: indexes(next), keywords, stops: indexes([...stops, ...items]) };
}

const { declaration, flow } = headerStops;
const blockAfterName = [K.ref, K.by, K.when, K.unless, T.LBrace];
const checkParts = [K.when, K.unless, K.requires, K.external];

/** Every place in a header, by the rule it is in. */
export const headerPlaces = {
  // stage and step: Name ref? ("by" Name)? guard? "{"
  blockAfterName: headerPlace(flow, '`ref`, `by`, a guard or `{`', blockAfterName),
  blockAfterRef: headerPlace(flow, '`by`, a guard or `{`', blockAfterName.slice(1)),
  blockAfterParty: headerPlace(flow, 'a guard or `{`', blockAfterName.slice(2)),
  blockAfterGuard: headerPlace(flow, '`{`', [T.LBrace]),
  // check Name ref? guard? ("requires" | "external")
  checkAfterName: headerPlace(flow, '`ref`, a guard, `requires` or `external`', [K.ref, ...checkParts]),
  checkAfterRef: headerPlace(flow, '`when`, `unless`, `requires` or `external`', checkParts),
  checkPredicate: headerPlace(flow, '`requires` or `external`', checkParts.slice(2)),
  // await Name deadline?
  awaitDeadline: headerPlace(flow, '`within` or the next item', [K.within]),
  // incident resolved by Name ("or" Name)* "then"
  incidentResolvers: headerPlace(flow, '`or` or `then`', [K.or, K.then]),
  migration: headerPlace(declaration, '`{`', [T.LBrace], T.itemStarters.migration),
  installation: headerPlace(declaration, '`{`', [T.LBrace]),
  // retry Name ref? "{"
  retryAfterName: headerPlace(declaration, '`ref` or `{`', [K.ref, T.LBrace], T.itemStarters.retry),
  retryAfterRef: headerPlace(declaration, '`{`', [T.LBrace], T.itemStarters.retry),
  // error Name String ref? "{"?
  errorAfterTitle: headerPlace(declaration, '`ref`, `{` or the next declaration', [K.ref, T.LBrace], T.itemStarters.error),
  errorAfterRef: headerPlace(declaration, '`{` or the next declaration', [T.LBrace], T.itemStarters.error),
  // cohort Name String "{"?
  cohortAfterTitle: headerPlace(declaration, '`{` or the next declaration', [T.LBrace], T.itemStarters.cohort),
} as const;
