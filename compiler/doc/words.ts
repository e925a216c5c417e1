/**
 * Plain words for the parts rules share: actions, populations, durations,
 * references to other rules.
 */
import { formatDuration } from '../../common/duration.js';
import { guardEvaluator, populationName, populationsOf, runsFor } from '../diagrams/populations.js';
import type { ActionModel, GuardModel, PolicyModel } from '../model.js';
import { printGuards } from '../print.js';
import { joinWords, slug, type Inline } from './document.js';

/** The heading of a rule, from which its anchor is made. */
export const ruleHeading = {
  check: (code: string) => `Check ${code}`,
  step: (name: string) => `Step ${name}`,
  error: (code: string) => `Error code ${code}`,
  retry: (name: string) => `Retry strategy ${name}`,
  exclusion: () => 'Exclusion',
};

export function linkTo(heading: string, text = heading): Inline {
  return { link: slug(heading), text };
}

/** `MA122 (Installation failed at a commissioning step)`, linked to the code's rule. */
export function codeWords(model: PolicyModel, code: string | undefined): Inline[] {
  if (code === undefined) return ['?'];
  const title = model.errors.get(code)?.title;
  return [linkTo(ruleHeading.error(code), code), ...(title === undefined ? [] : [` (${title})`])];
}

/**
 * What an action does, as the end of a sentence starting "the installation
 * …" or "…, then": fails with a code, is rolled back, or raises an incident.
 */
export function actionWords(model: PolicyModel, action: ActionModel | undefined): Inline[] {
  if (action === undefined) return ['nothing is said'];
  switch (action.kind) {
    case 'fail':
      return ['the installation fails with ', ...codeWords(model, action.code)];
    case 'rollback':
      return ['the steps completed since the last commit are undone, newest first, and the installation fails with ', ...codeWords(model, action.code)];
    case 'incident': {
      const resolvers = joinWords(action.resolvers, 'or');
      const then: Inline[] =
        action.then === 'continue'
          ? ['the installation continues with what comes next']
          : action.then === 'retry'
            ? ['the step is tried once more, with a fresh schedule']
            : ['the installation fails with ', ...codeWords(model, action.thenCode ?? action.elseCode)];
      const elseCode = action.elseCode ?? action.thenCode;
      const unresolved = action.then === 'retry' ? 'If it is not resolved, or the step fails again' : 'If it is not resolved';
      return [`an incident is raised, paused until ${resolvers} resolves it. Once resolved, `, ...then, `. ${unresolved}, the installation fails with `, ...codeWords(model, elseCode)];
    }
  }
}

/** `(§A.1)` when a handler or deadline names its own section, else nothing. */
export function ownSection(actionRef: string | undefined, ruleRef: string | undefined): string {
  return actionRef !== undefined && actionRef !== ruleRef ? ` (§${actionRef})` : '';
}

/**
 * Which populations an item runs for, with guards resolved: "every cohort
 * and group", or the ones it runs for and the ones it does not, and the
 * condition on installation fields where one remains.
 */
export function populationWords(model: PolicyModel, guards: readonly GuardModel[]): Inline[] {
  const populations = populationsOf(model);
  if (guards.length === 0 || populations.length === 0) return ['every cohort and group'];
  const truth = guardEvaluator(model);
  const always: string[] = [];
  const never: string[] = [];
  const sometimes: string[] = [];
  for (const population of populations) {
    const runs = runsFor(guards, population, truth);
    const name = populationName(population);
    if (runs.kind === 'always') always.push(name);
    else if (runs.kind === 'never') never.push(name);
    else sometimes.push(name);
  }
  const condition: Inline[] = [' (', { code: printGuards(guards) }, ')'];
  if (never.length === 0 && sometimes.length === 0) return ['every cohort and group', ...condition];
  const parts: Inline[] = [];
  if (always.length > 0) parts.push(joinWords(always));
  if (sometimes.length > 0) parts.push(`${parts.length > 0 ? '; ' : ''}${joinWords(sometimes)}, depending on the installation's fields`);
  if (never.length > 0) parts.push(`${parts.length > 0 ? '; ' : ''}not ${joinWords(never, 'or')}`);
  if (always.length === 0 && sometimes.length === 0) parts.push(' (no cohort or group reaches it)');
  return [...parts, ...condition];
}

export function durationWords(milliseconds: number): Inline {
  return { code: formatDuration(milliseconds) };
}

/** `1 retry`, `3 retries`. */
export function count(value: number, one: string, many: string): string {
  return `${value.toLocaleString('en-GB')} ${value === 1 ? one : many}`;
}
