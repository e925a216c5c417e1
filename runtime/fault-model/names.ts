/**
 * The names a fault model may mention, collected from a compiled policy:
 * its steps, external checks, artefacts, parties, undos and populations.
 * A fault model naming anything else is a mistake the validator reports.
 */
import type { CompiledPolicy, StepNode } from '../policy.js';

export interface PolicyNames {
  readonly steps: ReadonlyMap<string, StepNode<unknown>>;
  readonly externalChecks: ReadonlySet<string>;
  readonly predicateChecks: ReadonlySet<string>;
  readonly artefacts: ReadonlySet<string>;
  readonly parties: ReadonlySet<string>;
  readonly undos: ReadonlySet<string>;
  /** `Cohort` and `Cohort/Group` keys. */
  readonly populations: ReadonlySet<string>;
}

export function policyNames<I, H, C extends string>(policy: CompiledPolicy<I, H, C>): PolicyNames {
  const steps = new Map<string, StepNode<unknown>>();
  const externalChecks = new Set<string>();
  const predicateChecks = new Set<string>();
  const artefacts = new Set(Object.keys(policy.artefacts));
  const parties = new Set(Object.keys(policy.parties));
  const undos = new Set<string>();
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      (node.predicate === null ? externalChecks : predicateChecks).add(node.code);
      continue;
    }
    steps.set(node.name, node as StepNode<unknown>);
    if (node.await !== null) artefacts.add(node.await);
    node.produces.forEach((artefact) => artefacts.add(artefact));
    if (node.undo !== null) undos.add(node.undo.name);
    for (const action of [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)]) {
      if (action.kind === 'incident') action.resolvers.forEach((party) => parties.add(party));
    }
  }
  return { steps, externalChecks, predicateChecks, artefacts, parties, undos, populations: populationKeys(policy) };
}

/** Every `Cohort` and `Cohort/Group` of the policy, in policy order (each cohort before its groups). */
export function populationKeys<I, H, C extends string>(policy: CompiledPolicy<I, H, C>): Set<string> {
  const keys = new Set<string>();
  for (const [cohort, definition] of Object.entries(policy.cohorts)) {
    keys.add(cohort);
    for (const group of definition.groups) keys.add(`${cohort}/${group}`);
  }
  return keys;
}

/** Splits `Cohort/Group` into its cohort and group (`null` for a bare cohort). */
export function splitPopulation(key: string): { readonly cohort: string; readonly group: string | null } {
  const slash = key.indexOf('/');
  return slash < 0 ? { cohort: key, group: null } : { cohort: key.slice(0, slash), group: key.slice(slash + 1) };
}
