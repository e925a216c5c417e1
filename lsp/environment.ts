/**
 * What the server is handed by whoever starts it: the files, the checker
 * and its own version. The command line hands it the disk and a worker
 * thread (`cli/commands/lsp.ts`); tests hand it a map and a checker on
 * their own thread. The server itself touches neither files nor threads.
 */
import type { ReadResult } from '../compiler/index.js';
import type { FormatOptions } from '../compiler/format/index.js';
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

/**
 * The formatting options the project sets for a file, as `mpol fmt` and
 * Prettier read them (a `.prettierrc`, an `.editorconfig`): those it
 * sets, Prettier's defaults standing in for the rest as they do for
 * `mpol fmt`; `none` when no configuration applies to the file, so the
 * editor's settings count; or why they cannot be read.
 */
export type ProjectFormatOptions =
  | { readonly kind: 'options'; readonly options: Partial<FormatOptions> }
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly message: string };

export interface ServerEnvironment {
  readonly files: FileAccess;
  readonly startChecker: StartChecker;
  /** The project's formatting options for a file; without it, the editor's settings alone. Never rejects. */
  readonly formatOptions?: (path: string) => Promise<ProjectFormatOptions>;
  /** The server's version, reported to the client. */
  readonly version: string;
}
