/**
 * The language server in the test's own process: its files in a map, its
 * checker on the test's thread, a client speaking JSON-RPC to it over a
 * pair of in-memory streams. Tests wait on what the server sends (a
 * diagnostics notification, a finished check), never on the clock.
 *
 * Cursors are marked in the text with `<|>`; `marked` takes them out.
 */
import { PassThrough } from 'node:stream';
import { joinPosix, type ReadResult } from '../../compiler/index.js';
import { inThreadChecker } from '../../lsp/checker.js';
import type { FileAccess, ServerEnvironment } from '../../lsp/environment.js';
import { startServer, type ServerHandle } from '../../lsp/server.js';
import { createConnection, type ClientCapabilities, type Position, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';

export const marker = '<|>';

/** The text without its markers, and the offset of each. */
export function marked(text: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let rest = text;
  for (let at = rest.indexOf(marker); at >= 0; at = rest.indexOf(marker)) {
    offsets.push(at);
    rest = rest.slice(0, at) + rest.slice(at + marker.length);
  }
  return { text: rest, offsets };
}

/** The LSP position of an offset in a text. */
export function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: offset - lastBreak - 1 };
}

export const uri = (path: string): string => URI.file(path).toString();

/** Files on a pretend disk, which a test may change behind the server's back. */
export class MemoryDisk implements FileAccess {
  readonly files: Map<string, string>;
  reads = 0;
  /** While set, listing a folder waits for it: a slow disk, for tests of what happens meanwhile. */
  gate: Promise<void> | undefined;

  constructor(files: Record<string, string>) {
    this.files = new Map(Object.entries(files));
  }

  async listPolicyFiles(folder: string, recursive: boolean): Promise<readonly string[]> {
    await this.gate;
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return [...this.files.keys()].filter((path) => path.startsWith(prefix) && path.endsWith('.mpol') && (recursive || !path.slice(prefix.length).includes('/'))).sort();
  }

  async readFile(path: string): Promise<ReadResult> {
    this.reads++;
    const text = this.files.get(path);
    return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
  }

  resolveImport(fromPath: string, specifier: string): string {
    return joinPosix(fromPath, specifier);
  }

  folderOf(path: string): string {
    return path.slice(0, path.lastIndexOf('/')) || '/';
  }
}

export interface TestServer {
  readonly client: ProtocolConnection;
  readonly server: ServerHandle;
  readonly disk: MemoryDisk;
  /** Every diagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Messages the server logged (internal errors among them). */
  readonly logged: string[];
  open(path: string, text: string, version?: number): void;
  /** Replaces the whole text (a full-document change). */
  replace(path: string, text: string): void;
  /** Changes `[start, end)` of the current text to `text` (an incremental change). */
  edit(path: string, start: number, end: number, text: string): void;
  textOf(path: string): string;
  /** Resolves when the server has read its folders, finished every check it was asked for and published. */
  settled(): Promise<void>;
  /** The last diagnostics published for a file. */
  diagnostics(path: string): PublishDiagnosticsParams['diagnostics'];
  close(): void;
}

const defaultCapabilities: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export interface TestServerOptions {
  readonly folders?: string[];
  readonly capabilities?: ClientCapabilities;
  readonly gate?: Promise<void>;
  readonly formatOptions?: ServerEnvironment['formatOptions'];
  /** How far the client goes before the test takes over: the whole handshake (default), only `initialize`, or nothing. */
  readonly handshake?: 'full' | 'initialize' | 'none';
}

export async function startTestServer(files: Record<string, string>, options: TestServerOptions = {}): Promise<TestServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const disk = new MemoryDisk(files);
  disk.gate = options.gate;
  const logged: string[] = [];
  const connection = createConnection((logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger), {
    shutdownReceived: false,
    initialize: () => {},
    exit: () => {},
  });
  const server = startServer(connection, { files: disk, startChecker: inThreadChecker(joinPosix), version: 'test', ...(options.formatOptions === undefined ? {} : { formatOptions: options.formatOptions }) });
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void published.push(params));
  client.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
  client.onRequest('client/registerCapability', () => null);
  client.listen();

  const folders = options.folders ?? ['/w'];
  const handshake = options.handshake ?? 'full';
  if (handshake !== 'none') {
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: options.capabilities ?? defaultCapabilities,
      workspaceFolders: folders.map((folder) => ({ uri: uri(folder), name: folder })),
    });
  }
  if (handshake === 'full') client.sendNotification('initialized', {});

  const texts = new Map<string, string>();
  const versions = new Map<string, number>();
  const bump = (path: string): number => {
    const version = (versions.get(path) ?? 0) + 1;
    versions.set(path, version);
    return version;
  };
  const test: TestServer = {
    client,
    server,
    disk,
    published,
    logged,
    open(path, text, version = 1) {
      texts.set(path, text);
      versions.set(path, version);
      client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId: 'mpol', version, text } });
    },
    replace(path, text) {
      texts.set(path, text);
      client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version: bump(path) }, contentChanges: [{ text }] });
    },
    edit(path, start, end, text) {
      const before = texts.get(path) ?? '';
      const range = { start: positionIn(before, start), end: positionIn(before, end) };
      texts.set(path, before.slice(0, start) + text + before.slice(end));
      client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version: bump(path) }, contentChanges: [{ range, text }] });
    },
    textOf(path) {
      return texts.get(path) ?? disk.files.get(path) ?? '';
    },
    async settled() {
      await server.indexed;
      // A round trip makes sure every notification sent so far has been handled.
      for (;;) {
        await client.sendRequest('workspace/symbol', { query: '\u0000' });
        if (server.scheduler.idle) {
          await client.sendRequest('workspace/symbol', { query: '\u0000' });
          if (server.scheduler.idle) return;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    diagnostics(path) {
      const wanted = uri(path);
      for (let i = published.length - 1; i >= 0; i--) if (published[i]!.uri === wanted) return published[i]!.diagnostics;
      return [];
    },
    close() {
      client.dispose();
      server.scheduler.dispose();
      toServer.end();
      toClient.end();
    },
  };
  return test;
}
