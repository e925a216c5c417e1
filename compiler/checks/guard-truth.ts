/**
 * Not a check: guards evaluated for one population, a cohort and at most
 * one of its groups, in three-valued logic. Whatever depends on installation
 * fields is `unknown`, as is a name the binder could not resolve.
 */
import { assertNever, type Expr } from '../../grammar/index.js';
import type { GuardModel, PolicyModel } from '../model.js';

export type Truth = 'true' | 'false' | 'unknown';

export interface Population {
  readonly cohort: string;
  readonly group: string | undefined;
}

export type GuardEvaluator = (guard: GuardModel, population: Population) => Truth;

/** Every population the policy declares: each cohort alone, and each cohort with each of its groups. */
export function populationsOf(model: PolicyModel): Population[] {
  return [...model.cohorts].flatMap(([cohort, { groups }]) => [{ cohort, group: undefined }, ...groups.map((group) => ({ cohort, group }))]);
}

/** An evaluator for the guards of one policy, which knows its cohorts and groups. */
export function guardEvaluator(model: PolicyModel): GuardEvaluator {
  const groups = new Set([...model.cohorts.values()].flatMap((cohort) => cohort.groups));
  const truth = (expr: Expr, population: Population): Truth => {
    switch (expr.kind) {
      case 'Bool':
        return expr.value ? 'true' : 'false';
      case 'CohortIs':
        if (expr.cohort.kind === 'Missing' || !model.cohorts.has(expr.cohort.name)) return 'unknown';
        return expr.cohort.name === population.cohort ? 'true' : 'false';
      case 'GroupIs':
        if (expr.group.kind === 'Missing' || !groups.has(expr.group.name)) return 'unknown';
        return expr.group.name === population.group ? 'true' : 'false';
      case 'Not':
        return not(truth(expr.operand, population));
      case 'Binary':
        if (expr.operator === 'and') return and(truth(expr.left, population), truth(expr.right, population));
        if (expr.operator === 'or') return not(and(not(truth(expr.left, population)), not(truth(expr.right, population))));
        // A comparison reads installation fields or literals: not decided here.
        return 'unknown';
      case 'FieldRef':
      case 'Number':
      case 'Duration':
      case 'String':
      case 'Ident':
      case 'Missing':
        return 'unknown';
      default:
        return assertNever(expr);
    }
  };
  return (guard, population) => {
    const value = truth(guard.expr, population);
    return guard.negated ? not(value) : value;
  };
}

function not(value: Truth): Truth {
  return value === 'true' ? 'false' : value === 'false' ? 'true' : 'unknown';
}

function and(left: Truth, right: Truth): Truth {
  if (left === 'false' || right === 'false') return 'false';
  return left === 'true' && right === 'true' ? 'true' : 'unknown';
}
