/**
 * The parts of a flow graph (`flow-graph.ts`) and the builder that
 * collects them.
 */
import type { FlowModel, PolicyModel } from '../model.js';
import type { Population, Runs } from './populations.js';

/** A check or step that runs for the population, always or depending on its fields. */
export interface Spine {
  readonly item: FlowModel;
  readonly runs: Runs;
  readonly id: string;
}

export type FlowNodeKind = 'start' | 'check' | 'step' | 'decision' | 'incident' | 'rollback' | 'undo' | 'migrated' | 'failed' | 'rolled-back';

/**
 * `next` goes on after a success, `runs` and `skipped` leave a decision on
 * installation fields; the others are failure handling.
 */
export type FlowEdgeKind = 'next' | 'runs' | 'skipped' | 'fails' | 'deadline' | 'resolved' | 'unresolved' | 'retry' | 'undo' | 'undo-fails';

/** The edges a successful installation follows. */
export const successEdges: ReadonlySet<FlowEdgeKind> = new Set(['next', 'runs', 'skipped']);

export interface FlowNode {
  readonly id: string;
  readonly kind: FlowNodeKind;
  /** The label, one plain-text line each. */
  readonly lines: readonly string[];
  /** The stage of a check, a step or the decision before one. */
  readonly stage: string | undefined;
  /** The check or step a node stands for (or decides on). */
  readonly item: FlowModel | undefined;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: FlowEdgeKind;
  readonly label: string | undefined;
}

export interface FlowGraph {
  readonly population: Population;
  /** In reading order: the start, then each item with what its failures lead to, then `migrated`. */
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** The checks and steps guards leave out for this population, in flow order. */
  readonly omitted: readonly FlowModel[];
}

/** Collects nodes and edges with ids in creation order. */
export class GraphBuilder {
  readonly nodes: FlowNode[] = [];
  readonly edges: FlowEdge[] = [];

  constructor(readonly model: PolicyModel) {}

  node(kind: FlowNodeKind, lines: readonly (string | undefined)[], item?: FlowModel, id = `n${this.nodes.length}`): string {
    const stage = item?.stage;
    this.nodes.push({ id, kind, lines: lines.filter((line): line is string => line !== undefined), stage, item });
    return id;
  }

  edge(from: string, to: string, kind: FlowEdgeKind, label?: string): void {
    this.edges.push({ from, to, kind, label });
  }

  /**
   * An end in failure: the code, notes on how it came about, the reports
   * the code goes to, and whether the installation may be resubmitted (as
   * the code says, unless `resubmit` says otherwise).
   */
  outcome(kind: 'failed' | 'rolled-back', code: string | undefined, notes: readonly string[] = [], resubmit?: boolean): string {
    const error = code === undefined ? undefined : this.model.errors.get(code);
    const reports = error === undefined || error.reports.length === 0 ? 'in no report' : `in ${error.reports.join(', ')}`;
    const allowed = resubmit ?? (error?.resubmit === 'always' || (error?.resubmit === 'after-rollback' && kind === 'rolled-back'));
    const resubmittable = allowed ? 'may be resubmitted' : undefined;
    return this.node(kind, [`${kind === 'failed' ? 'failed' : 'rolled back'}: ${code ?? '?'}`, ...notes, reports, resubmittable]);
  }
}

