/**
 * A client for the language server running as its own process, as an
 * editor starts it: `node mpol.js lsp --stdio` (or `--node-ipc`), spoken
 * to in JSON-RPC. Used by the end-to-end tests and by `npm run bench:lsp`.
 * It keeps every notification the server sends and can wait for one that
 * satisfies a condition.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { childEnv } from '../child-env.js';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** What the server wrote on standard error. */
  readonly stderr: () => string;
  /** Messages the server logged through the protocol. */
  readonly logged: string[];
  /** Resolves with the first diagnostics for `uri` that satisfy `accept`, among those already received or still to come. */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean, timeout?: number): Promise<PublishDiagnosticsParams>;
  /** Calls `listener` with every diagnostics notification from now on (the connection takes one handler per method: this is it). */
  onDiagnostics(listener: (params: PublishDiagnosticsParams) => void): void;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

export function startServerProcess(script: string, transport: 'stdio' | 'node-ipc', cwd: string): ServerProcess {
  const child = spawn(process.execPath, [...(process.env['MPOL_SERVER_FLAGS']?.split(' ').filter(Boolean) ?? []), script, 'lsp', `--${transport}`], {
    cwd,
    env: childEnv(),
    stdio: transport === 'stdio' ? ['pipe', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection =
    transport === 'stdio'
      ? createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
      : createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const received: PublishDiagnosticsParams[] = [];
  const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  const logged: string[] = [];
  const listeners: ((params: PublishDiagnosticsParams) => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    received.push(params);
    for (const listener of listeners) listener(params);
    for (const wait of [...waiting]) {
      if (wait.uri === params.uri && wait.accept(params)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(params);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  return {
    child,
    connection,
    stderr: () => errors,
    logged,
    exited,
    onDiagnostics: (listener) => void listeners.push(listener),
    diagnostics(uri, accept, timeout = 20_000) {
      const already = received.find((params) => params.uri === uri && accept(params));
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} as expected within ${timeout} ms; stderr: ${errors}`)), timeout);
        waiting.push({ uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params)) });
      });
    },
  };
}
