/**
 * Pictures of a policy as pure functions over the policy model, for the
 * policy document, the language server and the editor's diagram view:
 * `flowGraph` / `flowDiagram` (what runs for one cohort or group, with
 * guards resolved) and `retryDiagram` (a retry strategy's attempt
 * timeline). Diagrams are Mermaid text; every policy string in them passes
 * through `mermaid-text.ts`.
 */
export { flowGraph, successEdges, type FlowEdge, type FlowEdgeKind, type FlowGraph, type FlowNode, type FlowNodeKind } from './flow-graph.js';
export { flowDiagram, renderFlowGraph } from './flow-diagram.js';
export { retryDiagram, retryTimelines, axisFormat, calendarTime } from './retry-diagram.js';
export { populationName, populationsOf, type Population } from './populations.js';
export { mermaidLabel, mermaidLines, mermaidPlain } from './mermaid-text.js';
export { barChart, type BarChart } from './bar-chart.js';
