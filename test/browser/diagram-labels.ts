// The labels a reader should see in a drawn diagram, read from its
// Mermaid source: the first line of each flowchart node, each gantt
// section, each bar chart's axis labels.

export function expectedLabels(source: string): string[] {
  const decode = (text: string) => text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
  const labels: string[] = [];
  for (const line of source.split('\n')) {
    const node = /^\s*\w+[[{(/]+"(.*?)"[\]})/]+$/.exec(line);
    if (node && !/^\s*subgraph/.test(line)) labels.push(decode(node[1]!.split('<br>')[0]!));
    const section = /^\s*section (.+)$/.exec(line);
    if (section) labels.push(section[1]!);
    const axis = /^\s*x-axis(?: "[^"]*")? \[(.*)\]$/.exec(line);
    if (axis) labels.push(...[...axis[1]!.matchAll(/"([^"]*)"/g)].map((match) => match[1]!));
  }
  return labels.map((label) => label.replace(/\s+/g, ' ').trim()).filter((label) => label !== '');
}
