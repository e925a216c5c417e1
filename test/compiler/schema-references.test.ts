// The binder records references to the installation schema as it does
// references to declared names: every `installation.<field>` and every
// enumeration member compared with a field, with what each names, so that
// an editor can go to their definition, find their uses and rename them.
import { describe, expect, test } from 'vitest';
import { checkWorkspace, memoryHost, type SymbolTable } from '../../compiler/index.js';

const policy = `policy P version "1" "p"
section "1" "s"
party Pa "p"
report R "r" to Pa
error E1 "e" ref "1" { report R }
installation {
  type: Active | Dormant | Mixed
  meters: number
}
migration {
  on failure fail E1
  check E1 ref "1" requires installation.type != Dormant and (Mixed == installation.type or installation.meters > 1)
  step S ref "1" by Pa when installation.type == Dormnt or installation.metres < 3 or not installation.type == Active
}
`;

function compile(text: string): { table: SymbolTable; codes: string[] } {
  const result = checkWorkspace(['p.mpol'], memoryHost({ 'p.mpol': text }));
  return { table: result.policies[0]!.table, codes: result.diagnostics.map((d) => d.code) };
}

const at = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

describe('schema references', () => {
  const { table, codes } = compile(policy);

  test('every field of the installation is declared with its members and where they are', () => {
    const type = table.fields.get('type')!;
    expect([...type.members.values()].map((m) => [m.name, m.field, at(policy, m.span)])).toEqual([
      ['Active', 'type', 'Active'],
      ['Dormant', 'type', 'Dormant'],
      ['Mixed', 'type', 'Mixed'],
    ]);
    expect(table.fields.get('meters')!.members.size).toBe(0);
  });

  test('every installation.<field> is recorded, known or not', () => {
    expect(table.fieldReferences.map((r) => [r.name, at(policy, r.span), r.target?.name])).toEqual([
      ['type', 'type', 'type'],
      ['type', 'type', 'type'],
      ['meters', 'meters', 'meters'],
      ['type', 'type', 'type'],
      ['metres', 'metres', undefined],
      ['type', 'type', 'type'],
    ]);
  });

  test('every name compared with an enumerated field is a member reference, on either side', () => {
    expect(table.memberReferences.map((r) => [r.name, r.field.name, r.target === undefined ? undefined : at(policy, r.target.span)])).toEqual([
      ['Dormant', 'type', 'Dormant'],
      ['Mixed', 'type', 'Mixed'],
      ['Dormnt', 'type', undefined],
      ['Active', 'type', 'Active'],
    ]);
  });

  test('an unknown field and an unknown member are reported once each', () => {
    expect(codes).toEqual(['unknown-enum-member', 'unknown-field']);
  });
});
