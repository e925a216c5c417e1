// The keyword categories (grammar/tokens.ts) that editors colour by stay
// in step with the grammar and with the reference: each word is in one
// category, every word is one the grammar consumes and the lexer
// reserves, and docs/language.md lists the same words under the same
// categories.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { keywordCategories, keywordCategory, keywords, lex } from '../../grammar/index.js';
import { PolicyParser } from '../../grammar/parser.js';

/** The names of every terminal the grammar's productions consume. */
function terminals(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) terminals(item, found);
  else if (typeof value === 'object' && value !== null) {
    const node = value as { type?: unknown; name?: unknown };
    if (node.type === 'Terminal' && typeof node.name === 'string') found.add(node.name);
    for (const child of Object.values(value)) terminals(child, found);
  }
  return found;
}

describe('keyword categories', () => {
  test('put each word in exactly one category', () => {
    const all = Object.values(keywordCategories).flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...keywords].sort()).toEqual([...all].sort());
    for (const [category, words] of Object.entries(keywordCategories)) for (const word of words) expect(keywordCategory(word)).toBe(category);
    expect(keywordCategory('Provider')).toBeUndefined();
  });

  test('hold exactly the keywords the grammar consumes', () => {
    const used = [...terminals(new PolicyParser().getSerializedGastProductions())].filter((name) => name.startsWith('Kw_')).map((name) => name.slice(3));
    expect(used.sort()).toEqual([...keywords].sort());
  });

  test('are words the lexer reserves', () => {
    for (const word of keywords) expect(lex(word, 'k.mpol').tokens[0]?.tokenType.name).toBe(`Kw_${word}`);
  });

  test('are listed the same way in docs/language.md', () => {
    const page = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
    // The table that follows the sentence about categories, up to the blank line after it.
    const from = page.indexOf('| category | what they do | words |');
    const reference = page.slice(from, page.indexOf('\n\n', from));
    const documented = Object.fromEntries(
      [...reference.matchAll(/^\| (\w+) \| [^|]+ \| ((?:`\w+` ?)+) \|$/gm)].map((row) => [row[1]!, [...row[2]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!)]),
    );
    expect(documented).toEqual(Object.fromEntries(Object.entries(keywordCategories).map(([category, words]) => [category, [...words]])));
  });
});
