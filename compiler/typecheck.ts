/**
 * Types of guards and check predicates against the installation schema.
 * Reports `type-mismatch`, `not-ordered`,
 * `unknown-enum-member`, `unresolved-value` and `not-boolean`.
 * `Missing` nodes type as unknown and are never reported again.
 */
import { assertNever, encodeString, nearNameExtras, parseDuration, replaceFix, suggest, type DiagnosticExtras, type Expr } from '../grammar/index.js';
import { addMemberFix, withFix } from './fixes.js';
import type { PassContext } from './context.js';
import type { FieldType, SymbolTable } from './symbols.js';
import { forEachExpression } from './walk-expressions.js';

type ExprType = FieldType | { readonly kind: 'unknown' } | { readonly kind: 'member'; readonly name: string };

const BOOL: ExprType = { kind: 'bool' };
const UNKNOWN: ExprType = { kind: 'unknown' };

export function typecheck(ctx: PassContext, table: SymbolTable): void {
  for (const file of ctx.files) {
    forEachExpression(file.tree, (expr, context) => {
      const type = settle(ctx, file.path, expr, typeOf(ctx, table, file.path, expr));
      if (type.kind !== 'bool' && type.kind !== 'unknown') {
        ctx.report('not-boolean', file.path, expr, { context, type: describe(type) });
      }
    });
  }
}

function typeOf(ctx: PassContext, table: SymbolTable, file: string, expr: Expr): ExprType {
  switch (expr.kind) {
    case 'Missing':
      return UNKNOWN;
    case 'Bool':
    case 'CohortIs':
    case 'GroupIs':
      return BOOL;
    case 'Number':
      return { kind: 'number' };
    case 'Duration':
      return { kind: 'duration' };
    case 'String':
      return { kind: 'text' };
    case 'Ident':
      return { kind: 'member', name: expr.name };
    case 'FieldRef': {
      if (expr.field.kind === 'Missing') return UNKNOWN;
      // An unknown field is reported by the binder, which records every field reference.
      return table.fields.get(expr.field.name)?.type ?? UNKNOWN;
    }
    case 'Not':
      expectBool(ctx, file, expr.operand, typeOf(ctx, table, file, expr.operand), '`not`');
      return BOOL;
    case 'Binary': {
      const left = typeOf(ctx, table, file, expr.left);
      const right = typeOf(ctx, table, file, expr.right);
      if (expr.operator === 'and' || expr.operator === 'or') {
        expectBool(ctx, file, expr.left, left, `\`${expr.operator}\``);
        expectBool(ctx, file, expr.right, right, `\`${expr.operator}\``);
        return BOOL;
      }
      compare(ctx, table, file, expr, left, right);
      return BOOL;
    }
    default:
      return assertNever(expr);
  }
}

function compare(ctx: PassContext, table: SymbolTable, file: string, expr: Expr & { kind: 'Binary' }, left: ExprType, right: ExprType): void {
  if (left.kind === 'unknown' || right.kind === 'unknown') return;
  if (left.kind === 'member' || right.kind === 'member') {
    const [member, other, memberExpr] = left.kind === 'member' ? [left, right, expr.left] : [right as { kind: 'member'; name: string }, left, expr.right];
    if (other.kind === 'enum') {
      if (expr.operator !== '==' && expr.operator !== '!=') ctx.report('not-ordered', file, expr, { operator: expr.operator, type: describe(other) });
      else if (!other.members.includes(member.name)) {
        const near = nearNameExtras(file, memberExpr, member.name, suggest(member.name, other.members));
        const field = table.fields.get(other.field);
        ctx.report('unknown-enum-member', file, memberExpr, { name: member.name, field: other.field }, withFix(near, field && addMemberFix(field, member.name)));
      }
      return;
    }
    const quote = other.kind === 'text' ? { help: `text is written in quotes: \`"${member.name}"\``, fixes: [replaceFix(file, memberExpr, member.name, `"${member.name}"`)] } : {};
    ctx.report('unresolved-value', file, memberExpr, { name: member.name }, quote);
    return;
  }
  if (!sameType(left, right)) {
    ctx.report('type-mismatch', file, expr, { left: describe(left), right: describe(right) }, quotedValueExtras(file, expr, left, right));
    return;
  }
  if (expr.operator !== '==' && expr.operator !== '!=' && left.kind !== 'number' && left.kind !== 'duration') {
    ctx.report('not-ordered', file, expr, { operator: expr.operator, type: describe(left) });
  }
}

/**
 * A comparison of a field with a quoted value that is not text, as other
 * languages write every value (`installation.type == "Prepay"`): the help
 * and the fix drop the quotes, when the value is one the field's type has
 * (the enumeration member nearest to it, for a misspelt one).
 */
function quotedValueExtras(file: string, expr: Expr & { kind: 'Binary' }, left: ExprType, right: ExprType): DiagnosticExtras {
  const [quoted, other] = expr.right.kind === 'String' ? [expr.right, left] : expr.left.kind === 'String' ? [expr.left, right] : [undefined, undefined];
  if (quoted === undefined || other === undefined) return {};
  const value = quoted.value.trim();
  const bare = other.kind === 'enum' ? (other.members.includes(value) ? value : suggest(value, other.members)) : isLiteral(other, value) ? value : undefined;
  const written = encodeString(quoted.value);
  if (bare === undefined) {
    return other.kind === 'enum' && other.members[0] !== undefined ? { help: `a member of an enumeration is written without quotes, such as \`${other.members[0]}\`` } : {};
  }
  const help = other.kind === 'enum' ? `a member of an enumeration is written without quotes: \`${bare}\`` : `a ${other.kind} is written without quotes: \`${bare}\``;
  return { help, fixes: [replaceFix(file, quoted, written, bare)] };
}

/** Whether `text` is a literal of `type` as the language writes it. */
function isLiteral(type: ExprType, text: string): boolean {
  switch (type.kind) {
    case 'bool':
      return text === 'true' || text === 'false';
    case 'number':
      return /^\d+(?:\.\d+)?$/.test(text);
    case 'duration':
      return parseDuration(text) !== undefined;
    default:
      return false;
  }
}

function expectBool(ctx: PassContext, file: string, expr: Expr, type: ExprType, context: string): void {
  const settled = settle(ctx, file, expr, type);
  if (settled.kind !== 'bool' && settled.kind !== 'unknown') {
    ctx.report('not-boolean', file, expr, { context: `the operand of ${context}`, type: describe(settled) });
  }
}

/** A bare name standing alone (not compared with an enumeration) is reported here. */
function settle(ctx: PassContext, file: string, expr: Expr, type: ExprType): ExprType {
  if (type.kind !== 'member') return type;
  ctx.report('unresolved-value', file, expr, { name: type.name });
  return UNKNOWN;
}

function sameType(a: ExprType, b: ExprType): boolean {
  if (a.kind === 'enum' && b.kind === 'enum') return a.field === b.field;
  return a.kind === b.kind;
}

function describe(type: ExprType): string {
  switch (type.kind) {
    case 'enum':
      return type.members.join(' | ');
    case 'member':
      return type.name;
    default:
      return type.kind;
  }
}
