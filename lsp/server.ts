/**
 * The language server: the protocol's requests and notifications wired to
 * the files, the checker and the features. The connection and everything
 * outside the process's memory are handed in (`ServerEnvironment`), so the
 * whole server runs in a test as it runs behind an editor.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { CheckScheduler } from './check-scheduler.js';
import { diagnosticsFor } from './diagnostics.js';
import type { ServerEnvironment } from './environment.js';
import type { FeatureContext } from './features/context.js';
import { Files, type FileChange } from './files.js';
import { registerRequests, serverCapabilities } from './requests.js';
import { pathOf } from './uris.js';
import { PolicyViews } from './views.js';

/** What a test or a benchmark may look at in a running server. */
export interface ServerHandle {
  readonly files: Files;
  readonly scheduler: CheckScheduler;
  /** Resolves once the workspace folders have been read. */
  readonly indexed: Promise<void>;
  /**
   * Resolves once the server has done all the work the messages handled
   * so far asked for: the workspace read, no check running or wanted, and
   * every diagnostics notification written. The command line waits on it
   * before it ends a server whose input has ended, so that a client that
   * wrote a whole session at once still gets the diagnostics of what it
   * opened.
   */
  settled(): Promise<void>;
}

/** How long `shutdown` waits at most for the check the messages before it asked for. */
const shutdownPatience = 5_000;

export function startServer(connection: Connection, environment: ServerEnvironment): ServerHandle {
  const log = (message: string): void => connection.console.error(message);
  let capabilities: ClientCapabilities = {};
  const touched = new Set<string>();
  let syntaxPass: NodeJS.Immediate | undefined;
  /** Diagnostics notifications not yet written. */
  const sending = new Set<Promise<void>>();

  const files = new Files(environment.files, (paths) => {
    for (const path of paths) touched.add(path);
    scheduler.request();
    syntaxPass ??= setImmediate(publishTouched);
  });
  const scheduler = new CheckScheduler(files, environment.startChecker, (paths) => {
    for (const path of paths) publish(path);
  }, log);
  const views = new PolicyViews(files, (root) => scheduler.factsOf(root));
  const context: FeatureContext = { files, views };
  let resolveIndexed: () => void = () => {};
  const indexed = new Promise<void>((resolve) => (resolveIndexed = resolve));
  let folders: string[] = [];
  let initialized = false;

  /** Publishes the diagnostics of an open document: its syntax from its own parse, the rest from the last check. */
  function publish(path: string): void {
    const document = files.document(path);
    if (document === undefined) return;
    const related = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    const sent = connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnosticsFor(files, path, scheduler.diagnosticsOf(path), scheduler.moved, related) });
    sending.add(sent);
    void sent.finally(() => sending.delete(sent)).catch(() => {});
  }

  async function settled(): Promise<void> {
    // The folders are read after `initialized`: before it, or without it, there is no reading to wait for.
    if (initialized) await indexed;
    // Each wait may start more work (a check's result publishes, a publish is one more write): look again until nothing is left.
    for (;;) {
      if (sending.size > 0) await Promise.allSettled([...sending]);
      else if (!scheduler.quiet) await scheduler.whenQuiet();
      else if (syntaxPass !== undefined) await new Promise((resolve) => setImmediate(resolve));
      else return;
    }
  }

  /**
   * The syntax pass after a change: parse, bind the policies the open
   * documents belong to (so that the queries that follow a keystroke find
   * their tables ready, whether or not a check is running), publish.
   */
  function publishTouched(): void {
    syntaxPass = undefined;
    const paths = [...touched].filter((path) => files.document(path) !== undefined);
    touched.clear();
    for (const path of paths) views.of(path);
    for (const path of paths) publish(path);
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    folders = workspaceFolders.flatMap((folder) => pathOf(folder.uri) ?? []);
    return {
      capabilities: serverCapabilities,
      serverInfo: { name: 'mpol', version: environment.version },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.mpol' }] });
    }
    if (capabilities.workspace?.workspaceFolders === true) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.added) {
          const path = pathOf(folder.uri);
          if (path !== undefined) void files.addFolder(path, true);
        }
        for (const folder of event.removed) {
          const path = pathOf(folder.uri);
          if (path !== undefined) void files.removeFolder(path);
        }
        scheduler.request();
      });
    }
    void Promise.all(folders.map((folder) => files.addFolder(folder, true))).then(resolveIndexed, (error: unknown) => {
      log(`reading the workspace failed: ${String(error)}`);
      resolveIndexed();
    });
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const path = pathOf(textDocument.uri);
    if (path === undefined) return;
    files.open(textDocument.uri, path, textDocument.version, textDocument.text);
    // Clients that do not watch files still see files changed on disk: on each open and save, the folders are read again.
    if (!watchesFiles()) void files.rescan();
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const path = pathOf(textDocument.uri);
    if (path !== undefined) files.change(path, contentChanges, textDocument.version);
  });

  connection.onDidSaveTextDocument(() => {
    if (!watchesFiles()) void files.rescan();
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const path = pathOf(textDocument.uri);
    if (path === undefined) return;
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    void files.close(path);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const events = changes.flatMap((change) => {
      const path = pathOf(change.uri);
      const kind: FileChange = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      return path === undefined ? [] : [{ path, change: kind }];
    });
    void files.fileEvents(events);
  });

  function watchesFiles(): boolean {
    return capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  registerRequests(connection, { context, indexed, scheduler, capabilities: () => capabilities, log, formatOptions: environment.formatOptions });

  // The check the messages before `shutdown` asked for is finished and published first (a client that sends a whole session at once expects its diagnostics), for `shutdownPatience` at most.
  connection.onShutdown(async () => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled(), new Promise((resolve) => (timer = setTimeout(resolve, shutdownPatience)))]);
    clearTimeout(timer);
    scheduler.dispose();
  });

  connection.listen();
  return { files, scheduler, indexed, settled };
}
