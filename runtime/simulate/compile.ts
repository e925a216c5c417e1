/**
 * Compiles a policy's flow, once per population, into one specialised
 * JavaScript function that runs a batch of installations back to back:
 * constants baked in, the fault and jitter generators in locals, no object,
 * closure or timeline per installation, counts written straight into the
 * preallocated `Tally`. Guards and predicates are the policy's own
 * functions, passed in. See docs/simulation.md.
 */
import { checkFaultsFor, undoFaultsFor, type FaultModel, type FieldSpec } from '../fault-model/fault-model.js';
import type { Membership } from '../policy.js';
import { bucketCount, bucketSource, powersOfTwo } from './histogram.js';
import { stepSource } from './compile-step.js';
import { drawFault, durationSource, literal, Source, type AnyPolicy, type BatchRunner, type FlowLayout, type Param } from './source.js';
import { attemptBuckets, type SampleBuffer, type Tally } from './tally.js';
import { mix32 } from './seed.js';
import { exhaustionAttempts, warmUp } from './warm-up.js';
import { own } from '../../common/own.js';

export interface CompileInput {
  readonly policy: AnyPolicy;
  readonly model: FaultModel;
  readonly layout: FlowLayout;
  readonly membership: Membership;
  readonly population: number;
  readonly seed: number;
  /** Draw the fault model's installation fields into the installation (cohorts mode). */
  readonly drawFields: boolean;
  readonly tally: Tally;
  readonly samples: SampleBuffer;
  /** An installation of this population for the warm-up runs to read. */
  readonly warmInstallation: unknown;
}

/**
 * The generated code every compiled runner shares: the prelude that binds
 * the environment (counters, the policy's guards and predicates, the fault
 * probabilities `P`), and the statements that run one installation from the
 * seed of its fault stream to its outcome (`status`, `code`, `now`, ...).
 * The batch runner here and the campaign's runner (../campaign/compile.ts)
 * wrap them in their own loops.
 */
export interface GeneratedFlow {
  readonly prelude: string;
  /** The statements of one installation; `seed` is an expression of the loop's locals giving the fault stream's seed before mixing. */
  installation(seed: string): string;
  /** The environment the prelude reads, as `env`. */
  readonly env: Readonly<Record<string, unknown>>;
  /** The fault probabilities the code reads from `P`, and what each decides (for the warm-up). */
  readonly values: Float64Array;
  readonly params: readonly Param[];
  /** `exhaustionAttempts` of each step's strategy, in flow order (for the warm-up). */
  readonly attemptsToExhaust: readonly number[];
}

export function generateFlow(input: CompileInput): GeneratedFlow {
  const { policy, model, layout, membership, population: p, tally } = input;
  const source = new Source(policy, model, membership, layout);
  const { steps, parties } = tally.shape;
  source.block('flow:', () => {
    for (const node of policy.flow) {
      if (node.kind === 'step') {
        stepSource(source, node, { index: layout.stepIndex.get(node.name)!, incidents: p * (parties + 2) });
        continue;
      }
      const fail = `{ status = 1; code = ${source.code(node.code)}; cause = 0; ostep = ${steps}; break flow; }`;
      const body = (): void => {
        if (node.predicate !== null) source.line(`if (!${source.call(node.predicate)}(inst, mem)) ${fail}`);
        else {
          const { fail: probability } = checkFaultsFor(model, node.code);
          if (probability > 0) source.line(`${drawFault} if (u < ${source.param('check', -1, probability)}) ${fail}`);
        }
      };
      if (node.guard === null) body();
      else source.block(`if (${source.call(node.guard)}(inst, mem))`, body);
    }
  });
  const flow = source.lines.join('\n');
  const rollback = rollbackSource(source, p);
  const locals = (prefix: string, count: number, slots: Iterable<number>) =>
    count === 0 ? '' : `let ${[...slots].map((slot) => `${prefix}${slot} = -1`).join(', ')};`;
  const prelude = `"use strict";
const { T_started, T_outcomes, T_codes, T_undoFailed, T_causes, T_steps, T_rollbacks, T_incidents, T_attempts, T_attemptSum, T_attemptMax, T_times, T_timeSum, T_timeMax } = env.tally;
const { S_need, S_index, S_status, S_code, S_at, S_count } = env.samples;
const mem = env.membership, POW2 = env.pow2, P = env.P, US = new Int32Array(${layout.undoNames.length + 1});
${source.functions.map((_, index) => `const F${index} = env.functions[${index}];`).join('\n')}`;
  const installation = (seed: string): string => `    let r = (${seed}) | 0;
    r = Math.imul(r ^ (r >>> 16), 0x85ebca6b); r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
    let f = (r ^ (r >>> 16)) >>> 0, j = 0, u = 0;
    ${source.usesJitter ? 'r = f ^ 0x6a09e667; r = Math.imul(r ^ (r >>> 16), 0x85ebca6b); r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35); j = (r ^ (r >>> 16)) >>> 0;' : ''}
    ${input.drawFields ? fieldsSource(model.installation) : ''}
    let now = 0, attempts = 0, sp = 0, status = 0, code = -1, cause = 0, ostep = -1, rbk = 0, undoFailed = 0;
    let fc = 0, fcode = -1, fdl = -1, dl = Infinity, di = -1, t = 0, st = 0, dur = 0, pc = -1, rt = 0, who = -1;
    ${locals('a', layout.artefactSlot.size, layout.artefactSlot.values())}
    ${locals('c', layout.completionSlot.size, layout.completionSlot.values())}
${flow}
    if (rbk === 1) {
${rollback}
    }`;
  const values = Float64Array.from(source.params, (param) => param.value);
  const env = { tally, samples: input.samples, membership, pow2: powersOfTwo(), functions: source.functions, P: values };
  const attemptsToExhaust = layout.steps.map((step) => exhaustionAttempts(step.retry === null ? null : own(policy.retries, step.retry)!));
  return { prelude, installation, env, values, params: source.params, attemptsToExhaust };
}

