/**
 * `loadPolicy`: one call from policy files on disk to the runtime's policy
 * object in memory, for a test harness that runs a policy without a build
 * step. It finds the files as `mpol check` does, checks them, and throws
 * with the rendered diagnostics if the policy cannot be used, since a
 * harness has nothing better to do with them than fail loudly.
 */
import type { Diagnostic } from '../../grammar/index.js';
import { instantiatePolicy, type LoadedPolicy } from '../instantiate.js';
import { renderDiagnostics } from '../render.js';
import { checkWorkspace } from '../workspace.js';
import { discoverPolicyFiles } from './discover.js';
import { fileSystemHost } from './host.js';

export interface LoadPolicyOptions {
  /** The folder relative paths start from; the process's working folder by default. */
  readonly cwd?: string;
}

/** Why `loadPolicy` could not give a policy: its message says it as `mpol check` would. */
export class PolicyLoadError extends Error {
  override readonly name = 'PolicyLoadError';
  constructor(
    message: string,
    /** Every diagnostic of the files, warnings included; empty when the files could not be found. */
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(message);
  }
}

/**
 * The one policy in `paths` (its root file, a folder holding one policy, or
 * files and folders that make up one), checked and loaded in memory. Throws
 * a `PolicyLoadError` when a path does not exist, the files hold no policy
 * or several, or the policy has errors (the message shows them rendered).
 */
export function loadPolicy(paths: string | readonly string[], options: LoadPolicyOptions = {}): LoadedPolicy {
  const cwd = options.cwd ?? process.cwd();
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const named = list.map((p) => `'${p}'`).join(', ');
  const discovery = discoverPolicyFiles(list, cwd);
  if (discovery.kind === 'error') throw new PolicyLoadError(`loadPolicy: ${discovery.message}`, []);
  const result = checkWorkspace(discovery.files, fileSystemHost(cwd));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    throw new PolicyLoadError(`loadPolicy: ${named} has ${count}:\n\n${renderDiagnostics(errors, result.texts, { color: false })}`, result.diagnostics);
  }
  const { policies } = result;
  if (policies.length !== 1) {
    const found = policies.length === 0 ? 'no policy' : `${policies.length} policies (${policies.map((p) => p.root).join(', ')})`;
    throw new PolicyLoadError(`loadPolicy: ${named} holds ${found}; name one policy's root file or folder`, result.diagnostics);
  }
  return instantiatePolicy(policies[0]!);
}
