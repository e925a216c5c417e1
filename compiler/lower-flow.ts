/**
 * Lowering of the `migration` block: stages are folded into the checks and
 * steps they hold, and each step gets its failure actions resolved through
 * step, stage and migration (see docs/language.md, "Which action applies").
 * Reports `duplicate-item` in steps and stages, and `duplicate-check`.
 */
import type * as A from '../grammar/index.js';
import type { PassContext } from './context.js';
import { nameOf, refOf, reportRepeats } from './ast-values.js';
import type { ActionModel, CheckModel, DeadlineModel, FlowModel, GuardModel, StepModel, UndoModel } from './model.js';

/** The defaults one level (migration or stage) gives the items inside it. */
interface Level {
  readonly onFailure: ActionModel | undefined;
  readonly onExhausted: ActionModel | undefined;
  readonly deadlines: readonly DeadlineModel[];
}

interface StageScope {
  readonly name: string | undefined;
  readonly ref: string | undefined;
  readonly party: string | undefined;
  readonly guards: readonly GuardModel[];
}

const noStage: StageScope = { name: undefined, ref: undefined, party: undefined, guards: [] };

export function lowerFlow(ctx: PassContext, file: string, migration: A.MigrationDecl): FlowModel[] {
  const flow: FlowModel[] = [];
  const checked = new Map<string, A.Span>();
  const top = level(ctx, file, migration.items);
  for (const item of migration.items) {
    if (item.kind === 'Stage') {
      const stage: StageScope = {
        name: nameOf(item.name),
        ref: refOf(item.ref),
        party: nameOf(item.party),
        guards: item.guard ? [guard(file, item.guard)] : [],
      };
      const inner = level(ctx, file, item.items);
      for (const stageItem of item.items) lowerItem(ctx, file, stageItem, stage, [inner, top], flow, checked);
    } else lowerItem(ctx, file, item, noStage, [top], flow, checked);
  }
  return flow;
}

function level(ctx: PassContext, file: string, items: readonly (A.MigrationItem | A.StepItem)[]): Level {
  const handlers = items.filter((item): item is A.FailureHandler => item.kind === 'FailureHandler');
  reportRepeats(ctx, file, handlers.map((h) => ({ kind: h.trigger, span: h.span })), (trigger) => `on ${trigger}`);
  const failure = handlers.find((h) => h.trigger === 'failure');
  const exhausted = handlers.find((h) => h.trigger === 'exhausted');
  const deadlines = items.flatMap((item) => (item.kind === 'Deadline' ? [deadline(file, item)] : []));
  return { onFailure: action(file, failure?.action, failure?.ref), onExhausted: action(file, exhausted?.action, exhausted?.ref), deadlines };
}

function lowerItem(
  ctx: PassContext,
  file: string,
  item: A.StageItem,
  stage: StageScope,
  levels: readonly Level[],
  flow: FlowModel[],
  checked: Map<string, A.Span>,
): void {
  const guards = item.kind === 'Check' || item.kind === 'Step' ? [...stage.guards, ...(item.guard ? [guard(file, item.guard)] : [])] : [];
  if (item.kind === 'Check') {
    const code = nameOf(item.code);
    if (code !== undefined) {
      const first = checked.get(code);
      const notes = first ? [{ message: `\`${code}\` is first checked here`, file, span: first }] : [];
      if (first) ctx.report('duplicate-check', file, item.code.span, { code }, { notes });
      else checked.set(code, item.code.span);
    }
    const check: CheckModel = {
      kind: 'check',
      code,
      ref: refOf(item.ref) ?? stage.ref,
      stage: stage.name,
      party: stage.party,
      guards,
      predicate: item.predicate,
      source: { file, span: item.span },
    };
    flow.push(check);
  } else if (item.kind === 'Step') {
    flow.push(lowerStep(ctx, file, item, stage, guards, levels));
  }
}

const stepItemWords: Partial<Record<A.StepItem['kind'], string>> = {
  StepRetry: 'retry',
  StepAwait: 'await',
  Undo: 'undo',
  StepCommit: 'commit',
  StepMayFail: 'may fail',
};

function lowerStep(ctx: PassContext, file: string, node: A.StepDecl, stage: StageScope, guards: GuardModel[], outer: readonly Level[]): StepModel {
  reportRepeats(ctx, file, node.items, (kind) => stepItemWords[kind as A.StepItem['kind']]);
  const own = level(ctx, file, node.items);
  const levels = [own, ...outer];
  const first = <K extends A.StepItem['kind']>(kind: K) => node.items.find((item) => item.kind === kind) as Extract<A.StepItem, { kind: K }> | undefined;
  const undoNode = first('Undo');
  const undo: UndoModel | undefined =
    undoNode && undoNode.name.kind === 'Ident'
      ? { name: undoNode.name.name, party: nameOf(undoNode.party), ref: refOf(undoNode.ref), source: { file, span: undoNode.span } }
      : undefined;
  return {
    kind: 'step',
    name: nameOf(node.name) ?? '',
    ref: refOf(node.ref) ?? stage.ref,
    stage: stage.name,
    party: nameOf(node.party) ?? stage.party,
    guards,
    retry: nameOf(first('StepRetry')?.strategy),
    await: nameOf(first('StepAwait')?.artefact),
    deadlines: levels.flatMap((l) => l.deadlines),
    produces: node.items.flatMap((item) => (item.kind === 'StepProduces' ? nameOf(item.artefact) ?? [] : [])),
    mayFail: node.items.flatMap((item) => (item.kind === 'StepMayFail' ? item.codes.flatMap((c) => nameOf(c) ?? []) : [])),
    undo,
    commit: first('StepCommit') !== undefined,
    onFailure: levels.map((l) => l.onFailure).find((a) => a !== undefined),
    onExhausted: levels.map((l) => l.onExhausted ?? l.onFailure).find((a) => a !== undefined),
    source: { file, span: node.span },
    node,
  };
}

function guard(file: string, node: A.Guard): GuardModel {
  return { negated: node.negated, expr: node.expr, source: { file, span: node.span } };
}

function deadline(file: string, node: A.Deadline): DeadlineModel {
  return {
    within: node.within.kind === 'Duration' ? node.within.ms : 0,
    anchor: nameOf(node.anchor),
    action: action(file, node.action, node.ref),
    source: { file, span: node.span },
  };
}

export function action(file: string, node: A.Action | undefined, ruleRef: A.Ref | undefined): ActionModel | undefined {
  if (node === undefined) return undefined;
  const source = { file, span: node.span };
  const ref = refOf(ruleRef);
  switch (node.kind) {
    case 'Fail':
      return { kind: 'fail', code: nameOf(node.code), ref, source };
    case 'Rollback':
      return { kind: 'rollback', code: nameOf(node.code), ref, source };
    case 'Incident': {
      const then = node.then.kind === 'Continue' ? 'continue' : node.then.kind === 'RetryStep' ? 'retry' : 'fail';
      return {
        kind: 'incident',
        resolvers: node.resolvers.flatMap((r) => nameOf(r) ?? []),
        then,
        thenCode: node.then.kind === 'Fail' ? nameOf(node.then.code) : undefined,
        elseCode: nameOf(node.elseCode),
        ref,
        source,
      };
    }
    case 'Missing':
      return undefined;
  }
}
