/**
 * Arbitraries for random small policies and fault models: every construct
 * the executor runs (checks, guards, retry tiers, jitter, timeouts, awaits,
 * step and arrival deadlines, undos, commits, fail / rollback / incident actions), with fault
 * models to match. Times are whole minutes, so retries, deadlines and delays
 * meet often.
 */
import fc from 'fast-check';
import { attemptLimit, mostAttempts } from '../../common/attempt-bound.js';
import type { ActionDefinition, FlowNode, Predicate, RetryDefinition, TierDefinition } from '../../runtime/index.js';
import { policy, type Inst, type Policy } from './builder.js';

const minute = 60_000;
const minutes = (max: number) => fc.integer({ min: 0, max }).map((m) => m * minute);

const tierArb = fc.record({
  count: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  every: minutes(60),
  factor: fc.constantFrom(1, 1.5, 2),
  cap: fc.option(fc.integer({ min: 1, max: 90 }).map((m) => m * minute), { nil: null }),
});

/** A retry strategy of one or two tiers, shared with the executor's property test. */
export const strategyArb = fc.record({
  tiers: fc.array(tierArb, { minLength: 1, maxLength: 2 }),
  within: fc.option(minutes(360), { nil: null }),
  attempts: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  timeout: fc.option(fc.integer({ min: 1, max: 30 }).map((m) => m * minute), { nil: null }),
  jitter: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.constant({ kind: 'full' as const }),
    fc.tuple(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 300_000 })).map(([low, extra]) => ({
      kind: 'range' as const,
      low,
      high: low + extra,
    })),
  ),
});

export type StrategySpec = typeof strategyArb extends fc.Arbitrary<infer T> ? T : never;

const actionArb = fc.record({
  kind: fc.constantFrom('fail', 'rollback', 'incident'),
  then: fc.constantFrom('continue', 'retry', 'fail'),
  resolvers: fc.constantFrom(['P'], ['P', 'Q'], ['Q', 'P']),
  code: fc.constantFrom('X1', 'X2', 'X3'),
});

/** Guards and predicates read the installation's `flag` and `size`, and the group. */
const predicates: Readonly<Record<string, Predicate<Inst>>> = {
  flag: (installation) => installation.flag === true,
  small: (installation) => (installation.size as number) < 3,
  group: (_, membership) => membership.group === 'G',
  notGroup: (_, membership) => membership.group !== 'G',
};
const predicateArb = fc.constantFrom(...Object.keys(predicates));
const guardArb = fc.option(predicateArb, { nil: null, freq: 3 });

const distributionArb = fc.oneof(
  minutes(40),
  fc.tuple(minutes(20), minutes(40)).map(([low, extra]) => ({ uniform: [low, low + extra] })),
  fc.integer({ min: 1, max: 40 }).map((m) => ({ exponential: `${m}m` })),
);

const stepFaultsArb = fc
  .record({ transient: fc.double({ min: 0, max: 1, noNaN: true }), permanent: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ transient, permanent }) => (transient + permanent > 1 ? { transient: transient / 2, permanent: permanent / 2 } : { transient, permanent }));

const stepArb = fc.record({
  kind: fc.constant('step' as const),
  guard: guardArb,
  strategy: fc.option(strategyArb, { nil: null }),
  awaits: fc.boolean(),
  produces: fc.boolean(),
  undo: fc.boolean(),
  commit: fc.boolean(),
  // `tie`: an arrival deadline due exactly when the artefact arrives, where the fault model allows it.
  deadlines: fc.array(fc.record({ anchor: fc.nat(), within: minutes(240), action: actionArb, arrival: fc.boolean(), tie: fc.boolean() }), { maxLength: 2 }),
  onFailure: actionArb,
  onExhausted: actionArb,
  faults: stepFaultsArb,
  groupFaults: fc.option(stepFaultsArb, { nil: null }),
  duration: distributionArb,
  codes: fc.record({ M1: fc.constantFrom(0, 0.3, 0.5), M2: fc.constantFrom(0, 0.5) }),
  arrival: fc.record({ delay: distributionArb, never: fc.constantFrom(0, 0, 0.2), afterEarlier: fc.boolean() }),
  undoFaults: fc.record({ fail: fc.constantFrom(0, 0, 0.3), duration: distributionArb }),
});

const checkArb = fc.record({
  kind: fc.constant('check' as const),
  guard: guardArb,
  predicate: fc.option(predicateArb, { nil: null }),
  fail: fc.constantFrom(0, 0.1, 0.5),
});

const partyArb = fc.record({ delay: distributionArb, unresolved: fc.constantFrom(0, 0.2, 0.6) });

