// What the tree keeps for editors and the formatter beyond names and
// values: the braces of every block (so `step A by P` and `step A by P {}`
// differ) and every comment with its kind, text and both offsets.
import { describe, expect, test } from 'vitest';
import { parse, type Braces, type SourceFile } from '../../grammar/index.js';

const text = (source: string, span: Braces | undefined): string | undefined => (span === undefined ? undefined : source.slice(span.start, span.end));

function tree(source: string): SourceFile {
  return parse(source, 'spans.mpol').tree;
}

describe('braces', () => {
  const source = `installation { a: bool }
error E1 "e" { report R1 }
error E2 "e"
retry S { tier t: every 1m  within 1h }
cohort C "c" { group G "g" }
cohort D "d"
migration {
  stage V {
    step A by P
    step B by P {}
    step C by P { /* nothing yet */ }
  }
}
`;
  const items = tree(source).items;

  test('every block records the span from its `{` to its `}`', () => {
    const [installation, e1, e2, retry, cohortC, cohortD, migration] = items;
    expect(installation?.kind === 'Installation' && text(source, installation.braces)).toBe('{ a: bool }');
    expect(e1?.kind === 'Error' && text(source, e1.braces)).toBe('{ report R1 }');
    expect(e2?.kind === 'Error' && e2.braces).toBeUndefined();
    expect(retry?.kind === 'Retry' && text(source, retry.braces)).toBe('{ tier t: every 1m  within 1h }');
    expect(cohortC?.kind === 'Cohort' && text(source, cohortC.braces)).toBe('{ group G "g" }');
    expect(cohortD?.kind === 'Cohort' && cohortD.braces).toBeUndefined();
    expect(migration?.kind === 'Migration' && text(source, migration.braces)).toBe(source.slice(source.indexOf('{\n  stage'), source.lastIndexOf('}') + 1));
  });

  test('a step without braces differs from one with empty braces', () => {
    const migration = items[6];
    if (migration?.kind !== 'Migration') throw new Error('no migration');
    const stage = migration.items[0];
    if (stage?.kind !== 'Stage') throw new Error('no stage');
    expect(text(source, stage.braces)?.startsWith('{\n    step A')).toBe(true);
    const steps = stage.items.map((item) => (item.kind === 'Step' ? text(source, item.braces) : 'not a step'));
    expect(steps).toEqual([undefined, '{}', '{ /* nothing yet */ }']);
  });

  test('a block whose `}` is missing ends where the file does', () => {
    const open = 'migration {\n  step A by P {\n    commit';
    const migration = tree(open).items[0];
    if (migration?.kind !== 'Migration') throw new Error('no migration');
    expect(text(open, migration.braces)).toBe(open.slice(open.indexOf('{')));
    const step = migration.items[0];
    expect(step?.kind === 'Step' && text(open, step.braces)).toBe('{\n    commit');
  });
});

describe('comments', () => {
  test('keep their kind, their text and both offsets', () => {
    const source = 'party P "p" // trailing\n/* block\n   two lines */\nparty Q "q"';
    const { comments } = parse(source, 'c.mpol');
    expect(comments.map((c) => [c.kind, c.text, source.slice(c.start, c.end)])).toEqual([
      ['LineComment', '// trailing', '// trailing'],
      ['BlockComment', '/* block\n   two lines */', '/* block\n   two lines */'],
    ]);
  });

  test('an unclosed block comment runs to the end of the file', () => {
    const source = 'party P "p"\n/* never closed\nparty Q "q"';
    const { comments, diagnostics } = parse(source, 'c.mpol');
    expect(comments).toEqual([{ kind: 'BlockComment', text: source.slice(12), start: 12, end: source.length }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['unterminated-comment']);
  });
});
