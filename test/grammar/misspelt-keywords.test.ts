// Every keyword of the bundled policies, misspelt: one diagnostic, at the
// misspelling, suggesting the keyword. The parser reads the misspelt word
// as the keyword it suggests, so nothing after it is lost.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';
import { lex } from '../../grammar/index.js';

const policies = path.resolve(import.meta.dirname, '../../policies');

/** The `.mpol` files of one policy folder, by name. */
function policyFiles(folder: string): Map<string, string> {
  const dir = path.join(policies, folder);
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.mpol')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

const typos = {
  'letters swapped': (w: string) => (w.length >= 4 ? w[1]! + w[0]! + w.slice(2) : w + w.at(-1)!),
  'letter dropped': (w: string) => (w.length >= 4 ? w.slice(0, -1) : `${w}x`),
  'letter replaced': (w: string) => `${w[0]!}q${w.slice(2)}`,
};

/** For each keyword occurrence, what checking the policy with it misspelt reports, when that is not the one expected diagnostic. */
function misreported(folder: string, typo: (word: string) => string): { checked: number; wrong: string[] } {
  const files = policyFiles(folder);
  const roots = [...files.keys()];
  const wrong: string[] = [];
  let checked = 0;
  for (const [file, text] of files) {
    for (const token of lex(text, file).tokens) {
      if (!token.tokenType.name.startsWith('Kw_')) continue;
      const word = token.image;
      const misspelt = typo(word);
      const start = token.startOffset;
      const changed = new Map(files).set(file, text.slice(0, start) + misspelt + text.slice(start + word.length));
      const diagnostics = checkWorkspace(roots, memoryHost(changed)).diagnostics;
      const shown = diagnostics.map((d) => `${d.code} ${d.file}:${d.span.start} ${d.help ?? ''}`);
      const expected = [`unexpected-token ${file}:${start} did you mean \`${word}\`?`];
      checked++;
      if (JSON.stringify(shown) !== JSON.stringify(expected)) wrong.push(`${file}:${start} ${word} → ${misspelt}: ${shown.join('; ')}`);
    }
  }
  return { checked, wrong };
}

describe('a misspelt keyword gives one diagnostic that names it', () => {
  for (const [kind, typo] of Object.entries(typos)) {
    it(`every keyword of the example policy, ${kind}`, () => {
      const { checked, wrong } = misreported('example', typo);
      expect(checked).toBeGreaterThan(100);
      expect(wrong).toEqual([]);
    });
  }

  it('every keyword of MEHRS v2.1, letters swapped', () => {
    const { checked, wrong } = misreported('mehrs/v2.1', typos['letters swapped']);
    expect(checked).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});
