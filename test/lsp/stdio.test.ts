// The shipped server, end to end: `mpol lsp` from the bundle (copied alone
// into a folder without node_modules), spoken to over stdio and over Node
// IPC as editors do, through a whole session from initialize to exit.
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { exampleFolder, mainScript, runCli, tempFolder } from '../cli/run-cli.js';
import { formatPolicy } from '../../compiler/format/index.js';
import { TextLines } from '../../lsp/positions.js';
import { positionIn } from './harness.js';
import { startServerProcess, type ServerProcess } from './process-client.js';

let server: ServerProcess | undefined;
afterEach(() => {
  if (server !== undefined && server.child.exitCode === null) server.child.kill();
  server = undefined;
});

/** A folder with the bundle alone and a copy of the example policy. */
function setUp(): { script: string; folder: string } {
  const root = tempFolder();
  const script = path.join(root, 'mpol.js');
  copyFileSync(mainScript, script);
  const folder = path.join(root, 'policy');
  cpSync(exampleFolder, folder, { recursive: true });
  return { script, folder };
}

for (const transport of ['stdio', 'node-ipc'] as const) {
  describe(`mpol lsp --${transport}`, () => {
    it('serves a whole session: initialize, open, change, every request, shutdown, exit', async () => {
      const { script, folder } = setUp();
      server = startServerProcess(script, transport, folder);
      const { connection } = server;
      const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: URI.file(folder).toString(), capabilities: {} });
      expect(init).toMatchObject({ serverInfo: { name: 'mpol' }, capabilities: { textDocumentSync: { change: 2 } } });
      connection.sendNotification('initialized', {});

      const file = path.join(folder, 'example.mpol');
      const uri = URI.file(file).toString();
      const text = readFileSync(file, 'utf8');
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mpol', version: 1, text } });
      expect((await server.diagnostics(uri, (p) => p.version === 1)).diagnostics).toEqual([]);

      // A misspelt code: the check in the worker thread reports it.
      const at = text.indexOf('fail EX900') + 'fail '.length;
      const range = { start: positionIn(text, at), end: positionIn(text, at + 'EX900'.length) };
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: 'EX909' }] });
      const broken = await server.diagnostics(uri, (p) => p.version === 2 && p.diagnostics.length > 0);
      expect(broken.diagnostics.map((d) => d.code)).toEqual(['unknown-name']);

      const position = positionIn(text, text.indexOf('retry Commissioning ref') + 'retry '.length);
      const textDocument = { uri };
      const hover = await connection.sendRequest('textDocument/hover', { textDocument, position });
      expect(JSON.stringify(hover)).toContain('gives up at 48h');
      const definition = await connection.sendRequest('textDocument/definition', { textDocument, position: positionIn(text, text.indexOf('by Provider') + 4) });
      expect(definition).toEqual([expect.objectContaining({ uri: URI.file(path.join(folder, 'parties.mpol')).toString() })]);
      const references = (await connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } })) as unknown[];
      expect(references.length).toBeGreaterThan(1);
      expect(await connection.sendRequest('textDocument/documentHighlight', { textDocument, position })).not.toEqual([]);
      expect(await connection.sendRequest('textDocument/documentSymbol', { textDocument })).not.toEqual([]);
      expect(await connection.sendRequest('workspace/symbol', { query: 'Commis' })).not.toEqual([]);
      const fail = positionIn(text, text.indexOf('fail EX900') + 'fail '.length);
      const completion = (await connection.sendRequest('textDocument/completion', { textDocument, position: fail })) as { items: { label: string }[] };
      expect(completion.items.map((item) => item.label)).toContain('EX900');
      expect(await connection.sendRequest('textDocument/prepareRename', { textDocument, position })).toMatchObject({ placeholder: 'Commissioning' });
      const renamed = (await connection.sendRequest('textDocument/rename', { textDocument, position, newName: 'Commission2' })) as { changes: object };
      expect(Object.keys(renamed.changes)).toEqual([uri]);
      const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics: broken.diagnostics } })) as { title: string }[];
      expect(actions.map((action) => action.title)).toEqual(['replace `EX909` with `EX900`', 'declare error `EX909` in `codes.mpol`']);
      expect(await connection.sendRequest('textDocument/foldingRange', { textDocument })).not.toEqual([]);
      const links = (await connection.sendRequest('textDocument/documentLink', { textDocument })) as { target: string }[];
      expect(links.map((link) => link.target)).toContain(URI.file(path.join(folder, 'parties.mpol')).toString());
      expect(await connection.sendRequest('textDocument/selectionRange', { textDocument, positions: [position] })).toHaveLength(1);
      expect(((await connection.sendRequest('textDocument/semanticTokens/full', { textDocument })) as { data: number[] }).data.length).toBeGreaterThan(100);
      const hints = (await connection.sendRequest('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: positionIn(text, text.length) } })) as { label: string }[];
      expect(hints.map((hint) => hint.label)).toContain('99 attempts over 48h');
      // Formatting gives what the formatter gives for the text as it is now.
      const current = text.slice(0, at) + 'EX909' + text.slice(at + 'EX900'.length);
      const expected = formatPolicy(current);
      const edits = (await connection.sendRequest('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })) as { range: Range; newText: string }[];
      expect(applyEdits(current, edits)).toBe(expected.kind === 'formatted' ? expected.text : current);

      connection.sendNotification('textDocument/didClose', { textDocument });
      expect(await connection.sendRequest('shutdown')).toBeNull();
      connection.sendNotification('exit');
      expect(await server.exited).toBe(0);
      expect(server.logged).toEqual([]);
      expect(server.stderr()).toBe('');
    });
  });
}

