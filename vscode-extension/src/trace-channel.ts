/**
 * The `mpol.trace.server` setting. vscode-languageclient traces the
 * messages with the server only while its trace channel's log level is
 * Trace, and then reads the setting for nothing but the detail (`off`
 * counts as `messages`): left to itself, the setting would do nothing until
 * the user also found "Developer: Set Log Level". This channel's level
 * follows the setting instead: `messages` or `verbose` traces into the
 * output channel "mpol Language Server Trace", `off` stops.
 */
import * as vscode from 'vscode';

export const traceChannelName = 'mpol Language Server Trace';

export function traceChannel(): vscode.LogOutputChannel {
  const output = vscode.window.createOutputChannel(traceChannelName);
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const levelOf = (): vscode.LogLevel => (vscode.workspace.getConfiguration('mpol').get<string>('trace.server', 'off') === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace);
  let level = levelOf();
  const settingChanged = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('mpol.trace.server') || levelOf() === level) return;
    level = levelOf();
    levelChanged.fire(level);
  });
  const write = (at: vscode.LogLevel, label: string) => (message: string | Error, ...args: unknown[]): void => {
    if (level === vscode.LogLevel.Off || at < level) return;
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    output.appendLine(`${new Date().toISOString()} [${label}] ${[text, ...args.map((arg) => JSON.stringify(arg))].join(' ')}`);
  };
  return {
    name: traceChannelName,
    get logLevel() {
      return level;
    },
    onDidChangeLogLevel: levelChanged.event,
    trace: write(vscode.LogLevel.Trace, 'trace'),
    debug: write(vscode.LogLevel.Debug, 'debug'),
    info: write(vscode.LogLevel.Info, 'info'),
    warn: write(vscode.LogLevel.Warning, 'warning'),
    error: write(vscode.LogLevel.Error, 'error'),
    append: (text) => output.append(text),
    appendLine: (text) => output.appendLine(text),
    replace: (text) => output.replace(text),
    clear: () => output.clear(),
    show: (first?: boolean | vscode.ViewColumn, preserveFocus?: boolean) => output.show(typeof first === 'boolean' ? first : preserveFocus),
    hide: () => output.hide(),
    dispose() {
      settingChanged.dispose();
      levelChanged.dispose();
      output.dispose();
    },
  };
}
