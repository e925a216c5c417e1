/**
 * The chapter of flow diagrams: one per population, except that
 * populations whose flows are the same share one diagram.
 */
import { flowGraph, type FlowGraph } from '../diagrams/flow-graph.js';
import { renderFlowGraph } from '../diagrams/flow-diagram.js';
import { populationName, populationsOf, type Population } from '../diagrams/populations.js';
import type { FlowModel, PolicyModel } from '../model.js';
import { joinWords, type DocumentBuilder } from './document.js';

export interface SharedFlow {
  readonly populations: Population[];
  readonly graph: FlowGraph;
}

/** Populations grouped by the flow they run, in policy order. */
export function sharedFlows(model: PolicyModel): SharedFlow[] {
  const groups = new Map<string, SharedFlow>();
  for (const population of populationsOf(model)) {
    const graph = flowGraph(model, population);
    // The start node names the population; everything else is the flow itself.
    const key = JSON.stringify({ nodes: graph.nodes.slice(1).map(({ id, kind, lines }) => [id, kind, lines]), edges: graph.edges });
    const shared = groups.get(key);
    if (shared === undefined) groups.set(key, { populations: [population], graph });
    else shared.populations.push(population);
  }
  return [...groups.values()];
}

export function describeFlows(doc: DocumentBuilder, model: PolicyModel): void {
  doc.heading(2, 'How an installation is migrated');
  doc.paragraph(
    'What runs for each cohort and group, with every guard on cohorts and groups resolved. ',
    'Thick arrows are the path of an installation that passes every check and whose every step succeeds; thin arrows lead from a failure to where it ends: ',
    'its error code and the reports the code goes to, after a rollback (with the undos that run at that point) or an incident where the policy says so. ',
    'Dotted arrows are deadlines. A step with a thick border is a commit point. Populations that run the same flow share a diagram.',
  );
  const flows = sharedFlows(model);
  if (flows.length === 0) doc.paragraph('The policy declares no cohort, so nothing runs.');
  for (const { populations, graph } of flows) {
    const names = populations.map(populationName);
    doc.heading(3, joinWords(names));
    doc.paragraph(...populations.map((population, index) => `${index === 0 ? '' : ' '}${populationTitle(model, population)}.`));
    doc.diagram(renderFlowGraph(graph, joinWords(names)), `The checks and steps ${joinWords(names)} run${names.length === 1 ? 's' : ''} in order, and where each failure ends.`);
    if (graph.omitted.length > 0) doc.paragraph(`Left out by guards: ${joinWords(graph.omitted.map(itemName))}.`);
  }
}

function populationTitle(model: PolicyModel, population: Population): string {
  const cohort = model.cohorts.get(population.cohort);
  const title = cohort?.title ? ` (${cohort.title})` : '';
  if (population.group === undefined) {
    return cohort !== undefined && cohort.groups.length > 0 ? `${population.cohort}${title}, outside its groups` : `${population.cohort}${title}`;
  }
  return `${population.cohort}/${population.group}: group ${population.group} of ${population.cohort}${title}`;
}

function itemName(item: FlowModel): string {
  return item.kind === 'check' ? `check ${item.code ?? '?'}` : `step ${item.name}`;
}
