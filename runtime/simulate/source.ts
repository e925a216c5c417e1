/**
 * What the code generator of the simulator shares: the layout of a flow (which
 * local holds which artefact's time, which index each code, party and undo
 * has) and the writer the source is collected in. Generated names: `now`
 * (the installation's time), `f` and `j` (the fault and jitter generator
 * states), `u` (the last draw), `aN` (artefact times), `cN` (step completion
 * times), `-1` meaning "no time yet".
 */
import { stepFaultsFor, type Distribution, type FaultModel } from '../fault-model/fault-model.js';
import type { PolicyNames } from '../fault-model/names.js';
import type { CompiledPolicy, Membership, Predicate, StepNode } from '../policy.js';

export type AnyPolicy = CompiledPolicy<unknown, unknown, string>;

/** Runs installations `first .. first + count - 1` of one population; `installation` is what guards read. */
export type BatchRunner = (first: number, count: number, installation: unknown) => void;

export interface FlowLayout {
  readonly steps: readonly StepNode<unknown>[];
  readonly stepIndex: ReadonlyMap<string, number>;
  readonly artefactSlot: ReadonlyMap<string, number>;
  /** Steps whose completion time anchors a deadline. */
  readonly completionSlot: ReadonlyMap<string, number>;
  readonly codes: readonly string[];
  readonly codeIndex: ReadonlyMap<string, number>;
  readonly parties: readonly string[];
  readonly partyIndex: ReadonlyMap<string, number>;
  /** Undo index by the index of its step. */
  readonly undoOfStep: ReadonlyMap<number, number>;
  readonly undoNames: readonly string[];
}

export function layoutFlow(policy: AnyPolicy, names: PolicyNames): FlowLayout {
  const steps = policy.flow.filter((node): node is StepNode<unknown> => node.kind === 'step');
  const stepIndex = new Map(steps.map((step, index) => [step.name, index]));
  const artefacts = new Set<string>();
  steps.forEach((step) => [step.await, ...step.produces].forEach((name) => name !== null && artefacts.add(name)));
  const artefactSlot = new Map([...artefacts].map((name, index) => [name, index]));
  const completionSlot = new Map<string, number>();
  for (const step of steps) {
    for (const deadline of step.deadlines) {
      if (stepIndex.has(deadline.anchor)) completionSlot.set(deadline.anchor, stepIndex.get(deadline.anchor)!);
    }
  }
  const codes = Object.keys(policy.errors);
  const parties = [...names.parties];
  const undoOfStep = new Map<number, number>();
  const undoNames: string[] = [];
  steps.forEach((step, index) => {
    if (step.undo === null) return;
    undoOfStep.set(index, undoNames.length);
    undoNames.push(step.undo.name);
  });
  const indexOf = (list: readonly string[]) => new Map(list.map((name, index) => [name, index]));
  return { steps, stepIndex, artefactSlot, completionSlot, codes, codeIndex: indexOf(codes), parties, partyIndex: indexOf(parties), undoOfStep, undoNames };
}

/** What a fault probability read from `P` decides; `owner` is the step's index for the first two. */
export type ParamKind = 'permanent' | 'failure' | 'never' | 'unresolved' | 'undo' | 'check';

export interface Param {
  readonly kind: ParamKind;
  readonly owner: number;
  readonly value: number;
}

/** The writer and everything the step generator needs. */
export class Source {
  readonly lines: string[] = [];
  readonly functions: Predicate<unknown>[] = [];
  /**
   * The fault probabilities the generated code compares draws with. They are
   * read from the array `P` rather than written as literals, so the warm-up
   * (warm-up.ts) can run the same function with other values.
   */
  readonly params: Param[] = [];
  private depth = 0;
  /** Set when a jitter draw is generated, so the jitter stream is seeded only when used. */
  usesJitter = false;

  constructor(
    readonly policy: AnyPolicy,
    readonly model: FaultModel,
    readonly membership: Membership,
    readonly layout: FlowLayout,
  ) {}

  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }

  /** Writes `head {`, the body one level deeper, then `}`. */
  block(head: string, body: () => void): void {
    this.line(`${head} {`);
    this.depth++;
    body();
    this.depth--;
    this.line('}');
  }

  /** The name the generated code calls `predicate` by. */
  call(predicate: Predicate<unknown>): string {
    let index = this.functions.indexOf(predicate);
    if (index < 0) index = this.functions.push(predicate) - 1;
    return `F${index}`;
  }

  /** The expression for a fault probability whose real value is `value`. */
  param(kind: ParamKind, owner: number, value: number): string {
    return `P[${this.params.push({ kind, owner, value }) - 1}]`;
  }

  code(name: string): number {
    return this.layout.codeIndex.get(name)!;
  }

  stepFaults(step: StepNode<unknown>) {
    return stepFaultsFor(this.model, step.name, this.membership.cohort, this.membership.group);
  }

  /** The expression for an anchor's time, or `null` when nothing ever gives it one. */
  anchor(name: string): string | null {
    const artefact = this.layout.artefactSlot.get(name);
    const step = this.layout.completionSlot.get(name);
    if (artefact !== undefined && step !== undefined) return `(a${artefact} >= 0 ? a${artefact} : c${step})`;
    if (artefact !== undefined) return `a${artefact}`;
    return step === undefined ? null : `c${step}`;
  }
}

/** A number as a literal that reads back as exactly the same double. */
export function literal(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : '-Infinity';
}

/** One draw from the generator whose state is the local `state`, into `u`: the arithmetic of `SeededRandom.next`. */
const drawFrom = (state: string): string =>
  `${state} = (${state} + 0x9e3779b9) | 0; r = Math.imul(${state} ^ (${state} >>> 16), 0x85ebca6b); ` +
  'r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35); u = ((r ^ (r >>> 16)) >>> 0) / 4294967296;';
export const drawFault = drawFrom('f');
export const drawJitter = drawFrom('j');

/** Statements that set `target` to a duration drawn as `drawDuration` (fault-handlers.ts) draws it. */
export function durationSource(distribution: Distribution, target: string): string {
  switch (distribution.kind) {
    case 'fixed':
      return `${target} = ${literal(distribution.value)};`;
    case 'uniform':
      return `${drawFault} ${target} = ${literal(distribution.low)} + Math.floor(u * (${literal(distribution.high)} - ${literal(distribution.low)} + 1));`;
    case 'exponential':
      return `${drawFault} ${target} = Math.floor(-${literal(distribution.mean)} * Math.log(1 - u));`;
  }
}
