// flowGraph: what runs for one population, with guards resolved, and where
// each failure ends.
import { describe, expect, it } from 'vitest';
import { flowDiagram, flowGraph, type FlowGraph } from '../../compiler/index.js';
import { readFlowchart, stepsOn, successPath } from './mermaid-flow.js';
import { compileSnippet } from './policies.js';

/** Each edge as `from-label -(kind label)-> to-label`, with node labels joined by `/`. */
function edges(graph: FlowGraph): string[] {
  const label = (id: string) => graph.nodes.find((node) => node.id === id)!.lines.join(' / ');
  return graph.edges.map((edge) => `${label(edge.from)} -(${edge.kind}${edge.label === undefined ? '' : ` ${edge.label}`})-> ${label(edge.to)}`);
}

const cohorts = `
cohort C "Cohort C" { group G "Group G" }
cohort D "Cohort D"
`;

describe('flowGraph', () => {
  it('leaves out what guards exclude for the population and keeps the rest in order', () => {
    const { model } = compileSnippet(`${cohorts}
migration {
  on failure fail E
  step One ref "1" by A
  step OnlyG ref "1" by A when group G
  step NotD ref "1" by A unless cohort D
}`);
    const forG = flowGraph(model, { cohort: 'C', group: 'G' });
    expect(forG.nodes.filter((node) => node.kind === 'step').map((node) => node.lines[0])).toEqual(['One · §1', 'OnlyG · §1', 'NotD · §1']);
    const forD = flowGraph(model, { cohort: 'D', group: undefined });
    expect(forD.nodes.filter((node) => node.kind === 'step').map((node) => node.lines[0])).toEqual(['One · §1']);
    expect(forD.omitted.map((item) => (item.kind === 'step' ? item.name : item.code))).toEqual(['OnlyG', 'NotD']);
  });

  it('puts a decision before an item whose guard reads installation fields', () => {
    const { model } = compileSnippet(`${cohorts}
installation { big: bool }
migration {
  on failure fail E
  step One ref "1" by A when installation.big and cohort C
  step Two ref "1" by A
}`);
    expect(edges(flowGraph(model, { cohort: 'C', group: undefined })).filter((edge) => !edge.includes('(fails'))).toEqual([
      'start: C -(next)-> One runs when installation.big and cohort C',
      'One runs when installation.big and cohort C -(runs runs)-> One · §1 / by A',
      'One runs when installation.big and cohort C -(skipped skipped)-> Two · §1 / by A',
      'One · §1 / by A -(next)-> Two · §1 / by A',
      'Two · §1 / by A -(next)-> migrated',
    ]);
    // For cohort D the guard is false whatever the fields say: no decision.
    expect(flowGraph(model, { cohort: 'D', group: undefined }).nodes.map((node) => node.kind)).toEqual(['start', 'step', 'failed', 'migrated']);
  });

  it('ends a failing check in its code and the reports the code goes to', () => {
    const { model } = compileSnippet(`${cohorts}
installation { ok: bool }
migration { check E ref "1" requires installation.ok  step S ref "1" by A { on failure fail E } }`);
    expect(edges(flowGraph(model, { cohort: 'D', group: undefined }))).toContain('check E · §1 / installation.ok -(fails fails)-> failed: E / in R / may be resubmitted');
  });

  it('rolls back only the steps after the last commit, newest first, and says which may not have run', () => {
    const { model } = compileSnippet(`${cohorts}
installation { big: bool }
error F "Rolled" ref "1" { report R }
migration {
  on failure fail E
  step Before ref "1" by A { undo UndoBefore by A }
  step Point ref "1" by A { commit }
  step Kept ref "1" by A { undo UndoKept by A }
  step Maybe ref "1" by A when installation.big { undo UndoMaybe by A }
  step Fails ref "1" by A { on failure rollback then fail F }
}`);
    const graph = flowGraph(model, { cohort: 'D', group: undefined });
    const rollback = edges(graph).filter((edge) => edge.includes('(undo'));
    expect(rollback).toEqual([
      'rollback -(undo)-> undo UndoMaybe / by A / of Maybe / if it ran',
      'undo UndoMaybe / by A / of Maybe / if it ran -(undo-fails undo fails)-> failed: F / an undo failed: needs a person / in R',
      'undo UndoMaybe / by A / of Maybe / if it ran -(undo)-> undo UndoKept / by A / of Kept',
      'undo UndoKept / by A / of Kept -(undo-fails undo fails)-> failed: F / an undo failed: needs a person / in R',
      'undo UndoKept / by A / of Kept -(undo)-> rolled back: F / in R',
    ]);
  });

  it('says a rollback with nothing to undo ends failed', () => {
    const { model } = compileSnippet(`${cohorts}
migration {
  on failure fail E
  step Only ref "1" by A when group G { undo U by A }
  step S ref "1" by A { on failure rollback then fail E }
}`);
    expect(edges(flowGraph(model, { cohort: 'C', group: 'G' }))).toContain('undo U / by A / of Only -(undo)-> rolled back: E / in R / may be resubmitted');
    expect(edges(flowGraph(model, { cohort: 'D', group: undefined }))).toContain('rollback -(undo)-> failed: E / nothing to undo / in R / may be resubmitted');
  });

  it('draws an incident with its resolvers and branches, and a retry back to the step', () => {
    const { model } = compileSnippet(`${cohorts}
error F "Unresolved" ref "1" { report R }
migration {
  step S ref "1" by A { on failure incident resolved by A then retry else fail F }
  step T ref "1" by A { on failure incident resolved by A then continue else fail F }
  step U ref "1" by A { on failure incident resolved by A then fail E else fail F }
}`);
    const all = edges(flowGraph(model, { cohort: 'D', group: undefined }));
    expect(all).toContain('incident / resolved by A -(retry resolved: try once more)-> S · §1 / by A');
    expect(all).toContain('incident / resolved by A -(unresolved not resolved, or fails again)-> failed: F / in R');
    expect(all).toContain('incident / resolved by A -(resolved resolved: continue)-> U · §1 / by A');
    expect(all).toContain('incident / resolved by A -(resolved resolved)-> failed: E / in R / may be resubmitted');
  });

  it('separates permanent failures, retries running out, named codes and deadlines', () => {
    const { model } = compileSnippet(`${cohorts}
artefact X "X" by A
error F "Exhausted" ref "1" { report R }
error N "Named" ref "1" { report R }
error H "Late" ref "1" { report R }
retry Q ref "1" { tier t: 2 retries every 1m }
migration {
  step P ref "1" by A { produces X  on failure fail E }
  step S ref "1" by A { retry Q  may fail N  within 1h after X else fail H  on failure fail E  on exhausted fail F }
}`);
    const fromS = edges(flowGraph(model, { cohort: 'D', group: undefined })).filter((edge) => edge.startsWith('S · §1'));
    expect(fromS).toEqual([
      'S · §1 / by A / retry Q -(fails permanent failure)-> failed: E / in R / may be resubmitted',
      'S · §1 / by A / retry Q -(fails retries run out)-> failed: F / in R',
      'S · §1 / by A / retry Q -(fails fails with N)-> failed: N / in R',
      'S · §1 / by A / retry Q -(deadline 1h after X passes)-> failed: H / in R',
      'S · §1 / by A / retry Q -(next)-> migrated',
    ]);
  });
});

