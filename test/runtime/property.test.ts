/**
 * Random small policies, random handler behaviours and seeds: every run
 * ends in exactly one outcome, its timeline never goes back in time, and no
 * attempt lies after its `within` period or a step deadline of its step,
 * and no step attempts with its awaited artefact later than an arrival deadline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  ActionDefinition,
  ArrivalHandler,
  IncidentHandler,
  StepHandler,
  UndoHandler,
  MigrationResult,
  RetryDefinition,
  StepNode,
  TierDefinition,
  TimelineEvent,
} from '../../runtime/index.js';
import { policy, run, step, type Handlers, type Inst } from './builder.js';
import { bounded, strategyArb } from './random-policy.js';

const minute = 60_000;
const outcomeKinds = new Set(['migrated', 'failed', 'rolled-back']);

const actionArb = fc.record({
  kind: fc.constantFrom('fail', 'rollback', 'incident'),
  then: fc.constantFrom('continue', 'retry', 'fail'),
});

const behaviourArb = fc.record({
  status: fc.constantFrom('ok', 'transient', 'transient', 'permanent', 'coded', 'throw', 'invalid'),
  duration: fc.integer({ min: 0, max: 40 }).map((m) => m * minute),
});

const stepArb = fc.record({
  strategy: fc.option(strategyArb, { nil: null }),
  awaits: fc.option(fc.oneof(fc.integer({ min: 0, max: 180 }).map((m) => m * minute), fc.constant(null)), {
    nil: undefined,
  }),
  produces: fc.boolean(),
  undo: fc.option(fc.constantFrom('ok', 'ok', 'failed', 'throw'), { nil: null }),
  commit: fc.boolean(),
  deadlines: fc.array(
    fc.record({ anchor: fc.nat(), within: fc.integer({ min: 0, max: 240 }).map((m) => m * minute), action: actionArb, arrival: fc.boolean() }),
    { maxLength: 2 },
  ),
  onFailure: actionArb,
  onExhausted: actionArb,
  behaviours: fc.array(behaviourArb, { minLength: 1, maxLength: 6 }),
  incident: fc.constantFrom('never', 'P', 'Q', 'throw'),
  resolveAfter: fc.integer({ min: 0, max: 120 }).map((m) => m * minute),
});

type StepSpec = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function action(spec: { kind: string; then: string }): ActionDefinition {
  if (spec.kind === 'incident') {
    return { kind: 'incident', resolvers: ['P'], then: spec.then as 'continue', code: 'X1', elseCode: 'X2' };
  }
  return { kind: spec.kind as 'fail' | 'rollback', code: 'X3' };
}

function build(specs: readonly StepSpec[]) {
  const retries: Record<string, RetryDefinition> = {};
  const anchors: string[] = ['Missing'];
  const flow: StepNode<Inst>[] = specs.map((spec, index) => {
    const name = `S${index}`;
    if (spec.strategy !== null) retries[`R${index}`] = bounded(spec.strategy);
    const awaited = spec.awaits === undefined ? null : `A${index}`;
    const candidates = awaited === null ? anchors.slice() : [...anchors, awaited];
    const node: StepNode<Inst> = step(name, {
      retry: spec.strategy === null ? null : `R${index}`,
      await: awaited,
      deadlines: spec.deadlines.map((d) => ({
        anchor: candidates[d.anchor % candidates.length]!,
        within: d.within,
        ...(d.arrival ? { arrival: true } : {}),
        action: action(d.action),
      })),
      produces: spec.produces ? [`P${index}`] : [],
      mayFail: ['M1'],
      ...(spec.undo === null ? {} : { undo: `U${index}` }),
      commit: spec.commit,
      onFailure: action(spec.onFailure),
      onExhausted: action(spec.onExhausted),
    });
    anchors.push(name, ...node.produces);
    return node;
  });
  return { policy: policy(flow, { retries, errors: { X1: {}, X2: {}, X3: { resubmit: true }, M1: {} } }), flow };
}

function handlers(specs: readonly StepSpec[]): Handlers {
  const steps: Record<string, StepHandler<Inst>> = {};
  const undos: Record<string, UndoHandler<Inst>> = {};
  const arrivals: Record<string, ArrivalHandler<Inst>> = {};
  const incidents: Record<string, IncidentHandler<Inst>> = {};
  specs.forEach((spec, index) => {
    let calls = 0;
    steps[`S${index}`] = () => {
      const { status, duration } = spec.behaviours[calls++ % spec.behaviours.length]!;
      if (status === 'throw') throw new Error('boom');
      if (status === 'invalid') return { status: 'maybe' } as never;
      if (status === 'coded') return { status: 'permanent', code: 'M1', duration };
      return calls % 2 === 0 ? Promise.resolve({ status, duration } as never) : ({ status, duration } as never);
    };
    undos[`U${index}`] = () => {
      if (spec.undo === 'throw') throw new Error('undo boom');
      return { status: spec.undo === 'failed' ? 'failed' : 'ok', duration: minute };
    };
    arrivals[`A${index}`] = () => spec.awaits ?? null;
    incidents[`S${index}`] = (context) => {
      if (spec.incident === 'throw') throw new Error('incident boom');
      if (spec.incident === 'never') return null;
      return { resolvedBy: spec.incident, at: context.now + spec.resolveAfter };
    };
  });
  return { steps, undos, arrivals, incidents };
}

/** When each step completed: its `ok` event, or an incident resolved with `continue`. */
function completions(timeline: readonly TimelineEvent[]): Map<string, number> {
  const done = new Map<string, number>();
  for (const event of timeline) {
    const continued = event.kind === 'resolved' && event.detail?.endsWith('then continue') === true;
    if ((event.kind === 'ok' || continued) && event.step !== undefined) done.set(event.step, event.at);
  }
  return done;
}

