/**
 * Policies the documentation's blocks are checked against: an `.mpol`
 * snippet compiled as a fragment, and the repository's policies as the
 * runtime's policy objects, for JSON examples that name one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, instantiatePolicy, memoryHost, renderDiagnostics, type LoadedPolicy } from '../../compiler/index.js';
import { repo } from './blocks.js';

/**
 * What a snippet cannot avoid, standing alone: names, sections and fields
 * declared elsewhere in the policy it is taken from, the files it imports,
 * and whatever is absent (a migration block, reports, handlers).
 */
const unavoidableInAFragment = new Set([
  'unknown-name',
  'unknown-section',
  'unknown-field',
  'import-not-found',
  'missing-migration',
  'unhandled-failure',
  'code-without-report',
  'rollback-without-undo',
  'missing-party',
  'anchor-not-reached',
]);

/**
 * The errors of an `.mpol` snippet, rendered, other than those a fragment
 * cannot avoid. A snippet without `policy` is checked as a fragment that a
 * policy imports; warnings are not reported.
 */
export function snippetErrors(text: string): string {
  const declaresPolicy = /^\s*policy\s/m.test(text);
  // Items of the flow (`check ...`, `step ...`, `on failure ...`) stand in a migration block.
  const flowItems = /^(?:\s|\/\/.*\n)*(?:check|step|stage|on)\b/.test(text);
  const files = new Map([['doc/snippet.mpol', flowItems ? `migration {\n${text}\n}\n` : text]]);
  if (!declaresPolicy) files.set('doc/root.mpol', 'policy Documentation version "1" "Documentation"\nimport "snippet.mpol"\n');
  const result = checkWorkspace([...files.keys()], memoryHost(files));
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && !unavoidableInAFragment.has(d.code));
  return renderDiagnostics(errors, result.texts, { color: false });
}

function mpolFiles(folder: string): string[] {
  return readdirSync(path.join(repo, folder)).flatMap((entry) => {
    const relative = `${folder}/${entry}`;
    if (statSync(path.join(repo, relative)).isDirectory()) return mpolFiles(relative);
    return entry.endsWith('.mpol') ? [relative] : [];
  });
}

const loaded = new Map<string, LoadedPolicy>();

/** The policy in a folder of the repository, as the runtime's object. */
export function repositoryPolicy(folder: string): LoadedPolicy {
  let policy = loaded.get(folder);
  if (policy === undefined) {
    const files = mpolFiles(folder);
    const result = checkWorkspace(files, memoryHost(new Map(files.map((file) => [file, readFileSync(path.join(repo, file), 'utf8')]))));
    if (result.policies.length !== 1) throw new Error(`${folder} holds ${result.policies.length} policies, not one`);
    policy = instantiatePolicy(result.policies[0]!);
    loaded.set(folder, policy);
  }
  return policy;
}
