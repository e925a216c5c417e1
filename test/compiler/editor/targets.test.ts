// The name at a cursor and what it stands for; its declaration and uses.
import { describe, expect, it } from 'vitest';
import { declarationOf, nameAt, referencesOf } from '../../../compiler/index.js';
import { markedPolicy, textOf } from './helpers.js';

const root = '/p/main.mpol';
const parties = '/p/parties.mpol';

const policy = markedPolicy({
  [root]: `policy P version "1" "Test"
import "parties.mpol"
section "1" "Scope"
installation { ty<|>pe: Active | Dor<|>mant }
error E1 "Failed" ref "<|>1" { report R }
migration {
  on failure fail E<|>1
  step S ref "1" by Prov<|>ider when installation.type == Dormant<|>
  step T ref "1" by Provider when installation.ty<|>pe != Active
  step U ref "1" by Nobody<|>
}
`,
  [parties]: `party <|>Provider "Service provider"
report R "Report" to Provider
`,
});
const at = (file: string, index: number) => nameAt(policy.table, file, policy.cursors.get(file)![index]!);

describe('the name at a cursor', () => {
  it('finds a use and the declaration it names, in another file', () => {
    const name = at(root, 4)!;
    expect([name.name, name.declaration, name.target?.kind]).toEqual(['Provider', false, 'symbol']);
    const declaration = declarationOf(name.target!);
    expect([declaration.file, textOf(policy, declaration)]).toEqual([parties, 'Provider']);
  });

  it('finds a declaration itself, with the cursor just before it', () => {
    const name = at(parties, 0)!;
    expect([name.name, name.declaration]).toEqual(['Provider', true]);
  });

  it('finds a use with the cursor just after it', () => {
    expect(at(root, 5)?.name).toBe('Dormant');
    expect(at(root, 7)?.name).toBe('Nobody');
  });

  it('knows fields, enumeration members and sections', () => {
    expect([at(root, 0)?.target?.kind, at(root, 0)?.declaration]).toEqual(['field', true]);
    expect([at(root, 1)?.target?.kind, at(root, 1)?.name]).toEqual(['member', 'Dormant']);
    expect([at(root, 2)?.target?.kind, at(root, 2)?.name]).toEqual(['section', '1']);
    expect([at(root, 6)?.target?.kind, at(root, 6)?.declaration]).toEqual(['field', false]);
  });

  it('gives an unknown name with no target', () => {
    expect(at(root, 7)?.target).toBeUndefined();
  });

  it('gives nothing between names', () => {
    expect(nameAt(policy.table, root, policy.texts.get(root)!.indexOf('migration {') + 3)).toBeUndefined();
  });
});

describe('references', () => {
  it('lists every use across the files, the declaration first when asked', () => {
    const provider = at(root, 4)!.target!;
    const found = referencesOf(policy.table, provider, true);
    expect(found.map((l) => [l.file, textOf(policy, l)])).toEqual([
      [parties, 'Provider'],
      [root, 'Provider'],
      [root, 'Provider'],
      [parties, 'Provider'],
    ]);
    expect(referencesOf(policy.table, provider, false)).toHaveLength(3);
  });

  it('lists the uses of an enumeration member and of a field', () => {
    expect(referencesOf(policy.table, at(root, 1)!.target!, false).map((l) => textOf(policy, l))).toEqual(['Dormant']);
    expect(referencesOf(policy.table, at(root, 0)!.target!, false).map((l) => textOf(policy, l))).toEqual(['type', 'type']);
  });

  it('lists the refs to a section', () => {
    expect(referencesOf(policy.table, at(root, 2)!.target!, false).map((l) => textOf(policy, l))).toEqual(['"1"', '"1"', '"1"', '"1"']);
  });
});
