/**
 * The `mpol.diagnostics.run` setting. The server publishes a document's
 * diagnostics as it changes; with `onSave`, those that arrive while the
 * document has unsaved changes are held back and shown when it is saved
 * (the last ones published, which describe the saved text once the check
 * of the last change has come in: it is shown as it arrives).
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

type Show = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;

export function diagnosticsTiming(): { middleware: Middleware; dispose(): void } {
  const held = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[]; show: Show }>();
  const release = (key: string): void => {
    const entry = held.get(key);
    if (entry === undefined) return;
    held.delete(key);
    entry.show(entry.uri, entry.diagnostics);
  };
  const subscriptions = [
    vscode.workspace.onDidSaveTextDocument((document) => release(document.uri.toString())),
    vscode.workspace.onDidCloseTextDocument((document) => release(document.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mpol.diagnostics.run')) for (const key of [...held.keys()]) if (!onSave(held.get(key)!.uri)) release(key);
    }),
  ];
  return {
    middleware: {
      handleDiagnostics(uri, diagnostics, show) {
        const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
        if (document?.isDirty === true && onSave(uri)) {
          held.set(uri.toString(), { uri, diagnostics, show });
          return;
        }
        held.delete(uri.toString());
        show(uri, diagnostics);
      },
    },
    dispose() {
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}

function onSave(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('mpol', uri).get<string>('diagnostics.run') === 'onSave';
}
