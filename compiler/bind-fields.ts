/**
 * Binding of the installation schema: declares every field (and the
 * members of each enumeration), then records every `installation.<field>`
 * in an expression and every enumeration member compared with a field,
 * with what each names. Definition, references and rename in an editor
 * work from these, as they do from `Reference` for declared names.
 * Reports `duplicate-field`, `duplicate-enum-member` and `unknown-field`;
 * `typecheck` reports a member that is not one (`unknown-enum-member`).
 */
import type * as A from '../grammar/index.js';
import { nearNameExtras, suggest } from '../grammar/index.js';
import type { PassContext } from './context.js';
import type { FieldReference, FieldSymbol, MemberReference, MemberSymbol } from './symbols.js';
import { forEachExpression } from './walk-expressions.js';

export function declareFields(ctx: PassContext): Map<string, FieldSymbol> {
  const fields = new Map<string, FieldSymbol>();
  for (const file of ctx.files) {
    for (const item of file.tree.items) {
      if (item.kind !== 'Installation') continue;
      for (const field of item.fields) declareField(ctx, fields, file.path, field);
    }
  }
  return fields;
}

function declareField(ctx: PassContext, fields: Map<string, FieldSymbol>, file: string, field: A.FieldDecl): void {
  if (field.name.kind === 'Missing') return;
  const name = field.name.name;
  const first = fields.get(name);
  if (first !== undefined) {
    const notes = [{ message: `\`${name}\` is first declared here`, file: first.file, span: first.span }];
    ctx.report('duplicate-field', file, field.name, { name }, { notes });
    return;
  }
  const members = new Map<string, MemberSymbol>();
  const type: FieldSymbol['type'] = field.type.kind === 'Missing' ? { kind: 'unknown' } : field.type.kind === 'PrimitiveType' ? { kind: field.type.name } : { kind: 'enum', field: name, members: enumMembers(ctx, file, name, field.type, members) };
  fields.set(name, { name, type, file, span: field.name, members });
}

function enumMembers(ctx: PassContext, file: string, field: string, type: A.EnumType, symbols: Map<string, MemberSymbol>): string[] {
  for (const member of type.members) {
    if (member.kind === 'Missing') continue;
    if (symbols.has(member.name)) ctx.report('duplicate-enum-member', file, member, { name: member.name });
    else symbols.set(member.name, { name: member.name, field, file, span: member });
  }
  return [...symbols.keys()];
}

export interface SchemaReferences {
  readonly fieldReferences: FieldReference[];
  readonly memberReferences: MemberReference[];
}

/** Records every field and enumeration member the policy's expressions name, reporting unknown fields. */
export function bindSchemaReferences(ctx: PassContext, fields: ReadonlyMap<string, FieldSymbol>): SchemaReferences {
  const references: SchemaReferences = { fieldReferences: [], memberReferences: [] };
  for (const file of ctx.files) {
    const visit = (expr: A.Expr): void => {
      switch (expr.kind) {
        case 'Binary':
          visit(expr.left);
          visit(expr.right);
          if (expr.operator !== 'and' && expr.operator !== 'or') compared(expr.left, expr.right) ?? compared(expr.right, expr.left);
          return;
        case 'Not':
          return visit(expr.operand);
        case 'FieldRef':
          if (expr.field.kind === 'Missing') return;
          references.fieldReferences.push({ file: file.path, span: expr.field, name: expr.field.name, target: resolveField(expr.field) });
          return;
        default:
          return;
      }
    };
    const resolveField = (name: A.Ident): FieldSymbol | undefined => {
      const field = fields.get(name.name);
      if (field === undefined) ctx.report('unknown-field', file.path, name, { name: name.name }, nearNameExtras(file.path, name, name.name, suggest(name.name, fields.keys())));
      return field;
    };
    // A name compared with an enumerated field names one of its members, or tries to.
    const compared = (side: A.Expr, other: A.Expr): true | undefined => {
      if (side.kind !== 'FieldRef' || side.field.kind !== 'Ident' || other.kind !== 'Ident') return undefined;
      const field = fields.get(side.field.name);
      if (field?.type.kind !== 'enum') return undefined;
      references.memberReferences.push({ file: file.path, span: other, name: other.name, field, target: field.members.get(other.name) });
      return true;
    };
    forEachExpression(file.tree, visit);
  }
  return references;
}