function checkRun(result: MigrationResult, flow: readonly StepNode<Inst>[], retries: Record<string, RetryDefinition>): void {
  const timeline = result.timeline;
  const outcomes = timeline.filter((event) => outcomeKinds.has(event.kind));
  expect(outcomes).toHaveLength(1);
  expect(timeline.at(-1)!.kind).toBe(result.outcome.status);
  expect(timeline.at(-1)!.at).toBe(result.outcome.at);
  for (let i = 1; i < timeline.length; i++) expect(timeline[i]!.at).toBeGreaterThanOrEqual(timeline[i - 1]!.at);

  const done = completions(timeline);
  for (const node of flow) {
    const strategy = node.retry === null ? null : retries[node.retry]!;
    const due = (d: (typeof node.deadlines)[number]) => (result.artefacts[d.anchor] ?? done.get(d.anchor) ?? Infinity) + d.within;
    const deadlineAt = Math.min(...node.deadlines.filter((d) => d.arrival !== true).map(due));
    // An arrival deadline bounds the arrival alone: a step that got to attempt has its artefact in time.
    const arrivedBy = Math.min(...node.deadlines.filter((d) => d.arrival === true).map(due));
    const attempted = timeline.some((event) => event.kind === 'attempt' && event.step === node.name);
    if (attempted && node.await !== null) expect(result.artefacts[node.await]).toBeLessThanOrEqual(arrivedBy);
    let roundStart = 0;
    for (const event of timeline) {
      if (event.kind !== 'attempt' || event.step !== node.name) continue;
      if (event.attempt === 1) roundStart = event.at;
      expect(event.at).toBeLessThanOrEqual(deadlineAt);
      if (strategy?.within != null) expect(event.at).toBeLessThanOrEqual(roundStart + strategy.within);
      expect(event.attempt).toBeLessThanOrEqual(strategy === null ? 1 : (strategy.attempts ?? Infinity));
    }
  }
  const outcome = result.outcome;
  if (outcome.status === 'failed' && outcome.failedUndo !== undefined) expect(outcome.resubmittable).toBe(false);
}

describe('any policy, any handlers, any seed', () => {
  it('ends in one outcome, in time order, within its periods and deadlines, reproducibly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 4 }), fc.integer(), async (specs, seed) => {
        const { policy: compiled, flow } = build(specs);
        const first = await run(compiled, handlers(specs), { seed });
        checkRun(first, flow, compiled.retries);
        const again = await run(compiled, handlers(specs), { seed });
        expect(again.timeline).toEqual(first.timeline);
      }),
      { numRuns: 400 },
    );
  });
});
