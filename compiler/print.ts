/**
 * Canonical text of expressions and actions, as a policy author would write
 * them: for diffs, hovers and messages. Parentheses appear only where
 * precedence needs them.
 */
import { assertNever, formatDuration, type Expr } from '../grammar/index.js';
import type { ActionModel, GuardModel } from './model.js';

const precedence: Record<string, number> = { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4 };

export function printExpr(expr: Expr, outer = 0): string {
  switch (expr.kind) {
    case 'Binary': {
      const own = precedence[expr.operator]!;
      const text = `${printExpr(expr.left, own)} ${expr.operator} ${printExpr(expr.right, own + 1)}`;
      return own < outer ? `(${text})` : text;
    }
    case 'Not':
      return `not ${printExpr(expr.operand, 3)}`;
    case 'CohortIs':
      return `cohort ${expr.cohort.kind === 'Ident' ? expr.cohort.name : '?'}`;
    case 'GroupIs':
      return `group ${expr.group.kind === 'Ident' ? expr.group.name : '?'}`;
    case 'FieldRef':
      return `installation.${expr.field.kind === 'Ident' ? expr.field.name : '?'}`;
    case 'Bool':
      return String(expr.value);
    case 'Number':
      return String(expr.value);
    case 'Duration':
      return formatDuration(expr.ms);
    case 'String':
      return JSON.stringify(expr.value);
    case 'Ident':
      return expr.name;
    case 'Missing':
      return '?';
    default:
      return assertNever(expr);
  }
}

/** Guards as one condition: `when A and unless B` reads `A and not (B)`. */
export function printGuards(guards: readonly GuardModel[]): string {
  if (guards.length === 0) return 'always';
  return guards.map((g) => (g.negated ? `unless ${printExpr(g.expr)}` : `when ${printExpr(g.expr)}`)).join(', ');
}

export function printAction(action: ActionModel | undefined): string {
  if (action === undefined) return 'nothing';
  switch (action.kind) {
    case 'fail':
      return `fail ${action.code ?? '?'}`;
    case 'rollback':
      return `rollback then fail ${action.code ?? '?'}`;
    case 'incident': {
      const then = action.then === 'fail' ? `fail ${action.thenCode ?? '?'}` : action.then;
      const otherwise = action.elseCode === undefined ? '' : ` else fail ${action.elseCode}`;
      return `incident resolved by ${action.resolvers.join(' or ')} then ${then}${otherwise}`;
    }
  }
}
