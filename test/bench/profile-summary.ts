/**
 * Reads a `.cpuprofile` written by `node --cpu-prof dist/test/bench/compile.js`
 * and prints, for each timed phase of the benchmark, where its time went:
 * self time per function, and inclusive time per function.
 *
 *   node dist/test/bench/profile-summary.js CPU.….cpuprofile [rows]
 *
 * Phases are found by their named functions in compile.ts (`phaseLex`, …).
 * V8 records garbage collection as a sample of its own, outside any stack;
 * such a sample is charged to a phase when the samples on both sides of it
 * are in that phase (the forced collections between phases are not).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const garbageCollector = '(garbage collector)';

function main(): void {
  const [path, rowsArgument] = process.argv.slice(2);
  if (path === undefined) {
    console.error('usage: node dist/test/bench/profile-summary.js <file.cpuprofile> [rows]');
    process.exit(2);
  }
  const rows = Number(rowsArgument ?? 25);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const label = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(dist|node_modules)\//, '$1/').replace(/^file:\/\//, '');
    return file === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const stacks = new Map<number, string[]>();
  const stackOf = (id: number): string[] => {
    let stack = stacks.get(id);
    if (stack === undefined) {
      stack = [];
      for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) stack.push(label(nodes.get(current)!));
      stacks.set(id, stack);
    }
    return stack;
  };
  const phaseOf = (stack: readonly string[]): string | undefined => stack.map((frame) => /^(phase\w+) /.exec(frame)?.[1]).find((name) => name !== undefined);

  // The phase of each sample; a GC sample takes the phase its neighbours agree on.
  const phases = profile.samples.map((id) => phaseOf(stackOf(id)));
  const isGc = profile.samples.map((id) => nodes.get(id)!.callFrame.functionName === garbageCollector);
  const neighbour = (index: number, direction: 1 | -1): string | undefined => {
    for (let i = index + direction; i >= 0 && i < phases.length; i += direction) if (!isGc[i]) return phases[i];
    return undefined;
  };

  const perPhase = new Map<string, { total: number; gc: number; self: Map<string, number>; inclusive: Map<string, number> }>();
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const before = isGc[index] ? neighbour(index, -1) : phases[index];
    const phase = isGc[index] && neighbour(index, 1) !== before ? undefined : before;
    if (phase === undefined) return;
    let entry = perPhase.get(phase);
    if (entry === undefined) perPhase.set(phase, (entry = { total: 0, gc: 0, self: new Map(), inclusive: new Map() }));
    entry.total += micros;
    const stack = stackOf(id);
    if (isGc[index]) entry.gc += micros;
    entry.self.set(stack[0]!, (entry.self.get(stack[0]!) ?? 0) + micros);
    for (const frame of new Set(stack)) entry.inclusive.set(frame, (entry.inclusive.get(frame) ?? 0) + micros);
  });

  const ms = (micros: number): string => `${(micros / 1000).toFixed(0)} ms`.padStart(9);
  for (const [phase, entry] of perPhase) {
    console.log(`\n## ${phase}: ${ms(entry.total).trim()} sampled over all rounds and sizes, of which GC ${ms(entry.gc).trim()} (${percent(entry.gc, entry.total)})`);
    const table = (title: string, map: Map<string, number>, skip: (frame: string) => boolean): void => {
      console.log(`${title}:`);
      [...map]
        .filter(([frame]) => !skip(frame))
        .sort((a, b) => b[1] - a[1])
        .slice(0, rows)
        .forEach(([frame, micros]) => console.log(`  ${ms(micros)} ${percent(micros, entry.total).padStart(6)}  ${frame}`));
    };
    table('self time', entry.self, () => false);
    // Frames every sample of the phase shares (the benchmark's own) say nothing.
    table('inclusive time', entry.inclusive, (frame) => frame.startsWith('(root)') || frame.includes('test/bench/') || frame.includes('node:internal') || frame.startsWith('evaluate') || frame === garbageCollector);
  }
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
}

main();
