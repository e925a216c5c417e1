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
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/index.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { projectFormatOptions } from '../format-options/index.js';
import { diskAccess } from '../lsp-files.js';
import { workerChecker } from '../lsp-worker.js';

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
  const connection = options.stdio === true ? createConnection(process.stdin, protocolOutput(ctx)) : createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  const script = fileURLToPath(import.meta.url);
  startServer(connection, {
    files: diskAccess,
    startChecker: workerChecker(script, (message) => connection.console.error(message)),
    version: ctx.version,
    formatOptions: projectFormatOptions(),
  });
  return exitCodes.ok;
}

/**
 * Standard output for the protocol, written through the command line's
 * guarded stream: once the editor has stopped reading, replies are
 * dropped. Handed to the protocol library, a failed write closed the
 * connection and the library then reported the failure on that same
 * connection, which threw again, as an internal error. The server still
 * ends as the protocol says: at `exit`, or when its input ends.
 */
function protocolOutput(ctx: CliContext): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      ctx.out(chunk.toString('utf8'));
      done();
    },
  });
}
