/**
 * The server's custom requests, as types only (`lsp/protocol.ts` says what
 * they answer): the extension imports no code of the language's layers.
 */
export type { FlowDiagramsParams, FlowDiagramsResult, PoliciesParams, PoliciesResult, PolicyFlows, PolicyInfo } from '../../lsp/protocol';
import type { flowDiagramsMethod, policiesMethod } from '../../lsp/protocol';

export type FlowDiagramsMethod = typeof flowDiagramsMethod;
export type PoliciesMethod = typeof policiesMethod;
