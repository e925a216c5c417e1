/**
 * The language server for `.mpol` files: `startServer` runs it on a
 * connection, with the files and the checker it is handed. The command
 * line starts it over stdio or Node IPC (`mpol lsp`), with a worker thread
 * for the checks.
 *
 * Invariant: imports only `compiler/`, `grammar/`, `common/` and packages;
 * touches no file, thread or process itself.
 */
export { startServer, type ServerHandle } from './server.js';
export { createCheckService, type CheckService } from './check-service.js';
export { inThreadChecker, type Checker, type CheckRequest, type CheckResponse, type StartChecker } from './checker.js';
export type { FileAccess, ProjectFormatOptions, ServerEnvironment } from './environment.js';
