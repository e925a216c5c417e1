// Every single-token mistake in the bundled policies: each token deleted,
// and each token written twice. One mistake must give at most one syntax
// error.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex, parse } from '../../grammar/index.js';

const policies = path.resolve(import.meta.dirname, '../../policies');

/** Each edit of `folder`'s files that gives more than one syntax error, with the text each error underlines. */
function cascades(folder: string): { edits: number; over: string[] } {
  const dir = path.join(policies, folder);
  const over: string[] = [];
  let edits = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mpol')).sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    for (const token of lex(text, name).tokens) {
      const start = token.startOffset;
      const end = start + token.image.length;
      for (const [edit, changed] of [
        ['delete', text.slice(0, start) + text.slice(end)],
        ['double', `${text.slice(0, end)} ${token.image}${text.slice(end)}`],
      ] as const) {
        edits++;
        const errors = parse(changed, name).diagnostics;
        if (errors.length > 1) over.push(`${edit} ${name}:${start} \`${token.image}\`: ${errors.map((d) => `\`${changed.slice(d.span.start, d.span.end)}\``).join(', ')}`);
      }
    }
  }
  return { edits, over };
}

describe('one mistake, at most one syntax error', () => {
  it.each([
    ['example', 700],
    ['mehrs/v2.0', 850],
    ['mehrs/v2.1', 1400],
  ])('in policies/%s', (folder, least) => {
    const { edits, over } = cascades(folder);
    expect(edits).toBeGreaterThan(least);
    expect(over).toEqual([]);
  });
});
