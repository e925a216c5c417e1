/**
 * What a finished check knows about a policy's steps that its syntax does
 * not say: the party, guards, deadlines and failure actions each step gets
 * from its stage and the `migration` block, and for which cohorts and
 * groups it runs. The language server's checker computes these with the
 * diagnostics and hands them over as plain data (no syntax nodes, so they
 * cross a thread cheaply); hovers read them.
 */
import { formatDuration } from '../../common/duration.js';
import type { CompiledPolicy } from '../compile.js';
import { guardEvaluator, populationsOf, type Population } from '../checks/guard-truth.js';
import type { StepModel } from '../model.js';
import { printAction, printExpr } from '../print.js';

export interface StepFacts {
  readonly name: string;
  readonly stage: string | undefined;
  readonly party: string | undefined;
  /** Each guard as written, `when …` or `unless …`, the stage's first. */
  readonly guards: readonly string[];
  /** Populations (`IOC`, `MOC_Secure/DA`) by what the guards say of them: fields aside, it runs, it never runs, or it depends on the installation. */
  readonly runsFor: { readonly always: readonly string[]; readonly never: readonly string[]; readonly depends: readonly string[] };
  readonly retry: string | undefined;
  readonly await: string | undefined;
  readonly produces: readonly string[];
  /** `within 24h after MVF else fail MP201`, own deadlines first. */
  readonly deadlines: readonly string[];
  readonly undo: { readonly name: string; readonly party: string | undefined } | undefined;
  readonly commit: boolean;
  readonly onFailure: string | undefined;
  readonly onExhausted: string | undefined;
}

export interface PolicyFacts {
  readonly root: string;
  readonly steps: ReadonlyMap<string, StepFacts>;
}

export function policyFacts(policy: CompiledPolicy): PolicyFacts {
  const { model } = policy;
  const truth = guardEvaluator(model);
  const populations = populationsOf(model);
  const steps = new Map<string, StepFacts>();
  for (const item of model.flow) {
    if (item.kind !== 'step' || steps.has(item.name)) continue;
    steps.set(item.name, stepFacts(item, populations, (step, population) => step.guards.map((guard) => truth(guard, population))));
  }
  return { root: policy.root, steps };
}

function stepFacts(step: StepModel, populations: readonly Population[], truths: (step: StepModel, population: Population) => readonly string[]): StepFacts {
  const always: string[] = [];
  const never: string[] = [];
  const depends: string[] = [];
  for (const population of populations) {
    const values = truths(step, population);
    const name = population.group === undefined ? population.cohort : `${population.cohort}/${population.group}`;
    if (values.includes('false')) never.push(name);
    else if (values.includes('unknown')) depends.push(name);
    else always.push(name);
  }
  return {
    name: step.name,
    stage: step.stage,
    party: step.party,
    guards: step.guards.map((guard) => `${guard.negated ? 'unless' : 'when'} ${printExpr(guard.expr)}`),
    runsFor: { always, never, depends },
    retry: step.retry,
    await: step.await,
    produces: step.produces,
    deadlines: step.deadlines.map((d) => `within ${formatDuration(d.within)} after ${d.anchor ?? '?'} else ${printAction(d.action)}`),
    undo: step.undo === undefined ? undefined : { name: step.undo.name, party: step.undo.party },
    commit: step.commit,
    onFailure: step.onFailure === undefined ? undefined : printAction(step.onFailure),
    onExhausted: step.onExhausted === undefined ? undefined : printAction(step.onExhausted),
  };
}

/** What changed in a policy's facts between two checks: the steps new or different, and the names of those gone. */
export interface FactsUpdate {
  readonly root: string;
  /** Whether `steps` are all of them (the first update of a policy), replacing whatever was there. */
  readonly whole: boolean;
  readonly steps: readonly StepFacts[];
  readonly removed: readonly string[];
}

/**
 * The update from `before` to `after`. A keystroke changes the facts of a
 * step or two, so a check sends those rather than thousands that did not
 * change.
 */
export function factsUpdate(before: PolicyFacts | undefined, after: PolicyFacts): FactsUpdate {
  const steps: StepFacts[] = [];
  for (const [name, step] of after.steps) {
    const old = before?.steps.get(name);
    if (old === undefined || !sameStep(old, step)) steps.push(step);
  }
  const removed = before === undefined ? [] : [...before.steps.keys()].filter((name) => !after.steps.has(name));
  return { root: after.root, whole: before === undefined, steps, removed };
}

/** `facts` with an update applied (a new map: facts already handed out stay as they were). */
export function applyFactsUpdate(facts: PolicyFacts | undefined, update: FactsUpdate): PolicyFacts {
  const steps = new Map(update.whole ? undefined : facts?.steps);
  for (const name of update.removed) steps.delete(name);
  for (const step of update.steps) steps.set(step.name, step);
  return { root: update.root, steps };
}

function sameStep(a: StepFacts, b: StepFacts): boolean {
  return (
    a.stage === b.stage &&
    a.party === b.party &&
    a.retry === b.retry &&
    a.await === b.await &&
    a.commit === b.commit &&
    a.onFailure === b.onFailure &&
    a.onExhausted === b.onExhausted &&
    a.undo?.name === b.undo?.name &&
    a.undo?.party === b.undo?.party &&
    (a.undo === undefined) === (b.undo === undefined) &&
    sameList(a.guards, b.guards) &&
    sameList(a.produces, b.produces) &&
    sameList(a.deadlines, b.deadlines) &&
    sameList(a.runsFor.always, b.runsFor.always) &&
    sameList(a.runsFor.never, b.runsFor.never) &&
    sameList(a.runsFor.depends, b.runsFor.depends)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