describe('flowDiagram', () => {
  it('draws the success path thick, failures thin, deadlines dotted, stages boxed', () => {
    const { model } = compileSnippet(`${cohorts}
artefact X "X" by A
installation { ok: bool }
migration {
  on failure fail E
  stage Checks ref "1" by A { check E requires installation.ok }
  step P ref "1" by A { produces X }
  step S ref "1" by A { within 1h after X else fail E  commit }
}`);
    const text = flowDiagram(model, { cohort: 'D', group: undefined });
    expect(text).toMatch(/^flowchart TD\n/);
    expect(text).toContain('  subgraph box0["stage Checks"]\n    s0{{"check E · §1<br>installation.ok"}}\n  end\n');
    expect(text).toContain('s2 -.->|"1h after X passes"| ');
    expect(text).toContain('class s2 commit');
    const flow = readFlowchart(text);
    expect(stepsOn(flow, successPath(flow))).toEqual(['P', 'S']);
  });

  it('keeps hostile text inside its label', () => {
    const { model } = compileSnippet(`${cohorts}
installation { name: text }
migration { check E requires installation.name != "\\"]; click s0 call alert(1) %% <img src=x onerror=alert(1)> #quot; \`\`\`" }`);
    const text = flowDiagram(model, { cohort: 'D', group: undefined });
    const label = /s0\{\{"(.*)"\}\}/.exec(text)![1]!;
    // Apart from entities and the line break the diagram itself writes, nothing is syntax.
    expect(label.replace(/#\d+;/g, '').replace(/<br>/g, '')).not.toMatch(/["<>`;%#|[\]{}]/);
    const flow = readFlowchart(text);
    expect(flow.nodes.get('s0')!.title).toBe('check E');
    expect(label.split('<br>')[1]!.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))).toBe(
      'installation.name != "\\"]; click s0 call alert(1) %% <img src=x onerror=alert(1)> #quot; ```"',
    );
  });
});
