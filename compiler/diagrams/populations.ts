/**
 * Whether an item runs for a population, with guards resolved the way the
 * checks resolve them (`checks/guard-truth.ts`): cohort and group tests are
 * decided, tests of installation fields are not.
 */
import type { GuardEvaluator, Population } from '../checks/guard-truth.js';
import type { GuardModel } from '../model.js';

export { guardEvaluator, populationsOf, type Population } from '../checks/guard-truth.js';

/**
 * `always` when every guard holds for the population, `never` when one is
 * false, and `sometimes` when the rest depend on the installation's fields:
 * then `guards` are the ones still to decide.
 */
export type Runs = { readonly kind: 'always' } | { readonly kind: 'never' } | { readonly kind: 'sometimes'; readonly guards: readonly GuardModel[] };

export function runsFor(guards: readonly GuardModel[], population: Population, truth: GuardEvaluator): Runs {
  const open: GuardModel[] = [];
  for (const guard of guards) {
    const value = truth(guard, population);
    if (value === 'false') return { kind: 'never' };
    if (value === 'unknown') open.push(guard);
  }
  return open.length === 0 ? { kind: 'always' } : { kind: 'sometimes', guards: open };
}

/** `IOC`, or `MOC_Secure/DA` for a group, as `--cohort` and the simulation write it. */
export function populationName(population: Population): string {
  return population.group === undefined ? population.cohort : `${population.cohort}/${population.group}`;
}
