/**
 * `faultModelTemplate`: a complete fault model for a policy with neutral
 * values (`mpol faults`): every step with its `may fail` codes, every
 * external check, awaited artefact, party resolving incidents, undo,
 * population and installation field, so a user replaces values rather
 * than looks up names. It validates against the policy and simulates:
 * nothing fails and nothing waits, and the installation fields take values
 * the policy's checks accept.
 */
import { emptyRecord, recordOf } from '../../common/own.js';
import type { CompiledPolicy, FieldDefinition } from '../policy.js';
import { populationKeys, splitPopulation } from './names.js';

/** Installations per population in a template's `cohorts`. */
export const templateCount = 1000;

const noFaults = { transient: 0, permanent: 0, duration: '0s' };

/** A plain JSON document; its records have no prototype, so a step called `__proto__` is an entry like any other. */
export function faultModelTemplate<I, H, C extends string>(policy: CompiledPolicy<I, H, C>): Record<string, unknown> {
  const steps: [string, unknown][] = [];
  const checks: [string, unknown][] = [];
  const artefacts = new Set<string>();
  const parties = new Set<string>();
  const undos = new Set<string>();
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      if (node.predicate === null) checks.push([node.code, { fail: 0 }]);
      continue;
    }
    const codes = recordOf(node.mayFail.map((code): [string, number] => [code, 0]));
    steps.push([node.name, node.mayFail.length === 0 ? { ...noFaults } : { ...noFaults, codes }]);
    if (node.await !== null) artefacts.add(node.await);
    if (node.undo !== null) undos.add(node.undo.name);
    for (const action of [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)]) {
      if (action.kind === 'incident') action.resolvers.forEach((party) => parties.add(party));
    }
  }
  return {
    description:
      `A template fault model for ${policy.name} ${policy.version}, written by mpol faults: every value is neutral ` +
      '(no failure, no delay; installation fields that pass the checks, enumerations drawn evenly among such members), none is measured. Replace them with measured or assumed rates, and say here which are which.',
    defaults: {
      step: { ...noFaults },
      check: { fail: 0 },
      artefact: { delay: '0s', never: 0 },
      party: { delay: '0s', unresolved: 0 },
      undo: { fail: 0, duration: '0s' },
    },
    steps: recordOf(steps),
    checks: recordOf(checks),
    artefacts: recordOf([...artefacts].map((name): [string, unknown] => [name, { delay: '0s', never: 0 }])),
    parties: recordOf([...parties].map((name): [string, unknown] => [name, { delay: '0s', unresolved: 0 }])),
    undos: recordOf([...undos].map((name): [string, unknown] => [name, { fail: 0, duration: '0s' }])),
    cohorts: recordOf([...populationKeys(policy)].map((key): [string, number] => [key, templateCount])),
    installation: recordOf(neutralFields(policy)),
  };
}

/** The values a neutral field may take, the preferred first. */
function candidates(definition: FieldDefinition): readonly unknown[] {
  switch (definition.type) {
    case 'enum':
      return definition.members;
    case 'bool':
      return [true, false];
    case 'text':
      return [''];
    case 'number':
      return [1, 0];
    case 'duration':
      return [0];
  }
}

/**
 * Neutral field specs: values under which the checks with predicates pass
 * where they can, so a template with no faults migrates. Field by field, in
 * order, each takes the candidate that lets the most checks pass in the
 * most populations; an enumeration keeps, at equal weights, every member
 * that does as well as the best.
 */
function neutralFields<I, H, C extends string>(policy: CompiledPolicy<I, H, C>): [string, unknown][] {
  const fields = Object.entries(policy.installation ?? {});
  const predicates = policy.flow.flatMap((node) => (node.kind === 'check' && node.predicate !== null ? [node.predicate] : []));
  const memberships = [...populationKeys(policy)].map(splitPopulation);
  const installation = emptyRecord<unknown>();
  for (const [name, definition] of fields) installation[name] = candidates(definition)[0];
  const passing = (): number => {
    let count = 0;
    for (const predicate of predicates) {
      for (const membership of memberships) {
        try {
          if (predicate(installation as I, membership)) count++;
        } catch {
          // A predicate that cannot read this installation counts as failing.
        }
      }
    }
    return count;
  };
  return fields.map(([name, definition]): [string, unknown] => {
    const scores = candidates(definition).map((value) => {
      installation[name] = value;
      return { value, score: passing() };
    });
    const best = Math.max(...scores.map((s) => s.score));
    const chosen = scores.find((s) => s.score === best)!.value;
    installation[name] = chosen;
    switch (definition.type) {
      case 'enum':
        return [name, { enum: recordOf(scores.map((s): [string, number] => [s.value as string, s.score === best ? 1 : 0])) }];
      case 'bool':
        return [name, { bool: chosen === true ? 1 : 0 }];
      case 'text':
        return [name, { value: chosen }];
      case 'number':
        return [name, { number: [chosen, chosen] }];
      case 'duration':
        return [name, { duration: ['0s', '0s'] }];
    }
  });
}
