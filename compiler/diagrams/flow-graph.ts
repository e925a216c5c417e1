/**
 * What runs for one population (a cohort, or a cohort's group), as a graph:
 * the checks and steps in flow order with guards resolved, and where each
 * failure ends: the code and report, through rollbacks (with the undos
 * that would run at that point) and incidents (with their resolvers and
 * branches); deadlines with their anchors; commit points.
 *
 * The graph is plain data, so the policy document draws it as Mermaid
 * (`flow-diagram.ts`), and an editor may draw it its own way.
 *
 * Invariant: the success path (edges `next`, `runs`, `skipped` from the
 * start) passes through the steps `migrate` runs for the population when
 * every handler succeeds, in that order; `test/diagrams/flow-agrees.test.ts`
 * checks it against the runtime.
 */
import { formatDuration } from '../../common/duration.js';
import type { ActionModel, FlowModel, PolicyModel, StepModel } from '../model.js';
import { printExpr, printGuards } from '../print.js';
import { GraphBuilder, type FlowGraph, type Spine } from './flow-builder.js';
import { rollbackTarget } from './flow-rollback.js';
import { guardEvaluator, populationName, runsFor, type Population } from './populations.js';

export { successEdges, type FlowEdge, type FlowEdgeKind, type FlowGraph, type FlowNode, type FlowNodeKind } from './flow-builder.js';

export function flowGraph(model: PolicyModel, population: Population): FlowGraph {
  const truth = guardEvaluator(model);
  const graph = new GraphBuilder(model);
  const spine: Spine[] = [];
  const omitted: FlowModel[] = [];
  for (const item of model.flow) {
    const runs = runsFor(item.guards, population, truth);
    if (runs.kind === 'never') omitted.push(item);
    else spine.push({ item, runs, id: `s${spine.length}` });
  }
  // What comes after item `index`: the decision before the next item, the next item, or the end.
  const entry = (index: number): string => {
    const next = spine[index];
    if (next === undefined) return 'done';
    return next.runs.kind === 'sometimes' ? `d${index}` : next.id;
  };

  graph.node('start', [`start: ${populationName(population)}`], undefined, 'n0');
  graph.edge('n0', entry(0), 'next');
  spine.forEach(({ item, runs, id }, index) => {
    if (runs.kind === 'sometimes') {
      graph.node('decision', [`${itemName(item)} runs ${printGuards(runs.guards)}`], item, `d${index}`);
      graph.edge(`d${index}`, id, 'runs', 'runs');
      graph.edge(`d${index}`, entry(index + 1), 'skipped', 'skipped');
    }
    if (item.kind === 'check') {
      graph.node('check', [`check ${item.code ?? '?'}${sectionOf(item.ref)}`, item.predicate ? printExpr(item.predicate) : 'asks the external check'], item, id);
      graph.edge(id, graph.outcome('failed', item.code), 'fails', 'fails');
    } else {
      graph.node('step', stepLines(item), item, id);
      stepFailures(graph, spine, index, entry(index + 1));
    }
    graph.edge(id, entry(index + 1), 'next');
  });
  graph.node('migrated', ['migrated'], undefined, 'done');
  return { population, nodes: graph.nodes, edges: graph.edges, omitted };
}

function itemName(item: FlowModel): string {
  return item.kind === 'check' ? `check ${item.code ?? '?'}` : item.name;
}

function sectionOf(ref: string | undefined): string {
  return ref === undefined ? '' : ` · §${ref}`;
}

function stepLines(step: StepModel): (string | undefined)[] {
  return [
    `${step.name}${sectionOf(step.ref)}`,
    step.party === undefined ? undefined : `by ${step.party}`,
    step.await === undefined ? undefined : `waits for ${step.await}`,
    step.retry === undefined ? undefined : `retry ${step.retry}`,
    step.produces.length === 0 ? undefined : `produces ${step.produces.join(', ')}`,
    step.commit ? 'commit: no rollback past here' : undefined,
  ];
}

/**
 * The edges out of a step that fails: a permanent failure, retries running
 * out (one edge when both lead to the same action), a permanent failure
 * naming one of the step's `may fail` codes, and each deadline.
 */
function stepFailures(graph: GraphBuilder, spine: readonly Spine[], index: number, after: string): void {
  const { item, id } = spine[index]! as Spine & { item: StepModel };
  // One target per distinct action of this step, so both triggers of one action share it.
  const targets = new Map<string, string>();
  const target = (action: ActionModel, code?: string): string => {
    const key = `${code ?? ''} ${actionKey(action)}`;
    let found = targets.get(key);
    if (found === undefined) {
      found = actionTarget(graph, spine, index, after, action, code);
      targets.set(key, found);
    }
    return found;
  };
  const { onFailure, onExhausted } = item;
  if (onFailure !== undefined && onExhausted !== undefined && sameAction(onFailure, onExhausted)) {
    graph.edge(id, target(onFailure), 'fails', 'fails');
  } else {
    if (onFailure !== undefined) graph.edge(id, target(onFailure), 'fails', 'permanent failure');
    if (onExhausted !== undefined) graph.edge(id, target(onExhausted), 'fails', item.retry === undefined ? 'transient failure' : 'retries run out');
  }
  if (onFailure !== undefined) for (const code of item.mayFail) graph.edge(id, target(onFailure, code), 'fails', `fails with ${code}`);
  for (const deadline of item.deadlines) {
    if (deadline.action === undefined) continue;
    const due = `${formatDuration(deadline.within)} after ${deadline.anchor ?? '?'}`;
    // An arrival deadline bounds the awaited artefact's arrival only; a step deadline, the whole step.
    const label = deadline.arrival ? `${item.await ?? '?'} not in by ${due}` : `${due} passes`;
    graph.edge(id, target(deadline.action), 'deadline', label);
  }
}

/** What an action does, without where it is written or which section it cites. */
function actionKey(action: ActionModel): string {
  return JSON.stringify(action, (key, value: unknown) => (key === 'source' || key === 'ref' ? undefined : value));
}

function sameAction(a: ActionModel, b: ActionModel): boolean {
  return actionKey(a) === actionKey(b);
}

/**
 * Where an action leads. A code the handler names (`code`) replaces the
 * action's own codes, as the runtime does.
 */
function actionTarget(graph: GraphBuilder, spine: readonly Spine[], index: number, after: string, action: ActionModel, code: string | undefined): string {
  switch (action.kind) {
    case 'fail':
      return graph.outcome('failed', code ?? action.code);
    case 'rollback':
      return rollbackTarget(graph, spine, index, code ?? action.code);
    case 'incident': {
      const incident = graph.node('incident', ['incident', `resolved by ${action.resolvers.join(' or ')}`]);
      const step = spine[index]!.id;
      const elseCode = code ?? action.elseCode ?? action.thenCode;
      if (action.then === 'continue') graph.edge(incident, after, 'resolved', 'resolved: continue');
      else if (action.then === 'retry') graph.edge(incident, step, 'retry', 'resolved: try once more');
      else graph.edge(incident, graph.outcome('failed', code ?? action.thenCode ?? action.elseCode), 'resolved', 'resolved');
      const unresolved = action.then === 'retry' ? 'not resolved, or fails again' : 'not resolved';
      graph.edge(incident, graph.outcome('failed', elseCode), 'unresolved', unresolved);
      return incident;
    }
  }
}
