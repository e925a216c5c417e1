/**
 * A flow graph as a Mermaid flowchart: the success path drawn thick (`==>`)
 * top to bottom, consecutive items of one stage boxed together, failure
 * edges thin, deadlines dotted, and the ends coloured by outcome.
 */
import type { PolicyModel } from '../model.js';
import { flowGraph, successEdges, type FlowEdge, type FlowGraph, type FlowNode, type FlowNodeKind } from './flow-graph.js';
import { mermaidLabel, mermaidLines, mermaidPlain } from './mermaid-text.js';
import { populationName, type Population } from './populations.js';

/** The Mermaid flowchart of what runs for one population. */
export function flowDiagram(model: PolicyModel, population: Population): string {
  return renderFlowGraph(flowGraph(model, population));
}

const shapes: Record<FlowNodeKind, [string, string]> = {
  start: ['([', '])'],
  check: ['{{', '}}'],
  step: ['[', ']'],
  decision: ['{', '}'],
  incident: ['[/', '/]'],
  rollback: ['[[', ']]'],
  undo: ['[', ']'],
  migrated: ['([', '])'],
  failed: ['([', '])'],
  'rolled-back': ['([', '])'],
};

/** Colours that read on light and dark pages, with the text colour set so it does not follow the theme. */
const classes: readonly [string, string, (node: FlowNode) => boolean][] = [
  ['migrated', 'fill:#e6f4ea,stroke:#1e7b34,color:#0b3d18', (node) => node.kind === 'migrated'],
  ['failed', 'fill:#fce8e6,stroke:#b3261e,color:#5c0f0b', (node) => node.kind === 'failed'],
  ['rolledBack', 'fill:#fef3e0,stroke:#b35c00,color:#4d2800', (node) => node.kind === 'rolled-back'],
  ['incident', 'fill:#fff8d6,stroke:#8a6d00,color:#3d3000', (node) => node.kind === 'incident'],
  ['undo', 'fill:#f1e8fb,stroke:#6a3ea1,color:#2b1645', (node) => node.kind === 'undo' || node.kind === 'rollback'],
  ['commit', 'stroke-width:4px', (node) => node.item?.kind === 'step' && node.item.commit && node.kind === 'step'],
];

/** `name` says whom the flow is for, when several populations share it; by default its own population. */
export function renderFlowGraph(graph: FlowGraph, name = populationName(graph.population)): string {
  const lines = [
    'flowchart TD',
    `  accTitle: ${mermaidPlain(`What runs for ${name}`)}`,
    `  accDescr: ${mermaidPlain(`The checks and steps ${name} runs in order, and where each failure ends`)}`,
  ];
  const declare = (node: FlowNode, indent: string) => {
    const [open, close] = shapes[node.kind];
    const label = node.kind === 'start' ? [`start: ${name}`] : node.lines;
    lines.push(`${indent}${node.id}${open}${mermaidLines(label)}${close}`);
  };
  // Spine nodes (those of checks and steps) first, consecutive ones of a stage in one box.
  const spine = graph.nodes.filter((node) => node.item !== undefined);
  let stage: string | undefined;
  let boxes = 0;
  for (const node of spine) {
    if (node.stage !== stage) {
      if (stage !== undefined) lines.push('  end');
      if (node.stage !== undefined) lines.push(`  subgraph box${boxes++}[${mermaidLines([`stage ${node.stage}`])}]`);
      stage = node.stage;
    }
    declare(node, stage === undefined ? '  ' : '    ');
  }
  if (stage !== undefined) lines.push('  end');
  for (const node of graph.nodes) if (node.item === undefined) declare(node, '  ');
  const ghosts: string[] = [];
  for (const edge of graph.edges) {
    lines.push(`  ${edge.from} ${arrow(edge)} ${edge.to}`);
    if (edge.kind !== 'next') continue;
    // Layout: Mermaid's layout (dagre) aligns a node with the median of the
    // nodes below it. A step's failure ends sit below it beside the next
    // step, so as many invisible nodes after the next step keep it the
    // median, and the success path runs straight down instead of drifting
    // sideways at every step.
    const failures = graph.edges.filter((other) => other.from === edge.from && !successEdges.has(other.kind)).length;
    for (let index = 0; index < failures; index++) {
      const ghost = `${edge.from}_${index}`;
      ghosts.push(ghost);
      lines.push(`  ${ghost}[" "]`, `  ${edge.from} ~~~ ${ghost}`);
    }
  }
  for (const [name, style, applies] of classes) {
    const ids = graph.nodes.filter(applies).map((node) => node.id);
    if (ids.length === 0) continue;
    lines.push(`  classDef ${name} ${style}`, `  class ${ids.join(',')} ${name}`);
  }
  if (ghosts.length > 0) lines.push('  classDef ghost fill:none,stroke:none', `  class ${ghosts.join(',')} ghost`);
  return `${lines.join('\n')}\n`;
}

function arrow(edge: FlowEdge): string {
  const label = edge.label === undefined ? '' : `|"${mermaidLabel(edge.label)}"|`;
  switch (edge.kind) {
    case 'next':
    case 'runs':
    case 'skipped':
      return `==>${label}`;
    case 'deadline':
      return `-.->${label}`;
    default:
      return `-->${label}`;
  }
}
