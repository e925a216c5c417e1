/**
 * `mpol lsp --stdio | --node-ipc`: the language server, speaking LSP over
 * standard input and output or over Node's IPC channel (how VS Code starts
 * a server it forks). The server is handed the disk, a checker in a
 * worker thread started from this same bundle, and the project's
 * formatting options as `mpol fmt` reads them (`../format-options/`).
 *
 * Over stdio, standard output belongs to the protocol: anything else that
 * would print there goes to standard error.
 */
import { fileURLToPath } from 'node:url';
import { createConnection, IPCMessageReader, IPCMessageWriter, type Connection } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/index.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { projectFormatOptions } from '../format-options/index.js';
import { diskAccess } from '../lsp-files.js';
import { answeredSession } from '../lsp-session.js';
import { workerChecker } from '../lsp-worker.js';

/** How long, once standard input has ended, the server waits at most for the answers it still owes: a few seconds, so that nothing hangs. */
const lastAnswersPatience = 5_000;

export interface LspOptions {
  readonly stdio?: boolean;
  readonly nodeIpc?: boolean;
}

/** Starts the server; it runs until the client sends `exit` or goes away, which ends the process. */
export function lspCommand(options: LspOptions, ctx: CliContext): ExitCode {
  if (options.stdio === options.nodeIpc) return fail(ctx, 'choose how to talk to the editor: --stdio or --node-ipc');
  if (options.nodeIpc === true && process.send === undefined) return fail(ctx, '--node-ipc needs a parent process that opened an IPC channel');
  if (options.stdio === true) {
    const toStderr = (...args: unknown[]): void => ctx.err(`${args.map(String).join(' ')}\n`);
    console.log = console.info = console.debug = console.warn = toStderr;
  }
  // Over IPC the end of the channel closes both ways, so there is nobody left to answer: the library ends the process at once.
  let settled = (): Promise<void> => Promise.resolve();
  const connection = options.stdio === true ? stdioConnection(ctx, () => settled()) : createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  const script = fileURLToPath(import.meta.url);
  const server = startServer(connection, {
    files: diskAccess,
    startChecker: workerChecker(script, (message) => connection.console.error(message)),
    version: ctx.version,
    formatOptions: projectFormatOptions(),
  });
  settled = server.settled;
  return exitCodes.ok;
}

/**
 * The connection over standard input and output, every request read
 * answered before the server ends (`../lsp-session.ts`). Output goes
 * through the command line's guarded stream: once the editor has stopped
 * reading, replies are dropped. Handed to the protocol library, a failed
 * write closed the connection and the library then reported the failure
 * on that same connection, which threw again, as an internal error. The
 * server still ends as the protocol says: at `exit`, or when its input
 * ends.
 */
function stdioConnection(ctx: CliContext, settled: () => Promise<void>): Connection {
  const { input, output } = answeredSession(process.stdin, {
    write: (bytes) => ctx.out(bytes.toString('utf8')),
    flush: (done) => flushStdout(done),
    patience: lastAnswersPatience,
    settled,
  });
  return createConnection(input, output);
}

/** Calls `done` once standard output has written what it was given (at once if it has failed). */
function flushStdout(done: () => void): void {
  let called = false;
  const once = (): void => {
    if (!called) (called = true), done();
  };
  if (process.stdout.writableLength === 0 || process.stdout.destroyed) return once();
  process.stdout.write('', once);
}
