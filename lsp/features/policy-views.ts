/**
 * The extension's custom requests (`lsp/protocol.ts`): which policies hold
 * a document, and their flow diagrams from `compiler/diagrams`, drawn from
 * the current text of every file (open documents unsaved).
 */
import { compilePolicy, joinWords, populationName, renderFlowGraph, sharedFlows, type CompiledPolicy, type PolicyFile } from '../../compiler/index.js';
import { uriFor } from '../diagnostics.js';
import type { FlowDiagramsResult, PoliciesResult, PolicyFlows } from '../protocol.js';
import { pathOf } from '../uris.js';
import type { PolicyView } from '../views.js';
import type { FeatureContext } from './context.js';

export function policies(context: FeatureContext, uri: string): PoliciesResult {
  return { policies: compiledPolicies(context, uri).map((policy) => ({ uri: uriFor(context.files, policy.root), name: policy.model.name, title: policy.model.title })) };
}

export function flowDiagrams(context: FeatureContext, uri: string): FlowDiagramsResult {
  return {
    policies: compiledPolicies(context, uri).map((policy): PolicyFlows => ({
      uri: uriFor(context.files, policy.root),
      name: policy.model.name,
      title: policy.model.title,
      errors: policy.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
      flows: sharedFlows(policy.model).map(({ populations, graph }) => {
        const names = populations.map(populationName);
        return { populations: names, mermaid: renderFlowGraph(graph, joinWords(names)) };
      }),
    })),
  };
}

/** Each policy holding the document, compiled from the files' current text (cached while they stay the same). */
function compiledPolicies(context: FeatureContext, uri: string): CompiledPolicy[] {
  const path = pathOf(uri);
  if (path === undefined) return [];
  return context.views.of(path).flatMap((view) => (view.root === undefined ? [] : [compiled(view as PolicyView & { root: string })]));
}

/** The last compilation of each policy, kept while its files (parsed once per change) are the same objects. */
const cache = new Map<string, CompiledPolicy>();

function compiled(view: PolicyView & { readonly root: string }): CompiledPolicy {
  const cached = cache.get(view.root);
  if (cached !== undefined && sameFiles(cached.files, view.files)) return cached;
  const policy = compilePolicy(view.root, view.files);
  cache.delete(view.root);
  cache.set(view.root, policy);
  if (cache.size > 16) cache.delete(cache.keys().next().value!);
  return policy;
}

function sameFiles(a: readonly PolicyFile[], b: readonly PolicyFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}
