/**
 * The flow all three simulation contenders run: eight steps, each with a
 * retry strategy (fixed tiers; tiers with a 48-hour period, a per-attempt
 * timeout and full jitter; exponential backoff with an attempt limit and a
 * jitter range), a permanent failure code drawn on commissioning, two undos
 * and a rollback on either side of a commit. Written as the compiled policy
 * `mpol build` would emit for it, with the fault model as JSON.
 */
import type { ActionDefinition, CompiledPolicy, ErrorDefinition, RetryDefinition, StepNode } from '../../runtime/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const retries = {
  Short: { ref: '3.2', tiers: [{ name: 'short', count: 3, every: 5 * MINUTE, factor: 1, cap: null }], within: null, attempts: null, timeout: 10 * MINUTE, jitter: { kind: 'none' } },
  Ioc: {
    ref: '3.1',
    tiers: [
      { name: 'short', count: 3, every: 5 * MINUTE, factor: 1, cap: null },
      { name: 'long', count: null, every: 30 * MINUTE, factor: 1, cap: null },
    ],
    within: 48 * HOUR,
    // Full jitter may wait nothing, so only a limit bounds the attempts (too-many-attempts); no run comes near it.
    attempts: 10_000,
    timeout: 10 * MINUTE,
    jitter: { kind: 'full' },
  },
  Backoff: { ref: '3.3', tiers: [{ name: 'backoff', count: 5, every: MINUTE, factor: 2, cap: 10 * MINUTE }], within: null, attempts: 6, timeout: null, jitter: { kind: 'range', low: 0, high: 30_000 } },
} satisfies Record<string, RetryDefinition>;

export type StrategyName = keyof typeof retries;

const fail = (code: string): ActionDefinition => ({ kind: 'fail', code });
const rollback = (code: string): ActionDefinition => ({ kind: 'rollback', code });

/** What the hand-written loop and the XState machine need to know of each step. */
export interface BenchStep {
  readonly name: string;
  readonly retry: StrategyName;
  readonly onFailure: ActionDefinition;
  readonly onExhausted: ActionDefinition;
  readonly undo: string | null;
  readonly commit: boolean;
  readonly mayFail: readonly string[];
}

export const benchSteps: readonly BenchStep[] = [
  { name: 'Validate', retry: 'Short', onFailure: fail('B100'), onExhausted: fail('B101'), undo: null, commit: false, mayFail: [] },
  { name: 'GenerateMcf', retry: 'Short', onFailure: fail('B100'), onExhausted: fail('B102'), undo: null, commit: false, mayFail: [] },
  { name: 'GenerateMvf', retry: 'Short', onFailure: fail('B100'), onExhausted: fail('B103'), undo: null, commit: false, mayFail: [] },
  { name: 'PrepareSwitch', retry: 'Short', onFailure: fail('B100'), onExhausted: fail('B104'), undo: 'Unprepare', commit: false, mayFail: [] },
  { name: 'SwitchAccount', retry: 'Backoff', onFailure: fail('B205'), onExhausted: rollback('B204'), undo: 'SwitchBack', commit: false, mayFail: [] },
  { name: 'RotateKeys', retry: 'Backoff', onFailure: fail('B100'), onExhausted: rollback('B206'), undo: null, commit: true, mayFail: [] },
  { name: 'Commission', retry: 'Ioc', onFailure: fail('B302'), onExhausted: fail('B300'), undo: null, commit: false, mayFail: ['B301'] },
  { name: 'UpdateInventory', retry: 'Short', onFailure: fail('B100'), onExhausted: fail('B400'), undo: null, commit: false, mayFail: [] },
];

const codes = ['B100', 'B101', 'B102', 'B103', 'B104', 'B204', 'B205', 'B206', 'B300', 'B301', 'B302', 'B400'];
const error = (code: string): ErrorDefinition => ({ title: code, ref: 'A.1', reports: ['MRR6'], resubmit: code !== 'B100', responsible: 'S1SP' });

const flow = benchSteps.map(
  (step): StepNode<unknown> => ({
    kind: 'step',
    name: step.name,
    ref: '2.5',
    stage: null,
    party: 'S1SP',
    guard: null,
    retry: step.retry,
    await: null,
    deadlines: [],
    produces: [],
    mayFail: step.mayFail,
    undo: step.undo === null ? null : { name: step.undo, party: 'S1SP', ref: '2.5.5' },
    commit: step.commit,
    onFailure: step.onFailure,
    onExhausted: step.onExhausted,
  }),
);

export const benchPolicy: CompiledPolicy<unknown, unknown, string> = {
  name: 'Bench8',
  version: '1.0',
  title: 'Eight steps with retries',
  sections: { '2.5': 'Migration', '2.5.5': 'Switch back', '3.1': 'IOC retry', '3.2': 'Short retry', '3.3': 'Backoff', 'A.1': 'Error codes' },
  parties: { S1SP: { title: 'SMETS1 Service Provider' }, Supplier: { title: 'Responsible Supplier' } },
  artefacts: {},
  reports: { MRR6: { title: 'Installation failures', recipient: 'Supplier' } },
  errors: Object.fromEntries(codes.map((code) => [code, error(code)])),
  retries,
  cohorts: { IOC: { title: 'Initial Operating Capability', groups: [] } },
  exclusionAfter: 5,
  flow,
};

/** Fault rates: a few percent transient everywhere, much more on commissioning and the switch. */
export const benchFaults = {
  defaults: {
    step: { transient: 0.05, permanent: 0.002, duration: { uniform: ['10s', '2m'] } },
    undo: { duration: '5m' },
  },
  steps: {
    SwitchAccount: { transient: 0.35 },
    Commission: { transient: 0.3, permanent: 0.01, duration: { uniform: ['30s', '12m'] }, codes: { B301: 0.5 } },
  },
};

/** The fault model's numbers, for the contenders that do not read the JSON. */
export const faultsOf = (step: BenchStep) => {
  const base = { transient: 0.05, permanent: 0.002, low: 10_000, high: 120_000, codeB301: 0 };
  if (step.name === 'SwitchAccount') return { ...base, transient: 0.35 };
  if (step.name === 'Commission') return { ...base, transient: 0.3, permanent: 0.01, low: 30_000, high: 720_000, codeB301: 0.5 };
  return base;
};

export const undoDuration = 5 * MINUTE;
export const benchCodes = codes;
