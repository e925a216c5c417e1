/**
 * Handlers that draw their behaviour from a fault model, for `migrate`: the
 * reference the compiled simulator must agree with, and the way sampled
 * installations get their timelines (simulate-one.ts).
 *
 * Invariant: the draws, their order and their arithmetic are exactly those
 * of the compiled simulator (../simulate/compile*.ts). A probability of 0 and a
 * fixed duration draw nothing; everything else draws once per use, in the
 * order written here.
 */
import { emptyRecord, own } from '../../common/own.js';
import {
  artefactFaultsFor,
  checkFaultsFor,
  partyFaultsFor,
  stepFaultsFor,
  undoFaultsFor,
  type Distribution,
  type FaultModel,
  type FieldSpec,
} from './fault-model.js';
import type {
  ArrivalHandler,
  CheckHandler,
  HandlerTable,
  IncidentHandler,
  StepHandler,
  StepResult,
  UndoHandler,
} from '../handlers.js';
import type { CompiledPolicy, Membership } from '../policy.js';
import type { RandomSource } from '../random.js';

/** A whole number of milliseconds drawn from `distribution`. */
export function drawDuration(distribution: Distribution, random: RandomSource): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.value;
    case 'uniform':
      return distribution.low + Math.floor(random.next() * (distribution.high - distribution.low + 1));
    case 'exponential':
      return Math.floor(-distribution.mean * Math.log(1 - random.next()));
  }
}

/** The installation's fields: `base`, then each spec in order. */
export function drawInstallation(
  specs: Readonly<Record<string, FieldSpec>>,
  base: Readonly<Record<string, unknown>>,
  random: RandomSource,
): Record<string, unknown> {
  // Without a prototype, a field called `__proto__` is a field like any other.
  const installation = Object.assign(emptyRecord<unknown>(), base);
  for (const [field, spec] of Object.entries(specs)) installation[field] = drawField(spec, random);
  return installation;
}

function drawField(spec: FieldSpec, random: RandomSource): unknown {
  switch (spec.kind) {
    case 'value':
      return spec.value;
    case 'bool':
      return spec.probability > 0 && random.next() < spec.probability;
    case 'enum': {
      const u = random.next();
      let index = 0;
      while (u >= spec.cumulative[index]!) index++;
      return spec.values[index];
    }
    case 'number':
      return spec.low + random.next() * (spec.high - spec.low);
    case 'integer':
    case 'duration':
      return spec.low + Math.floor(random.next() * (spec.high - spec.low + 1));
  }
}

/** The code a permanent failure names, or `undefined` for none (the action's code applies). */
function drawCode(codes: Readonly<Record<string, number>>, random: RandomSource): string | undefined {
  const entries = Object.entries(codes).filter(([, probability]) => probability > 0);
  if (entries.length === 0) return undefined;
  const u = random.next();
  let running = 0;
  for (const [code, probability] of entries) {
    running += probability;
    if (u < running) return code;
  }
  return undefined;
}

/** Every handler `migrate` may need for `policy`, drawing from `model` for one population. */
export function faultHandlers<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  model: FaultModel,
  membership: Membership,
  random: RandomSource,
): HandlerTable<I> {
  const steps = emptyRecord<StepHandler<I>>();
  const checks = emptyRecord<CheckHandler<I>>();
  const arrivals = emptyRecord<ArrivalHandler<I>>();
  const incidents = emptyRecord<IncidentHandler<I>>();
  const undos = emptyRecord<UndoHandler<I>>();
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      const { fail } = checkFaultsFor(model, node.code);
      checks[node.code] = () => !(fail > 0 && random.next() < fail);
      continue;
    }
    const faults = stepFaultsFor(model, node.name, membership.cohort, membership.group);
    const failure = faults.permanent + faults.transient;
    steps[node.name] = () => {
      let status: StepResult['status'] = 'ok';
      if (failure > 0) {
        const u = random.next();
        status = u < faults.permanent ? 'permanent' : u < failure ? 'transient' : 'ok';
      }
      const duration = drawDuration(faults.duration, random);
      const code = status === 'permanent' ? drawCode(faults.codes, random) : undefined;
      return code === undefined ? { status, duration } : { status: 'permanent', duration, code };
    };
    if (node.await !== null) arrivals[node.await] = arrival(artefactFaultsFor(model, node.await), random);
    incidents[node.name] = (context) => {
      let resolvedBy: string | null = null;
      let at = Infinity;
      for (const party of context.resolvers) {
        const { unresolved, delay } = partyFaultsFor(model, party);
        if (unresolved > 0 && random.next() < unresolved) continue;
        const resolvedAt = context.now + drawDuration(delay, random);
        if (resolvedAt < at) [resolvedBy, at] = [party, resolvedAt];
      }
      return resolvedBy === null ? null : { resolvedBy, at };
    };
    if (node.undo !== null) {
      const { fail, duration } = undoFaultsFor(model, node.undo.name);
      undos[node.undo.name] = () => {
        const failed = fail > 0 && random.next() < fail;
        return { status: failed ? 'failed' : 'ok', duration: drawDuration(duration, random) };
      };
    }
  }
  return { steps, checks, arrivals, incidents, undos };
}

function arrival<I>(faults: ReturnType<typeof artefactFaultsFor>, random: RandomSource): ArrivalHandler<I> {
  return (context) => {
    if (faults.never > 0 && random.next() < faults.never) return null;
    const from = faults.after === null ? context.now : (own(context.artefacts, faults.after) ?? context.now);
    return from + drawDuration(faults.delay, random);
  };
}
