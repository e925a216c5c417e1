/**
 * "mpol: Show flow diagram": a webview beside the editor with what runs
 * for each cohort and group of the current policy, drawn by Mermaid
 * (bundled in `server/vendor/`, never fetched) from the flowcharts the
 * server's `mpol/flowDiagrams` request returns. It follows the text as it
 * changes, and the policy of whichever `.mpol` editor is active.
 *
 * The content security policy allows scripts by nonce only and nothing
 * from the network; styles must allow `'unsafe-inline'`, because Mermaid
 * writes a `<style>` element into every SVG it draws (the relaxation is
 * recorded in docs/decisions).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FlowDiagramsMethod, FlowDiagramsParams, FlowDiagramsResult } from './protocol';
import type { LanguageServer } from './language-server';

/** How long the text must rest before the diagram is drawn again. */
const settleMs = 300;

export class FlowDiagramView implements vscode.Disposable {
  private static current: FlowDiagramView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  static show(context: vscode.ExtensionContext, server: LanguageServer, document: vscode.TextDocument | undefined): void {
    if (document === undefined || document.languageId !== 'mpol') {
      void vscode.window.showInformationMessage('Open a .mpol file to see its flow diagram.');
      return;
    }
    if (FlowDiagramView.current !== undefined) {
      FlowDiagramView.current.follow(document);
      FlowDiagramView.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    FlowDiagramView.current = new FlowDiagramView(context, server, document);
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(
    context: vscode.ExtensionContext,
    private readonly server: LanguageServer,
    private document: vscode.TextDocument,
  ) {
    const scripts = [vscode.Uri.joinPath(context.extensionUri, 'server', 'vendor'), vscode.Uri.joinPath(context.extensionUri, 'dist')];
    this.panel = vscode.window.createWebviewPanel('mpol.flowDiagram', 'Flow diagram', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: scripts,
    });
    this.panel.webview.html = page(this.panel.webview, context.extensionUri);
    this.panel.onDidDispose(() => this.dispose(), undefined, this.subscriptions);
    this.panel.webview.onDidReceiveMessage((message: { kind?: string }) => message.kind === 'ready' && this.update(), undefined, this.subscriptions);
    vscode.workspace.onDidChangeTextDocument((event) => event.document.languageId === 'mpol' && this.schedule(), undefined, this.subscriptions);
    vscode.window.onDidChangeActiveTextEditor((editor) => editor?.document.languageId === 'mpol' && this.follow(editor.document), undefined, this.subscriptions);
    this.follow(document);
  }

  private follow(document: vscode.TextDocument): void {
    this.document = document;
    this.panel.title = `Flow: ${vscode.workspace.asRelativePath(document.uri)}`;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), settleMs);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const params: FlowDiagramsParams = { textDocument: { uri: this.document.uri.toString() } };
    try {
      const result = await this.server.client.sendRequest<FlowDiagramsResult>('mpol/flowDiagrams' satisfies FlowDiagramsMethod, params);
      if (generation === this.generation) void this.panel.webview.postMessage({ kind: 'flows', file: vscode.workspace.asRelativePath(this.document.uri), result });
    } catch (error) {
      if (generation === this.generation) void this.panel.webview.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  dispose(): void {
    FlowDiagramView.current = undefined;
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }
}

function page(webview: vscode.Webview, extension: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extension, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flow diagram</title>
<style>
body { padding: 0 1rem 2rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
.note { color: var(--vscode-descriptionForeground); }
.warning { color: var(--vscode-editorWarning-foreground); }
.diagram svg { max-width: 100%; height: auto; }
pre.source { display: none; }
</style>
</head>
<body>
<p id="status" class="note">Drawing the flow…</p>
<main id="flows"></main>
<script nonce="${nonce}" src="${script('server', 'vendor', 'mermaid.min.js')}"></script>
<script nonce="${nonce}" src="${script('dist', 'diagram-view.js')}"></script>
</body>
</html>`;
}