describe('mpol lsp', () => {
  it('ends when the editor goes away without saying goodbye', async () => {
    const { script, folder } = setUp();
    server = startServerProcess(script, 'stdio', folder);
    await server.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    server.child.stdin!.end();
    expect(await server.exited).toBe(1);
  });

  it('reads a file changed on disk when a document is saved, for clients that do not watch files', async () => {
    const { script, folder } = setUp();
    server = startServerProcess(script, 'stdio', folder);
    const { connection } = server;
    await connection.sendRequest('initialize', { processId: null, rootUri: URI.file(folder).toString(), capabilities: {} });
    connection.sendNotification('initialized', {});
    const file = path.join(folder, 'example.mpol');
    const uri = URI.file(file).toString();
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mpol', version: 1, text: readFileSync(file, 'utf8') } });
    await server.diagnostics(uri, (p) => p.version === 1);
    const parties = path.join(folder, 'parties.mpol');
    writeFileSync(parties, readFileSync(parties, 'utf8').replace('party Provider', 'party Supplier'));
    connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-name'));
    expect(after.diagnostics.every((d) => String(d.message).includes('Provider'))).toBe(true);
  });

  it('formats with the project’s .prettierrc and .editorconfig as mpol fmt does, from the bundle alone or beside Prettier', async () => {
    const { script, folder } = setUp();
    writeFileSync(path.join(folder, '.editorconfig'), 'root = true\n[*.mpol]\nindent_style = space\nindent_size = 4\nend_of_line = crlf\n');
    writeFileSync(path.join(folder, '.prettierrc'), 'printWidth: 44\n');
    const file = path.join(folder, 'example.mpol');
    const text = readFileSync(file, 'utf8');
    const fmt = runCli(['fmt', '--stdin', '--stdin-filepath', file], folder, {}, { input: text });
    expect(fmt.stderr).toBe('');
    expect(fmt.stdout).toContain('\r\n    ');
    for (const bundle of [script, mainScript]) {
      server = startServerProcess(bundle, 'stdio', folder);
      const { connection } = server;
      await connection.sendRequest('initialize', { processId: null, rootUri: URI.file(folder).toString(), capabilities: {} });
      connection.sendNotification('initialized', {});
      const uri = URI.file(file).toString();
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mpol', version: 1, text } });
      const edits = (await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } })) as { range: Range; newText: string }[];
      expect(applyEdits(text, edits)).toBe(fmt.stdout);
      server.child.kill();
      await server.exited;
    }
  });

  it('needs a transport', () => {
    const run = runCli(['lsp'], process.cwd());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('mpol: error: choose how to talk to the editor: --stdio or --node-ipc\n');
  });
});

/** `text` with LSP edits applied (ranges in the text before any of them). */
function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new TextLines(text);
  const spans = edits.map((edit) => ({ span: lines.spanOf(edit.range), text: edit.newText })).sort((a, b) => b.span.start - a.span.start);
  return spans.reduce((result, { span, text: inserted }) => result.slice(0, span.start) + inserted + result.slice(span.end), text);
}

