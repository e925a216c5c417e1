/**
 * "mpol: Simulate policy": runs `mpol simulate <root> --out report.html`
 * with the policy's default fault model (`faults.json` beside its root
 * file) through the shipped command line (the language server may not
 * run the runtime), shows its progress in VS Code's progress UI, and opens
 * the self-contained HTML report in a webview. The simulation reads the
 * files on disk, so the policy's unsaved editors are saved first.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { serverScript, type LanguageServer } from './language-server';
import type { PoliciesMethod, PoliciesParams, PoliciesResult, PolicyInfo } from './protocol';

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  /** Standard error, less the progress lines. */
  readonly errors: string;
}

export async function simulatePolicy(context: vscode.ExtensionContext, server: LanguageServer, output: vscode.LogOutputChannel, document: vscode.TextDocument | undefined): Promise<void> {
  if (document === undefined || document.languageId !== 'mpol') {
    void vscode.window.showInformationMessage('Open a .mpol file to simulate its policy.');
    return;
  }
  const params: PoliciesParams = { textDocument: { uri: document.uri.toString() } };
  const { policies } = await server.client.sendRequest<PoliciesResult>('mpol/policies' satisfies PoliciesMethod, params);
  const policy = await choose(policies, document);
  if (policy === undefined) return;
  for (const open of vscode.workspace.textDocuments) if (open.languageId === 'mpol' && open.isDirty) await open.save();

  const root = vscode.Uri.parse(policy.uri).fsPath;
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-simulation-'));
  const report = path.join(folder, 'simulation.html');
  try {
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Simulating ${policy.name}`, cancellable: true },
      (progress, token) => simulate(serverScript(context), root, report, progress, token),
    );
    if (run === undefined) return;
    output.appendLine(`mpol simulate ${root}: exit ${run.code ?? run.signal}`);
    if (run.errors !== '') output.appendLine(run.errors);
    if (run.code !== 0) {
      const first = run.errors.split('\n').find((line) => line.trim() !== '') ?? `the simulation ended with ${run.code ?? run.signal}`;
      void vscode.window.showErrorMessage(`The simulation of ${policy.name} failed: ${first.replace(/^mpol: error: /, '')}`, 'Show log').then((choice) => choice === 'Show log' && output.show());
      return;
    }
    showReport(policy, readFileSync(report, 'utf8'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function choose(policies: readonly PolicyInfo[], document: vscode.TextDocument): Promise<PolicyInfo | undefined> {
  if (policies.length === 0) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(document.uri)} belongs to no policy: no file that declares \`policy\` imports it.`);
    return undefined;
  }
  if (policies.length === 1) return policies[0];
  const picked = await vscode.window.showQuickPick(
    policies.map((policy) => ({ label: policy.name, description: policy.title, detail: vscode.workspace.asRelativePath(vscode.Uri.parse(policy.uri)), policy })),
    { placeHolder: 'This file belongs to several policies: which one to simulate?' },
  );
  return picked?.policy;
}

/** Runs the command line; `undefined` if the user cancelled. */
function simulate(script: string, root: string, report: string, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<Run | undefined> {
  return new Promise((resolve) => {
    // In desktop VS Code the extension host is Electron: ELECTRON_RUN_AS_NODE makes it plain Node for the child.
    const child = fork(script, ['simulate', root, '--out', report, '--format', 'html', '--progress', 'json'], {
      cwd: path.dirname(root),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    let errors = '';
    let pending = '';
    let reported = 0;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const update = progressLine(line);
        if (update === undefined) {
          errors += `${line}\n`;
          continue;
        }
        const percent = (100 * update.done) / Math.max(update.total, 1);
        progress.report({ increment: percent - reported, message: `${update.done.toLocaleString('en')} of ${update.total.toLocaleString('en')} installations` });
        reported = percent;
      }
    });
    const cancel = token.onCancellationRequested(() => child.kill());
    child.on('error', (error) => (errors += `${error.message}\n`));
    child.on('close', (code, signal) => {
      cancel.dispose();
      resolve(token.isCancellationRequested ? undefined : { code, signal, stdout, errors: errors + pending });
    });
  });
}

function progressLine(line: string): { done: number; total: number } | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as { done?: unknown; total?: unknown };
    return typeof value.done === 'number' && typeof value.total === 'number' ? { done: value.done, total: value.total } : undefined;
  } catch {
    return undefined;
  }
}

/** The report is one self-contained page whose own content security policy forbids every request. */
function showReport(policy: PolicyInfo, html: string): void {
  const panel = vscode.window.createWebviewPanel('mpol.simulationReport', `Simulation: ${policy.name}`, vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = html;
}
