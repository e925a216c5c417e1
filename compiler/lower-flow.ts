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
  // One pass: the first handler of each trigger applies, a repeated one is reported.
  let failure: A.FailureHandler | undefined;
  let exhausted: A.FailureHandler | undefined;
  let awaitSeen = false;
  const deadlines: DeadlineModel[] = [];
  for (const item of items) {
    if (item.kind === 'Deadline') deadlines.push(deadline(file, item, false));
    else if (item.kind === 'StepAwait') {
      // Only the first `await` counts (a repeat is reported); its deadline keeps its written place.
      if (!awaitSeen && item.deadline !== undefined) deadlines.push(deadline(file, item.deadline, true));
      awaitSeen = true;
    } else if (item.kind !== 'FailureHandler') continue;
    else if (item.trigger === 'failure' && failure === undefined) failure = item;
    else if (item.trigger === 'exhausted' && exhausted === undefined) exhausted = item;
    else ctx.report('duplicate-item', file, item, { item: `on ${item.trigger}` });
  }
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
  const guards = item.kind === 'Check' || item.kind === 'Step' ? guardsOf(file, stage, item.guard) : [];
  if (item.kind === 'Check') {
    const code = nameOf(item.code);
    if (code !== undefined) {
      const first = checked.get(code);
      const notes = first ? [{ message: `\`${code}\` is first checked here`, file, span: first }] : [];
      if (first) ctx.report('duplicate-check', file, item.code, { code }, { notes });
      else checked.set(code, item.code);
    }
    const check: CheckModel = {
      kind: 'check',
      code,
      ref: refOf(item.ref) ?? stage.ref,
      stage: stage.name,
      party: stage.party,
      guards,
      predicate: item.predicate,
      source: { file, span: item },
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
const stepItemWord = (kind: string): string | undefined => stepItemWords[kind as A.StepItem['kind']];

function lowerStep(ctx: PassContext, file: string, node: A.StepDecl, stage: StageScope, guards: GuardModel[], outer: readonly Level[]): StepModel {
  reportRepeats(ctx, file, node.items, stepItemWord);
  const own = level(ctx, file, node.items);
  // One pass over the items: the first of each kind counts (a repeat is reported above).
  let undoNode: A.Undo | undefined;
  let retry: string | undefined;
  let retrySeen = false;
  let awaited: string | undefined;
  let awaitSeen = false;
  let commit = false;
  const produces: string[] = [];
  const mayFail: string[] = [];
  for (const item of node.items) {
    switch (item.kind) {
      case 'Undo':
        undoNode ??= item;
        break;
      case 'StepRetry':
        if (!retrySeen) retry = nameOf(item.strategy);
        retrySeen = true;
        break;
      case 'StepAwait':
        if (!awaitSeen) awaited = nameOf(item.artefact);
        awaitSeen = true;
        break;
      case 'StepCommit':
        commit = true;
        break;
      case 'StepProduces':
        if (item.artefact.kind === 'Ident') produces.push(item.artefact.name);
        break;
      case 'StepMayFail':
        for (const code of item.codes) if (code.kind === 'Ident') mayFail.push(code.name);
        break;
      default:
        break;
    }
  }
  const undo: UndoModel | undefined =
    undoNode && undoNode.name.kind === 'Ident'
      ? { name: undoNode.name.name, party: nameOf(undoNode.party), ref: refOf(undoNode.ref), source: { file, span: undoNode } }
      : undefined;
  // The step's own level, then its stage's and the migration's.
  const deadlines = own.deadlines.slice();
  let onFailure = own.onFailure;
  let onExhausted = own.onExhausted ?? own.onFailure;
  for (const l of outer) {
    for (const d of l.deadlines) deadlines.push(d);
    onFailure ??= l.onFailure;
    onExhausted ??= l.onExhausted ?? l.onFailure;
  }
  return {
    kind: 'step',
    name: nameOf(node.name) ?? '',
    ref: refOf(node.ref) ?? stage.ref,
    stage: stage.name,
    party: nameOf(node.party) ?? stage.party,
    guards,
    retry,
    await: awaited,
    deadlines,
    produces,
    mayFail,
    undo,
    commit,
    onFailure,
    onExhausted,
    source: { file, span: node },
    node,
  };
}

/** A check's or step's guards: its stage's, then its own. */
function guardsOf(file: string, stage: StageScope, own: A.Guard | undefined): GuardModel[] {
  const guards = stage.guards.slice();
  if (own) guards.push(guard(file, own));
  return guards;
}

function guard(file: string, node: A.Guard): GuardModel {
  return { negated: node.negated, expr: node.expr, source: { file, span: node } };
}

function deadline(file: string, node: A.Deadline, arrival: boolean): DeadlineModel {
  return {
    within: node.within.kind === 'Duration' ? node.within.ms : 0,
    anchor: nameOf(node.anchor),
    arrival,
    action: action(file, node.action, node.ref),
    source: { file, span: node },
  };
}

export function action(file: string, node: A.Action | undefined, ruleRef: A.Ref | undefined): ActionModel | undefined {
  if (node === undefined) return undefined;
  const source = { file, span: node };
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
