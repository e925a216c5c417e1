/**
 * VS Code for the end-to-end test: code-server (installed by
 * `test/editors/install.sh` into a cache folder) with a throwaway user
 * data folder, extensions folder and configuration, the extension's
 * `.vsix` installed as a user would, serving on a port the system picks on
 * 127.0.0.1 without authentication. `stop` ends its whole process group.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export const codeServerVersion = '4.100.3';

export function codeServerBinary(): string {
  const cache = process.env['MPOL_EDITORS_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache'), 'mpol-editors');
  return path.join(cache, `code-server-${codeServerVersion}`, 'node_modules', '.bin', 'code-server');
}

export interface CodeServer {
  readonly url: string;
  /** The folder of the user's settings and logs. */
  readonly userData: string;
  readonly process: ChildProcess;
  /** What code-server printed, for failures. */
  log(): string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and predictable. */
const settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'files.autoSave': 'off',
  'git.enabled': false,
};

export async function startCodeServer(vsix: string, folder: string, extraSettings: Record<string, unknown> = {}): Promise<CodeServer> {
  const binary = codeServerBinary();
  const home = mkdtempSync(path.join(tmpdir(), 'mpol-code-server-'));
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  const config = path.join(home, 'config.yaml');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions);
  writeFileSync(config, 'auth: none\ncert: false\n');
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...settings, ...extraSettings }, null, 2));
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  const install = spawnSync(binary, [...common, '--install-extension', vsix], { encoding: 'utf8', timeout: 180_000 });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`code-server --install-extension failed (${install.status ?? install.signal}):\n${install.stdout}\n${install.stderr}${install.error ? `\n${install.error.message}` : ''}`);
  }

  const child = spawn(
    binary,
    [...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', folder],
    // Its own process group, so that stopping it ends the extension host and the language server too.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home } },
  );
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const killed = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 10_000);
      await exited;
      clearTimeout(killed);
    }
    // Whatever it started in its group (extension host, language server, checker) goes with it.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Nothing left.
    }
    rmSync(home, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 120 s:\n${output}`)), 120_000);
    const look = (): void => {
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, userData, process: child, log: () => output, stop };
}

/** The language server's process: in code-server's process group, running the extension's `mpol.mjs lsp`. */
export function languageServerPid(codeServer: CodeServer): number {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (group === codeServer.process.pid && command.some((arg) => arg.endsWith('server/mpol.mjs')) && command.includes('lsp')) found.push(Number(entry));
    } catch {
      // A process that ended meanwhile.
    }
  }
  if (found.length !== 1) throw new Error(`expected one language server process, found ${found.length}`);
  return found[0]!;
}

/**
 * What the extension wrote to its output channel `name`: VS Code keeps each channel in a file
 * of its logs (`<name>.log`, or `<n>-<name>.log` for a plain channel). Empty while there is none.
 */
export function outputChannelText(codeServer: CodeServer, name: string): string {
  const home = path.dirname(codeServer.userData);
  const files = (readdirSync(home, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => {
    const base = path.basename(file);
    return file.endsWith('.log') && (base === `${name}.log` || /^\d+-/.test(base) && base.replace(/^\d+-/, '') === `${name}.log`);
  });
  return files.map((file) => readFileSync(path.join(home, file), 'utf8')).join('');
}
