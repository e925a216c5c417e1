// Rename across files, of declarations, fields, enumeration members and
// sections; refused, with a reason, where the new name would not do.
import { describe, expect, it } from 'vitest';
import { prepareRename, renameAt } from '../../../compiler/index.js';
import { markedPolicy, textOf } from './helpers.js';

const root = '/p/main.mpol';
const parties = '/p/parties.mpol';
const policy = markedPolicy({
  [root]: `policy P version "1" "Test"
import "parties.mpol"
section "<|>1" "Scope"
installation { <|>type: Active | <|>Dormant  meters: number }
error E1 "Failed" ref "1" { report R }
migration {
  on failure fail E1
  step S ref "1" by Prov<|>ider when installation.type == Dormant
  step T ref "1" by Nobody<|>
  // by Provider<|>
}
`,
  [parties]: `party Provider "Service provider"
report R "Report" to Provider
`,
});
const cursor = (index: number) => policy.cursors.get(root)![index]!;
const rename = (index: number, name: string) => renameAt([policy.table], root, cursor(index), name);
const applied = (index: number, name: string) => {
  const result = rename(index, name);
  if (result.kind !== 'edits') throw new Error(result.kind === 'refused' ? result.message : 'no name here');
  return result.edits.map((edit) => `${edit.file}: ${textOf(policy, edit)} -> ${edit.text}`);
};

describe('rename', () => {
  it('renames a declaration and every use, in every file', () => {
    expect(applied(3, 'Supplier')).toEqual([
      `${parties}: Provider -> Supplier`,
      `${root}: Provider -> Supplier`,
      `${parties}: Provider -> Supplier`,
    ]);
  });

  it('renames a field and an enumeration member with their uses', () => {
    expect(applied(1, 'kind')).toEqual([`${root}: type -> kind`, `${root}: type -> kind`]);
    expect(applied(2, 'Asleep')).toEqual([`${root}: Dormant -> Asleep`, `${root}: Dormant -> Asleep`]);
  });

  it('renames a section inside its quotes, and its refs', () => {
    expect(prepareRename([policy.table], root, cursor(0))).toMatchObject({ kind: 'name', name: '1' });
    expect(applied(0, '1.1')).toEqual(Array(4).fill(`${root}: "1" -> "1.1"`));
  });

  it('refuses a name that is not one, a keyword, or a name already taken', () => {
    expect(rename(3, '2fast')).toEqual({ kind: 'refused', message: '`2fast` is not a name: the name of a party is a letter or `_`, then letters, digits or `_`' });
    expect(rename(3, 'step')).toEqual({ kind: 'refused', message: '`step` is a keyword, so it cannot name a party' });
    expect(rename(3, 'E1')).toEqual({ kind: 'refused', message: '`E1` is already declared in this policy (an error code), and a policy has one namespace' });
    expect(rename(1, 'meters')).toEqual({ kind: 'refused', message: 'the installation already has a field `meters`' });
    expect(rename(2, 'Active')).toEqual({ kind: 'refused', message: '`installation.type` already has a value `Active`' });
  });

  it('lets a field be named by a keyword, as the language does', () => {
    expect(applied(1, 'group')).toEqual([`${root}: type -> group`, `${root}: type -> group`]);
  });

  it('refuses an undeclared name, and has nothing to say outside names', () => {
    expect(prepareRename([policy.table], root, cursor(4))).toEqual({ kind: 'refused', message: '`Nobody` is not declared, so there is nothing to rename' });
    expect(prepareRename([policy.table], root, cursor(5))).toBeUndefined();
    expect(rename(4, 'Somebody')).toEqual({ kind: 'refused', message: '`Nobody` is not declared, so there is nothing to rename' });
    expect(rename(5, 'Somebody')).toEqual({ kind: 'none' });
  });
});
