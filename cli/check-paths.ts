/**
 * The step `check` and `build` share: find the policy files, check them
 * as one workspace, and decide the exit code.
 */
import { checkWorkspace, type WorkspaceResult } from '../compiler/index.js';
import { exitCodes, type ExitCode } from './context.js';
import { discoverPolicyFiles } from '../compiler/disk/discover.js';
import { fileSystemHost } from '../compiler/disk/host.js';

export interface Checked {
  /** The files found from the command line, relative to the working folder. */
  readonly files: readonly string[];
  readonly result: WorkspaceResult;
  /** The files found plus the files they import, for the summary line. */
  readonly fileCount: number;
  readonly exitCode: ExitCode;
}

export type CheckOutcome = { readonly kind: 'checked'; readonly checked: Checked } | { readonly kind: 'usage'; readonly message: string };

export function checkPaths(args: readonly string[], cwd: string): CheckOutcome {
  const discovery = discoverPolicyFiles(args, cwd);
  if (discovery.kind === 'error') return { kind: 'usage', message: discovery.message };
  const { files } = discovery;
  const result = checkWorkspace(files, fileSystemHost(cwd));
  // The workspace keeps the text of every file it could read, so a file
  // named on the command line without a text is one that could not be
  // read: an input problem rather than a mistake in a policy. An import
  // that cannot be read is the policy's mistake, reported at the import.
  const unreadInput = files.some((file) => !result.texts.has(file));
  const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
  const exitCode = unreadInput ? exitCodes.usage : hasErrors ? exitCodes.problems : exitCodes.ok;
  const fileCount = new Set([...files, ...result.texts.keys()]).size;
  return { kind: 'checked', checked: { files, result, fileCount, exitCode } };
}
