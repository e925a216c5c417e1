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
