/**
 * The mpol extension: a thin client. The language server (the `mpol`
 * bundle shipped in `server/`, started as `mpol lsp --node-ipc`) does the
 * language work; this file wires it to VS Code with the three commands.
 *
 * Invariant: nothing here knows the language. What the views show comes
 * from the server's requests (`lsp/protocol.ts`) or from the `mpol`
 * command line run as a process.
 */
import * as vscode from 'vscode';
import { startLanguageServer, type LanguageServer } from './language-server';
import { FlowDiagramView } from './flow-diagram';
import { simulatePolicy } from './simulate';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('mpol', { log: true });
  context.subscriptions.push(output);
  const server: LanguageServer = startLanguageServer(context, output);
  context.subscriptions.push(server);

  context.subscriptions.push(
    vscode.commands.registerCommand('mpol.restartServer', async () => {
      await server.restart();
      void vscode.window.setStatusBarMessage('mpol: language server restarted', 5000);
    }),
    vscode.commands.registerCommand('mpol.showFlowDiagram', () => FlowDiagramView.show(context, server, vscode.window.activeTextEditor?.document)),
    vscode.commands.registerCommand('mpol.simulate', () => simulatePolicy(context, server, output, vscode.window.activeTextEditor?.document)),
  );
  await server.started;
}

export function deactivate(): void {
  // The subscriptions stop the server.
}
