/**
 * The types of an emitted TypeScript module: the import of the runtime's
 * types it uses (no more, so the module compiles under `noUnusedLocals`),
 * then `Installation`, `ErrorCode`, `Population` and `Handlers`.
 */
import type { PolicyModel, StepModel } from '../model.js';
import { literal, literalUnion, propertyKey } from './escape.js';
import type { CodeWriter } from './writer.js';

type HandlerGroup = readonly [group: string, type: string, members: readonly (readonly [name: string, type: string])[]];

export function emitTypes(out: CodeWriter, model: PolicyModel, runtimeModule: string, readsMembership: boolean): void {
  const groups = handlerGroups(model);
  const used = groups.filter(([, , members]) => members.length > 0).map(([, type]) => type);
  const imports = [...used, 'CompiledPolicy', ...(readsMembership ? ['Membership'] : [])].sort();
  out.line(`import type { ${imports.join(', ')} } from ${literal(runtimeModule)};`);
  out.line();
  emitInstallationType(out, model);
  out.line();
  out.line(`export type ErrorCode = ${literalUnion([...model.errors.keys()])};`);
  out.line();
  emitPopulationType(out, model);
  out.line();
  emitHandlersInterface(out, groups);
}

function emitInstallationType(out: CodeWriter, model: PolicyModel): void {
  out.block('export interface Installation {', () => {
    for (const field of model.fields) {
      const type = field.type;
      if (type.kind === 'unknown') throw new Error('emit runs only on policies without errors');
      const ts = type.kind === 'enum' ? literalUnion(type.members) : type.kind === 'bool' ? 'boolean' : type.kind === 'text' ? 'string' : 'number';
      if (type.kind === 'duration') out.line('/** Milliseconds. */');
      out.line(`readonly ${propertyKey(field.name)}: ${ts};`);
    }
  });
}

/**
 * The cohorts and groups `migrate` and `simulate` accept, one member per
 * cohort, so a group goes only with its own cohort and a misspelt name is a
 * type error with a suggestion.
 */
function emitPopulationType(out: CodeWriter, model: PolicyModel): void {
  if (model.cohorts.size === 0) {
    out.line('export type Population = never;');
    return;
  }
  out.line('export type Population =');
  let left = model.cohorts.size;
  for (const [name, cohort] of model.cohorts) {
    const group = cohort.groups.length === 0 ? 'null' : `${literalUnion(cohort.groups)} | null`;
    out.line(`  | { readonly cohort: ${literal(name)}; readonly group?: ${group} }${--left === 0 ? ';' : ''}`);
  }
}

function handlerGroups(model: PolicyModel): HandlerGroup[] {
  const steps = model.flow.filter((node): node is StepModel => node.kind === 'step');
  return [
    ['steps', 'StepHandler', steps.map((s) => [s.name, `StepHandler<Installation, ${literalUnion(s.mayFail)}>`] as const)],
    ['checks', 'CheckHandler', model.flow.flatMap((n) => (n.kind === 'check' && n.predicate === undefined && n.code ? [[n.code, 'CheckHandler<Installation>'] as const] : []))],
    ['undos', 'UndoHandler', steps.flatMap((s) => (s.undo ? [[s.undo.name, 'UndoHandler<Installation>'] as const] : []))],
    ['arrivals', 'ArrivalHandler', unique(steps.flatMap((s) => (s.await ? [s.await] : []))).map((a) => [a, 'ArrivalHandler<Installation>'] as const)],
    ['incidents', 'IncidentHandler', steps.flatMap((s) => incidentResolvers(s).map((r) => [s.name, `IncidentHandler<Installation, ${literalUnion(r)}>`] as const))],
  ];
}

function emitHandlersInterface(out: CodeWriter, groups: readonly HandlerGroup[]): void {
  out.block('export interface Handlers {', () => {
    for (const [group, , members] of groups) {
      if (members.length === 0) {
        out.line(`readonly ${group}?: Record<string, never>;`);
        continue;
      }
      out.block(`readonly ${group}: {`, () => {
        for (const [name, type] of members) out.line(`readonly ${propertyKey(name)}: ${type};`);
      }, '};');
    }
  });
}

/** The parties that may resolve a step's incidents, if any of its actions raises one. */
function incidentResolvers(step: StepModel): string[][] {
  const actions = [step.onFailure, step.onExhausted, ...step.deadlines.map((d) => d.action)];
  const resolvers = actions.flatMap((a) => (a?.kind === 'incident' ? a.resolvers : []));
  return actions.some((a) => a?.kind === 'incident') ? [unique(resolvers)] : [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
