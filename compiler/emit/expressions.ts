/**
 * Guards and check predicates as JavaScript expressions: compiled code,
 * not trees the runtime would interpret.
 */
import { assertNever, type Expr } from '../../grammar/index.js';
import type { GuardModel } from '../model.js';
import { literal, member } from './escape.js';

const operators: Record<string, string> = { and: '&&', or: '||', '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** `typed` writes TypeScript, where a read keeps its declared type. */
export function expression(expr: Expr, typed: boolean): string {
  switch (expr.kind) {
    case 'Binary':
      return `${operand(expr.left, typed)} ${operators[expr.operator]} ${operand(expr.right, typed)}`;
    case 'Not':
      return `!${operand(expr.operand, typed)}`;
    case 'CohortIs':
      return `membership.cohort === ${literal(expr.cohort.kind === 'Ident' ? expr.cohort.name : '')}`;
    case 'GroupIs':
      return `membership.group === ${literal(expr.group.kind === 'Ident' ? expr.group.name : '')}`;
    case 'FieldRef':
      return member('installation', expr.field.kind === 'Ident' ? expr.field.name : '', typed);
    case 'Bool':
      return String(expr.value);
    case 'Number':
      return String(expr.value);
    case 'Duration':
      return String(expr.ms);
    case 'String':
      return literal(expr.value);
    case 'Ident':
      // An enumeration member, compared with a field of that enumeration.
      return literal(expr.name);
    case 'Missing':
      throw new Error('emit runs only on policies without errors');
    default:
      return assertNever(expr);
  }
}

function operand(expr: Expr, typed: boolean): string {
  const code = expression(expr, typed);
  return expr.kind === 'Binary' ? `(${code})` : code;
}

/** All guards must hold; `unless` guards are negated. */
export function guardsExpression(guards: readonly GuardModel[], typed: boolean): string {
  return guards
    .map((g) => (g.negated ? `!(${expression(g.expr, typed)})` : guards.length > 1 ? `(${expression(g.expr, typed)})` : expression(g.expr, typed)))
    .join(' && ');
}

/** Which parameters of a compiled guard or predicate its expressions read. */
export interface Reads {
  installation: boolean;
  membership: boolean;
}

/** Adds what `expr` reads to `reads`. */
export function collectReads(expr: Expr, reads: Reads): Reads {
  switch (expr.kind) {
    case 'Binary':
      collectReads(expr.left, reads);
      return collectReads(expr.right, reads);
    case 'Not':
      return collectReads(expr.operand, reads);
    case 'CohortIs':
    case 'GroupIs':
      reads.membership = true;
      return reads;
    case 'FieldRef':
      reads.installation = true;
      return reads;
    case 'Bool':
    case 'Number':
    case 'Duration':
    case 'String':
    case 'Ident':
    case 'Missing':
      return reads;
    default:
      return assertNever(expr);
  }
}