/** The seed expression of installation `index`: `installationSeed(seed, index)` before its final mix (seed.ts). */
export const installationSeedSource = (seed: number): string => `${mix32(seed)} + Math.imul(index, 0x9e3779b9)`;

export function compileBatch(input: CompileInput): BatchRunner {
  const { population: p, tally } = input;
  const { codes, steps } = tally.shape;
  const generated = generateFlow(input);
  const text = `${generated.prelude}
return function simulateBatch(first, count, inst) {
  let started = 0, sn = S_count[0];
  const last = first + count;
  for (let index = first; index < last; index++) {
    started++;
${generated.installation(installationSeedSource(input.seed))}
    T_outcomes[${p * 3} + status]++;
    if (status !== 0) {
      T_codes[${p * 2 * codes} + (status - 1) * ${codes} + code]++;
      T_causes[${p * 4} + cause]++;
      T_steps[${p * (steps + 1)} + ostep]++;
      if (undoFailed === 1) T_undoFailed[${p * codes} + code]++;
    }
    T_attempts[${p * (attemptBuckets + 1)} + (attempts < ${attemptBuckets} ? attempts : ${attemptBuckets})]++;
    T_attemptSum[${p}] += attempts;
    if (attempts > T_attemptMax[${p}]) T_attemptMax[${p}] = attempts;
    let bucket = 0;
    ${bucketSource('now', 'bucket')}
    T_times[${p * 3 * bucketCount} + status * ${bucketCount} + bucket]++;
    T_timeSum[${p * 3} + status] += now;
    if (now > T_timeMax[${p * 3} + status]) T_timeMax[${p * 3} + status] = now;
    const key = status === 0 ? 0 : 1 + (status - 1) * ${codes} + code;
    if (S_need[key] > 0) { S_need[key]--; S_index[sn] = index; S_status[sn] = status; S_code[sn] = code; S_at[sn] = now; sn++; }
  }
  T_started[${p}] += started;
  S_count[0] = sn;
};`;
  // Invariant: policy and fault-model text reaches the source only as `JSON.stringify` string literals
  // (installation field names and enum members); everything else is a number through `literal` or an index.
  const runner = new Function('env', text)(generated.env) as BatchRunner;
  warmUp(runner, generated.values, generated.params, generated.attemptsToExhaust, input.warmInstallation, tally, input.samples);
  return runner;
}

/** rollback (rollback.ts): nothing to undo is a plain failure, not a rollback; else undo newest first; a failing undo stops it and fails. */
function rollbackSource(source: Source, p: number): string {
  const lines = [`if (sp === 0) { status = 1; T_rollbacks[${p * 2 + 1}]++; }`];
  const undos = source.layout.undoNames;
  if (undos.length > 0) {
    const cases = undos.map((name, index) => {
      const faults = undoFaultsFor(source.model, name);
      const fail = faults.fail > 0 ? `${drawFault} failed = u < ${source.param('undo', index, faults.fail)}; ` : '';
      return `case ${index}: { ${fail}${durationSource(faults.duration, 't')} break; }`;
    });
    lines.push(
      'else {',
      `  T_rollbacks[${p * 2}]++;`,
      '  status = 2;',
      '  while (sp > 0) {',
      '    let failed = false;',
      `    switch (US[--sp]) { ${cases.join(' ')} }`,
      '    now = now + t;',
      '    if (failed) { status = 1; undoFailed = 1; break; }',
      '  }',
      '}',
    );
  }
  return lines.map((line) => `      ${line}`).join('\n');
}

/** drawInstallation (fault-handlers.ts): each drawn field in order, into the reused installation object. */
function fieldsSource(specs: Readonly<Record<string, FieldSpec>>): string {
  const lines: string[] = [];
  for (const [field, spec] of Object.entries(specs)) {
    const target = `inst[${JSON.stringify(field)}]`;
    switch (spec.kind) {
      case 'value':
        break;
      case 'bool':
        lines.push(spec.probability > 0 ? `${drawFault} ${target} = u < ${literal(spec.probability)};` : `${target} = false;`);
        break;
      case 'enum': {
        const pick = spec.values.map((value, index) => `u < ${literal(spec.cumulative[index]!)} ? ${JSON.stringify(value)} : `).join('');
        lines.push(`${drawFault} ${target} = ${pick}undefined;`);
        break;
      }
      case 'number':
        lines.push(`${drawFault} ${target} = ${literal(spec.low)} + u * (${literal(spec.high)} - ${literal(spec.low)});`);
        break;
      case 'integer':
      case 'duration':
        lines.push(`${drawFault} ${target} = ${literal(spec.low)} + Math.floor(u * (${literal(spec.high)} - ${literal(spec.low)} + 1));`);
        break;
    }
  }
  return lines.join('\n    ');
}