export const scenarioArb = fc.record({
  nodes: fc.array(fc.oneof({ arbitrary: stepArb, weight: 3 }, { arbitrary: checkArb, weight: 1 }), { minLength: 1, maxLength: 6 }),
  parties: fc.record({ P: partyArb, Q: partyArb }),
  flag: fc.constantFrom(0, 0.5, 0.9, 1),
  exclusionAfter: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
});

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function action(spec: { kind: string; then: string; resolvers: readonly string[]; code: string }): ActionDefinition {
  if (spec.kind === 'incident') return { kind: 'incident', resolvers: spec.resolvers, then: spec.then as 'continue', code: spec.code, elseCode: 'X4' };
  return { kind: spec.kind as 'fail' | 'rollback', code: spec.code };
}

/**
 * A strategy the runtime accepts: an uncounted tier needs a limit, and a
 * strategy that could make more than `attemptLimit` attempts in one step
 * (a zero wait repeating until `within`, full jitter, a 1m interval for 6h)
 * gets an `attempts` limit. Shared with the executor's property test.
 */
export function bounded(strategy: StrategySpec): RetryDefinition {
  const tiers: TierDefinition[] = strategy.tiers.map((tier, index) => ({ name: `t${index}`, ...tier }));
  const unbounded = tiers.some((tier) => tier.count === null);
  const attempts = unbounded && strategy.within === null ? (strategy.attempts ?? 5) : strategy.attempts;
  const definition = { ref: null, ...strategy, attempts, tiers };
  return mostAttempts(definition).attempts > attemptLimit ? { ...definition, attempts: 5 } : definition;
}

/** The policy and fault-model JSON a scenario describes. */
export function build(scenario: Scenario): { policy: Policy; faults: Record<string, unknown> } {
  const retries: Record<string, RetryDefinition> = {};
  const anchors: string[] = ['Missing'];
  const steps: Record<string, unknown> = {};
  const checks: Record<string, unknown> = {};
  const artefacts: Record<string, unknown> = {};
  const undos: Record<string, unknown> = {};
  const produced: string[] = [];
  const flow: FlowNode<Inst>[] = scenario.nodes.map((spec, index): FlowNode<Inst> => {
    const guard = spec.guard === null ? null : predicates[spec.guard]!;
    if (spec.kind === 'check') {
      const code = `K${index}`;
      if (spec.predicate === null) checks[code] = { fail: spec.fail };
      return { kind: 'check', code, ref: null, stage: null, party: null, guard, predicate: spec.predicate === null ? null : predicates[spec.predicate]! };
    }
    const name = `S${index}`;
    if (spec.strategy !== null) retries[`R${index}`] = bounded(spec.strategy);
    const awaited = spec.awaits ? `A${index}` : null;
    const after = awaited !== null && spec.arrival.afterEarlier ? produced[0] : undefined;
    if (awaited !== null) artefacts[awaited] = { delay: spec.arrival.delay, never: spec.arrival.never, ...(after === undefined ? {} : { after }) };
    const delay = spec.arrival.delay;
    const tie = (d: { arrival: boolean; tie: boolean }) => d.arrival && d.tie && after !== undefined && typeof delay === 'number';
    const candidates = awaited === null ? anchors.slice() : [...anchors, awaited];
    const codes = Object.fromEntries(Object.entries(spec.codes).filter(([, p]) => p > 0));
    steps[name] = { ...spec.faults, duration: spec.duration, codes, ...(spec.groupFaults === null ? {} : { cohorts: { 'C/G': spec.groupFaults } }) };
    if (spec.undo) undos[`U${index}`] = spec.undoFaults;
    const node: FlowNode<Inst> = {
      kind: 'step',
      name,
      ref: null,
      stage: null,
      party: 'P',
      guard,
      retry: spec.strategy === null ? null : `R${index}`,
      await: awaited,
      deadlines: spec.deadlines.map((d) => ({
        anchor: tie(d) ? after! : candidates[d.anchor % candidates.length]!,
        within: tie(d) ? (delay as number) : d.within,
        ...(d.arrival ? { arrival: true } : {}),
        action: action(d.action),
      })),
      produces: spec.produces ? [`P${index}`] : [],
      mayFail: ['M1', 'M2'],
      undo: spec.undo ? { name: `U${index}`, party: 'P', ref: null } : null,
      commit: spec.commit,
      onFailure: action(spec.onFailure),
      onExhausted: action(spec.onExhausted),
    };
    anchors.push(name, ...node.produces);
    produced.push(...node.produces);
    return node;
  });
  const errors = { X1: { resubmit: 'after-rollback' as const }, X2: { resubmit: true }, X3: { resubmit: true }, X4: {}, M1: { resubmit: true }, M2: {} };
  const built = policy(flow, { retries, errors, exclusionAfter: scenario.exclusionAfter ?? undefined });
  const faults = {
    steps,
    checks,
    artefacts,
    undos,
    parties: scenario.parties,
    installation: { flag: { bool: scenario.flag }, size: { integer: [1, 4] } },
  };
  return { policy: { ...built, parties: { P: { title: 'P' }, Q: { title: 'Q' } } }, faults };
}
