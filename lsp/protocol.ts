/**
 * The requests this server answers beyond the Language Server Protocol,
 * for the VS Code extension's views (`vscode-extension/`), which imports
 * these types only: method names are strings on the wire, checked against
 * the types here.
 */

/** `mpol/policies`: the policies that hold a document (a fragment may belong to several). */
export const policiesMethod = 'mpol/policies';

export interface PoliciesParams {
  readonly textDocument: { readonly uri: string };
}

export interface PolicyInfo {
  /** The URI of the file that declares the policy. */
  readonly uri: string;
  readonly name: string;
  readonly title: string;
}

export interface PoliciesResult {
  readonly policies: readonly PolicyInfo[];
}

/** `mpol/flowDiagrams`: what runs for each cohort and group of the policies that hold a document, as Mermaid flowcharts. */
export const flowDiagramsMethod = 'mpol/flowDiagrams';

export type FlowDiagramsParams = PoliciesParams;

export interface PolicyFlows extends PolicyInfo {
  /** One per flow; populations that run the same flow share one. */
  readonly flows: readonly FlowDiagram[];
  /** How many errors the policy has: its flows may then be incomplete. */
  readonly errors: number;
}

export interface FlowDiagram {
  /** The cohorts and groups (`MOC_Secure/DA`) that run this flow. */
  readonly populations: readonly string[];
  readonly mermaid: string;
}

export interface FlowDiagramsResult {
  readonly policies: readonly PolicyFlows[];
}
