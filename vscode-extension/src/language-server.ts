/**
 * The language client: starts `server/mpol.mjs lsp --node-ipc` (the whole
 * command line in one bundle, without packages), restarts it when it
 * crashes and says so, logs to the output channel and traces the messages
 * with it when `mpol.trace.server` asks (trace-channel.ts).
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { diagnosticsTiming } from './diagnostics-timing';
import { traceChannel } from './trace-channel';

export interface LanguageServer extends vscode.Disposable {
  /** Settles when the first start has finished (or failed, which the client has shown). */
  readonly started: Promise<void>;
  readonly client: LanguageClient;
  restart(): Promise<void>;
}

/** Restarts within this window count together: a server that keeps crashing is left stopped. */
const crashWindowMs = 3 * 60 * 1000;
const restartsPerWindow = 4;

export function startLanguageServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageServer {
  const run = { module: serverScript(context), transport: TransportKind.ipc, args: ['lsp'] };
  const serverOptions: ServerOptions = { run, debug: run };
  const timing = diagnosticsTiming();
  const trace = traceChannel();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'mpol' }],
    outputChannel: output,
    traceOutputChannel: trace,
    errorHandler: crashHandler(output),
    middleware: timing.middleware,
  };
  const client = new LanguageClient('mpol', 'mpol language server', serverOptions, clientOptions);
  const started = client.start().catch((error: unknown) => {
    output.info(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
  return {
    started,
    client,
    async restart() {
      output.info('Restarting the language server.');
      await client.restart();
    },
    dispose() {
      timing.dispose();
      void client.stop().finally(() => trace.dispose());
    },
  };
}

/** The bundled `mpol` executable: the server, and the command line the simulation runs. */
export function serverScript(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath('server/mpol.mjs');
}

/**
 * A crashed server is restarted with a visible message, up to four times in
 * three minutes; after a fifth crash it stays stopped, and the message
 * offers to start it again.
 */
function crashHandler(output: vscode.LogOutputChannel): ErrorHandler {
  let crashes: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const now = Date.now();
      crashes = [...crashes.filter((time) => now - time < crashWindowMs), now];
      if (crashes.length <= restartsPerWindow) {
        const message = 'The mpol language server stopped unexpectedly and has been restarted.';
        output.info(message);
        void vscode.window.showWarningMessage(message, 'Show log').then((choice) => choice === 'Show log' && output.show());
        return { action: CloseAction.Restart, handled: true };
      }
      const message = `The mpol language server stopped ${crashes.length} times in three minutes and has not been restarted.`;
      output.info(message);
      void vscode.window.showErrorMessage(message, 'Restart', 'Show log').then((choice) => {
        if (choice === 'Restart') {
          crashes = [];
          void vscode.commands.executeCommand('mpol.restartServer');
        } else if (choice === 'Show log') output.show();
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
