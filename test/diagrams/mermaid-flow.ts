// Reads back the flowcharts `flowDiagram` writes: node shapes and first
// label lines, and the thick (success) edges, so tests can follow the
// success path through the diagram text itself.

export interface DrawnNode {
  readonly shape: string;
  /** The first line of the label, entities decoded. */
  readonly title: string;
}

export interface DrawnFlow {
  readonly nodes: ReadonlyMap<string, DrawnNode>;
  readonly edges: readonly { from: string; to: string; arrow: string; label: string | undefined }[];
}

const shapes = ['[[', '[/', '([', '{{', '{', '['];

export function readFlowchart(text: string): DrawnFlow {
  const nodes = new Map<string, DrawnNode>();
  const edges: DrawnFlow['edges'][number][] = [];
  for (const line of text.split('\n')) {
    const edge = /^\s*(\w+) (==>|-->|-\.->|~~~)(?:\|"(.*?)"\|)? (\w+)$/.exec(line);
    if (edge) {
      edges.push({ from: edge[1]!, arrow: edge[2]!, label: edge[3] === undefined ? undefined : decode(edge[3]), to: edge[4]! });
      continue;
    }
    const node = /^\s*(\w+)([[{(/]+)"(.*?)"[\]})/]+$/.exec(line);
    if (node && !line.trimStart().startsWith('subgraph')) {
      const shape = shapes.find((open) => node[2]!.startsWith(open))!;
      nodes.set(node[1]!, { shape, title: decode(node[3]!.split('<br>')[0]!) });
    }
  }
  return { nodes, edges };
}

function decode(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/**
 * The titles of the nodes on the success path from `n0` to the end,
 * following thick edges; at a decision, `choose` picks the edge by label.
 */
export function successPath(flow: DrawnFlow, choose: (labels: string[]) => string = () => { throw new Error('a decision on the success path'); }): string[] {
  const titles: string[] = [];
  let at = 'n0';
  for (let guard = 0; guard < 10_000; guard++) {
    titles.push(flow.nodes.get(at)?.title ?? `?${at}`);
    const out = flow.edges.filter((edge) => edge.from === at && edge.arrow === '==>');
    if (out.length === 0) return titles;
    const next = out.length === 1 ? out[0]! : out.find((edge) => edge.label === choose(out.map((each) => each.label ?? '')))!;
    at = next.to;
  }
  throw new Error('the success path does not end');
}

/** The step names among the titles of a path (steps are rectangles titled `Name · §ref`). */
export function stepsOn(flow: DrawnFlow, titles: readonly string[]): string[] {
  const steps = new Set([...flow.nodes.values()].filter((node) => node.shape === '[').map((node) => node.title));
  return titles.filter((title) => steps.has(title)).map((title) => title.split(' · ')[0]!);
}
