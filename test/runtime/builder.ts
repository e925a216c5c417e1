/**
 * A tiny builder for hand-written compiled policies, handler helpers, and
 * the timeline table the runtime tests assert on.
 */
import {
  formatTime,
  migrate,
  type ActionDefinition,
  type CheckNode,
  type CompiledPolicy,
  type DeadlineDefinition,
  type ErrorDefinition,
  type HandlerTable,
  type MigrateOptions,
  type MigrationResult,
  type Predicate,
  type RetryDefinition,
  type StepHandler,
  type StepNode,
  type StepResult,
  type TierDefinition,
} from '../../runtime/index.js';

export type Inst = Readonly<Record<string, unknown>>;
export type Policy = CompiledPolicy<Inst, HandlerTable<Inst>>;
export type Handlers = HandlerTable<Inst>;

/** Parses a duration as policies write it: `1h30m`, `5m`, `0s`, `250ms`. */
export function ms(text: string): number {
  const sizes: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  for (const [, digits, unit] of text.matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(digits) * sizes[unit!]!;
  return total;
}

/** A tier written like the language: `3 every 5m`, `every 30m`, `6 every 1m factor 2 cap 20m`. */
export function tier(text: string, name = 'tier'): TierDefinition {
  const match = /^(?:(\d+) )?every (\S+)(?: factor (\S+))?(?: cap (\S+))?$/.exec(text);
  if (match === null) throw new Error(`bad tier: ${text}`);
  const [, count, every, factor, cap] = match;
  return {
    name,
    count: count === undefined ? null : Number(count),
    every: ms(every!),
    factor: factor === undefined ? 1 : Number(factor),
    cap: cap === undefined ? null : ms(cap),
  };
}

export interface RetrySpec {
  readonly tiers: readonly string[];
  readonly within?: string;
  readonly attempts?: number;
  readonly timeout?: string;
  /** `none`, `full` or a range such as `0s..30s`. */
  readonly jitter?: string;
}

export function retry(spec: RetrySpec): RetryDefinition {
  const jitter = spec.jitter ?? 'none';
  const [low, high] = jitter.split('..');
  return {
    ref: null,
    tiers: spec.tiers.map((text, index) => tier(text, `t${index + 1}`)),
    within: spec.within === undefined ? null : ms(spec.within),
    attempts: spec.attempts ?? null,
    timeout: spec.timeout === undefined ? null : ms(spec.timeout),
    jitter:
      jitter === 'none' || jitter === 'full'
        ? { kind: jitter }
        : { kind: 'range', low: ms(low!), high: ms(high!) },
  };
}

export const fail = (code: string): ActionDefinition => ({ kind: 'fail', code });
export const rollback = (code: string): ActionDefinition => ({ kind: 'rollback', code });
export const incident = (
  resolvers: readonly string[],
  then: 'continue' | 'retry' | 'fail',
  code: string,
  elseCode = code,
): ActionDefinition => ({ kind: 'incident', resolvers, then, code, elseCode });

export const deadline = (within: string, anchor: string, action: ActionDefinition): DeadlineDefinition => ({
  anchor,
  within: ms(within),
  action,
});

export interface StepSpec extends Partial<Omit<StepNode<Inst>, 'kind' | 'name' | 'undo'>> {
  readonly undo?: string;
}

/** A step; a failure fails with `E` unless told otherwise. */
export function step(name: string, spec: StepSpec = {}): StepNode<Inst> {
  const { undo, ...rest } = spec;
  return {
    kind: 'step',
    name,
    ref: null,
    stage: null,
    party: 'P',
    guard: null,
    retry: null,
    await: null,
    deadlines: [],
    produces: [],
    mayFail: [],
    commit: false,
    onFailure: fail('E'),
    onExhausted: fail('E'),
    ...rest,
    undo: undo === undefined ? null : { name: undo, party: 'P', ref: null },
  };
}

export function check(code: string, predicate: Predicate<Inst> | null, guard: Predicate<Inst> | null = null): CheckNode<Inst> {
  return { kind: 'check', code, ref: null, stage: null, party: null, guard, predicate };
}

export interface PolicySpec {
  readonly retries?: Readonly<Record<string, RetryDefinition>>;
  /** Overrides for codes; every code the flow uses is declared, going to report `R1`. */
  readonly errors?: Readonly<Record<string, Partial<ErrorDefinition>>>;
  readonly exclusionAfter?: number;
}

export function policy(flow: readonly (StepNode<Inst> | CheckNode<Inst>)[], spec: PolicySpec = {}): Policy {
  const codes = new Set<string>(['E', ...Object.keys(spec.errors ?? {})]);
  const addAction = (action: ActionDefinition): void => {
    codes.add(action.code);
    if (action.kind === 'incident') codes.add(action.elseCode);
  };
  for (const node of flow) {
    if (node.kind === 'check') codes.add(node.code);
    else {
      node.mayFail.forEach((code) => codes.add(code));
      [node.onFailure, node.onExhausted, ...node.deadlines.map((d) => d.action)].forEach(addAction);
    }
  }
  const errors: Record<string, ErrorDefinition> = {};
  for (const code of codes) {
    errors[code] = { title: code, ref: null, reports: ['R1'], resubmit: false, responsible: null, ...spec.errors?.[code] };
  }
  return {
    name: 'Test',
    version: '1',
    title: 'Test policy',
    sections: {},
    parties: { P: { title: 'Party' } },
    artefacts: {},
    reports: { R1: { title: 'Report', recipient: 'P' } },
    errors,
    retries: spec.retries ?? {},
    cohorts: { C: { title: 'Cohort', groups: ['G'] } },
    exclusionAfter: spec.exclusionAfter ?? null,
    flow,
  };
}

export type Behaviour = StepResult | 'ok' | 'transient' | 'permanent' | 'throw' | 'hang';

/** A step handler that plays `behaviours` call by call; the last one repeats. */
export function sequence(...behaviours: Behaviour[]): StepHandler<Inst> {
  let calls = 0;
  return () => {
    const behaviour = behaviours[Math.min(calls++, behaviours.length - 1)]!;
    if (behaviour === 'throw') throw new Error('boom');
    if (behaviour === 'hang') return new Promise<StepResult>(() => {});
    return typeof behaviour === 'string' ? { status: behaviour } : behaviour;
  };
}

/** Runs a policy in cohort `C` with the given handlers. */
export function run(
  policy: Policy,
  handlers: Handlers,
  options: Partial<MigrateOptions<Handlers>> = {},
): Promise<MigrationResult> {
  return migrate(policy, {}, { cohort: 'C', ...options, handlers });
}

/** The timeline as rows: `5m attempt Commission #2 (detail)`. */
export function rows(result: MigrationResult): string[] {
  return result.timeline.map((event) => {
    let row = `${formatTime(event.at)} ${event.kind}`;
    if (event.step !== undefined) row += ` ${event.step}`;
    if (event.attempt !== undefined) row += ` #${event.attempt}`;
    if (event.detail !== undefined) row += ` (${event.detail})`;
    return row;
  });
}

/** When each attempt of `stepName` started. */
export function attemptTimes(result: MigrationResult, stepName: string): string[] {
  return result.timeline
    .filter((event) => event.kind === 'attempt' && event.step === stepName)
    .map((event) => formatTime(event.at));
}
