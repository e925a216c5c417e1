/**
 * Not a check: whether a deadline's anchor has a time when a step runs
 * (docs/language.md, `step`: "a deadline at ANCHOR + D"). The runtime
 * ignores a deadline until its anchor has happened, so both
 * `anchor-not-reached` and `retry-exceeds-deadline` ask this.
 */
import type { FlowModel, StepModel } from '../model.js';
import type { SymbolTable } from '../symbols.js';

/** `unknown` when the anchor names nothing the binder resolved (already reported). */
export type AnchorState = 'reached' | 'not-reached' | 'unknown';

/** `arrival` asks for an `await`'s deadline, which the step's own wait cannot reach. */
export type AnchorLookup = (step: StepModel, anchor: string | undefined, arrival: boolean) => AnchorState;

/**
 * An artefact anchor is reached when an earlier step produces or awaits it,
 * or, for a step deadline, when the step itself awaits it: the wait comes
 * before its first attempt. An arrival deadline bounds that very wait, so
 * the step's own `await` does not reach its anchor. A step anchor is
 * reached when that step comes earlier in the flow. Guards are not considered: an earlier step counts even if it runs
 * for other cohorts only.
 *
 * The flow is indexed once, so each question costs a map lookup: a large
 * policy has tens of thousands of steps, each with its deadlines.
 */
const lookups = new WeakMap<readonly FlowModel[], AnchorLookup>();

export function anchorLookup(table: SymbolTable, flow: readonly FlowModel[]): AnchorLookup {
  // Two checks ask for the same compilation's lookup; index the flow once.
  const cached = lookups.get(flow);
  if (cached !== undefined) return cached;
  const lookup = buildAnchorLookup(table, flow);
  lookups.set(flow, lookup);
  return lookup;
}

function buildAnchorLookup(table: SymbolTable, flow: readonly FlowModel[]): AnchorLookup {
  const position = new Map<StepModel, number>();
  // The first position at which each artefact has a time, and at which each step completes.
  const artefactTime = new Map<string, number>();
  const completion = new Map<string, number>();
  // A plain loop, no arrays spread per step: this runs over every step of the flow.
  for (let index = 0; index < flow.length; index++) {
    const item = flow[index]!;
    if (item.kind !== 'step') continue;
    position.set(item, index);
    for (const artefact of item.produces) if (!artefactTime.has(artefact)) artefactTime.set(artefact, index);
    if (item.await !== undefined && !artefactTime.has(item.await)) artefactTime.set(item.await, index);
    if (!completion.has(item.name)) completion.set(item.name, index);
  }
  return (step, anchor, arrival) => {
    const symbol = anchor === undefined ? undefined : table.symbols.get(anchor);
    const index = position.get(step);
    if (anchor === undefined || symbol === undefined || index === undefined) return 'unknown';
    const before = (first: number | undefined): AnchorState => (first !== undefined && first < index ? 'reached' : 'not-reached');
    switch (symbol.kind) {
      case 'artefact':
        return step.await === anchor && !arrival ? 'reached' : before(artefactTime.get(anchor));
      case 'step':
        return before(completion.get(anchor));
      default:
        return 'unknown';
    }
  };
}
