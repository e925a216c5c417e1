/**
 * What the checker runs, wherever it runs: a compiler `Workspace` over the
 * contents the server sent, checked after each request, answering with the
 * diagnostics of every file (less each file's own syntax diagnostics, which
 * the server publishes from its own parse) and the facts of the policies
 * compiled anew.
 */
import { factsUpdate, policyFacts, Workspace, type CompiledPolicy, type FactsUpdate, type PolicyFacts, type ReadResult } from '../compiler/index.js';
import type { Diagnostic } from '../grammar/index.js';
import type { CheckRequest, CheckResponse } from './check-protocol.js';

export interface CheckService {
  handle(request: CheckRequest): CheckResponse;
}

export function createCheckService(resolveImport: (fromPath: string, specifier: string) => string, isCancelled: (generation: number) => boolean): CheckService {
  const contents = new Map<string, ReadResult>();
  const workspace = new Workspace({
    readFile: (path) => contents.get(path) ?? { kind: 'missing' },
    resolveImport,
  });
  // The facts last sent for each policy, and the compilation they came from.
  const sent = new Map<string, { policy: CompiledPolicy; facts: PolicyFacts }>();

  return {
    handle(request) {
      const { generation } = request;
      try {
        for (const [path, content] of request.changes) {
          if (content === undefined) contents.delete(path);
          else contents.set(path, content);
          workspace.changed(path);
        }
        if (request.paths !== undefined) workspace.setPaths(request.paths);
        if (isCancelled(generation)) return { kind: 'cancelled', generation };
        const result = workspace.check({ cancelled: () => isCancelled(generation) });
        if (result === undefined) return { kind: 'cancelled', generation };

        const syntax = new Set<Diagnostic>();
        for (const path of result.texts.keys()) for (const d of workspace.load(path).syntax) syntax.add(d);
        const byFile = new Map<string, Diagnostic[]>();
        for (const d of result.diagnostics) {
          if (syntax.has(d)) continue;
          const list = byFile.get(d.file);
          if (list === undefined) byFile.set(d.file, [d]);
          else list.push(d);
        }
        const updates: FactsUpdate[] = [];
        for (const policy of result.policies) {
          const before = sent.get(policy.root);
          if (before?.policy === policy) continue;
          const facts = policyFacts(policy);
          sent.set(policy.root, { policy, facts });
          updates.push(factsUpdate(before?.facts, facts));
        }
        const roots = new Set(result.policies.map((p) => p.root));
        for (const root of [...sent.keys()]) if (!roots.has(root)) sent.delete(root);
        return { kind: 'checked', generation, diagnostics: [...byFile], facts: updates, roots: [...roots] };
      } catch (error) {
        return { kind: 'failed', generation, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
    },
  };
}
