/**
 * What the server is handed by whoever starts it: the files, the checker
 * and its own version. The command line hands it the disk and a worker
 * thread (`cli/commands/lsp.ts`); tests hand it a map and a checker on
 * their own thread. The server itself touches neither files nor threads.
 */
import type { ReadResult } from '../compiler/index.js';
import type { StartChecker } from './checker.js';

export interface FileAccess {
  /** Every `.mpol` file under `folder`, absolute paths; `recursive` descends into sub-folders (not hidden ones, not `node_modules`). */
  listPolicyFiles(folder: string, recursive: boolean): Promise<readonly string[]>;
  /** A file's content. Never rejects: every problem is a `ReadResult`. */
  readFile(path: string): Promise<ReadResult>;
  /** The path an `import "specifier"` in `fromPath` names. */
  resolveImport(fromPath: string, specifier: string): string;
  /** The folder that holds `path`. */
  folderOf(path: string): string;
}

export interface ServerEnvironment {
  readonly files: FileAccess;
  readonly startChecker: StartChecker;
  /** The server's version, reported to the client. */
  readonly version: string;
}
