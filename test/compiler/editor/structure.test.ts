// Folding, selection, semantic tokens, inlay hints and code actions.
import { describe, expect, it } from 'vitest';
import { actionsFor, applyEdits, checkWorkspace, foldsOf, inlayHints, memoryHost, selectionSpans, semanticTokens, symbolTableOf } from '../../../compiler/index.js';
import { parse } from '../../../grammar/index.js';
import { marked } from '../../lsp/harness.js';

const text = `// One
// comment
policy P version "1" "Test"
import "a.mpol"
import "b.mpol"

/* a block
   comment */
installation { group: Active | Dormant }
party S "Supplier"
party Unused "Nobody"
cohort C "Cohort" { group G "Group" }
error E1 "Failed" { report R }
report R "Report" to S
retry Slow { tier t: 3 retries every 1h  within 10h }
migration {
  on failure fail E1
  stage One by S {
    step A when installation.group == Active {
      retry Slow
      within 150m after A else fail E1
    }
  }
}
`;
const file = (source: string) => {
  const { tree, comments, unread } = parse(source, '/p.mpol');
  return { path: '/p.mpol', text: source, tree, comments, unread };
};
const f = file(text);
const table = symbolTableOf([f]);

describe('folding', () => {
  it('folds every block, comments of several lines and runs of imports', () => {
    expect(foldsOf(f.text, f.tree, f.comments).map((fold) => [fold.kind, text.slice(fold.start, fold.end).split('\n')[0]])).toEqual([
      ['comment', '// One'],
      ['imports', 'import "a.mpol"'],
      ['comment', '/* a block'],
      ['block', '{ group: Active | Dormant }'],
      ['block', '{ group G "Group" }'],
      ['block', '{ report R }'],
      ['block', '{ tier t: 3 retries every 1h  within 10h }'],
      ['block', '{'],
      ['block', '{'],
      ['block', '{'],
    ]);
  });
});

describe('selection', () => {
  it('grows from a name through each node around it to the file', () => {
    const at = text.indexOf('Slow\n      within');
    expect(selectionSpans(f.tree, at + 1).map((span) => text.slice(span.start, span.end).split('\n')[0])).toEqual([
      'Slow',
      'retry Slow',
      'step A when installation.group == Active {',
      'stage One by S {',
      'migration {',
      '// One',
    ]);
  });
});

describe('semantic tokens', () => {
  const tokens = semanticTokens(f, table);
  const at = (word: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(word, offset + 1);
    return tokens.find((token) => token.start === offset);
  };

  it('gives keywords their category and names their kind, the declaration marked', () => {
    expect(at('policy')).toMatchObject({ type: 'keyword' });
    expect(at('party S')).toMatchObject({ type: 'keyword' });
    expect(at('S "Supplier"')).toMatchObject({ type: 'class', declaration: true, length: 1 });
    expect(at('E1 "Failed"')).toMatchObject({ type: 'enum', declaration: true });
    expect(at('E1', 1)).toMatchObject({ type: 'enum', declaration: false });
    expect(at('Slow', 1)).toMatchObject({ type: 'event', declaration: false });
    expect(at('A when')).toMatchObject({ type: 'function', declaration: true });
  });

  it('colours a keyword used as a field name as a field, and members as members', () => {
    expect(at('group: Active')).toMatchObject({ type: 'property', declaration: true });
    expect(at('group ==')).toMatchObject({ type: 'property', declaration: false });
    expect(at('Active {')).toMatchObject({ type: 'enumMember', declaration: false });
    expect(at('group G')).toMatchObject({ type: 'keyword' });
  });

  it('names the policy and each retry tier, declarations no other place refers to', () => {
    const policyName = f.tree.items.find((item) => item.kind === 'Policy')!;
    expect(tokens.find((token) => token.start === policyName.name.start)).toMatchObject({ type: 'namespace', declaration: true });
    expect(at('t: 3 retries')).toMatchObject({ type: 'variable', declaration: true, length: 1 });
  });

  it('marks durations and numbers', () => {
    expect(at('150m')).toMatchObject({ type: 'number', length: 4 });
  });

  it('never overlaps', () => {
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.start + tokens[i - 1]!.length);
  });
});

describe('inlay hints', () => {
  it('say how many attempts a strategy makes, and the last one in time before a deadline', () => {
    const hints = inlayHints(f, table, { start: 0, end: text.length });
    expect(hints.map((hint) => [text.slice(hint.offset - 10, hint.offset), hint.label])).toEqual([
      ['retry Slow', '4 attempts over 10h'],
      ['ithin 150m', 'last attempt in time: 3 at 2h'],
    ]);
  });

  it('only in the range asked for', () => {
    expect(inlayHints(f, table, { start: 0, end: text.indexOf('retry Slow\n') })).toEqual([]);
  });
});

describe('code actions', () => {
  it('offer removing an unused declaration, its whole line', () => {
    const { diagnostics } = checkWorkspace(['/p.mpol'], memoryHost({ '/p.mpol': text.replace('import "a.mpol"\nimport "b.mpol"\n', '') }));
    const unused = diagnostics.find((d) => d.code === 'unused-declaration')!;
    const source = text.replace('import "a.mpol"\nimport "b.mpol"\n', '');
    const [removal] = actionsFor(unused, file(source));
    expect(removal?.message).toBe('remove `Unused`');
    expect(applyEdits(source, removal!.edits)).toBe(source.replace('party Unused "Nobody"\n', ''));
  });

  it('offer the fixes the compiler attached, first', () => {
    const { text: source } = marked('policy P version "1" "T"\nparty Supplier "S"\nmigration { step A by Suplier }\n');
    const { diagnostics } = checkWorkspace(['/p.mpol'], memoryHost({ '/p.mpol': source }));
    const unknown = diagnostics.find((d) => d.code === 'unknown-name')!;
    expect(actionsFor(unknown, file(source)).map((fix) => fix.message)[0]).toBe('replace `Suplier` with `Supplier`');
  });
});
