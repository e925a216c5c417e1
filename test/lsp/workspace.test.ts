// The files around the open documents: indexed from the workspace folders,
// followed through imports, kept current by watcher events or by reading
// again on open and save; and a file opened on its own.
import { afterEach, describe, expect, it } from 'vitest';
import { marked, positionIn, startTestServer, uri, type TestServer } from './harness.js';
import { codesFile, codesText, partiesFile, partiesText, policyFiles, policyText, root } from './fixtures.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('cross-file features on files that are not open', () => {
  it('go to a definition in a closed file and find references in every file', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText);
    await server.settled();
    const position = positionIn(policyText, policyText.indexOf('fail MA122') + 6);
    const definition = await server.client.sendRequest('textDocument/definition', { textDocument: { uri: uri(root) }, position });
    const declared = codesText.indexOf('MA122');
    expect(definition).toEqual([{ uri: uri(codesFile), range: { start: positionIn(codesText, declared), end: positionIn(codesText, declared + 5) } }]);
    const references = (await server.client.sendRequest('textDocument/references', { textDocument: { uri: uri(root) }, position, context: { includeDeclaration: false } })) as { uri: string }[];
    expect(references.map((r) => r.uri)).toEqual([uri(root)]);
    const provider = (await server.client.sendRequest('textDocument/references', {
      textDocument: { uri: uri(root) },
      position: positionIn(policyText, policyText.indexOf('by Provider') + 4),
      context: { includeDeclaration: true },
    })) as { uri: string }[];
    expect(provider.map((r) => r.uri)).toEqual([uri(partiesFile), uri(root), uri(root), uri(partiesFile), uri(codesFile)]);
  });

  it('go from an import to the file it imports', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText);
    await server.settled();
    const definition = await server.client.sendRequest('textDocument/definition', { textDocument: { uri: uri(root) }, position: positionIn(policyText, policyText.indexOf('"codes.mpol"') + 3) });
    expect(definition).toEqual([{ uri: uri(codesFile), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });

  it('follow an import that leads outside the workspace folder', async () => {
    const outside = '/lib/shared.mpol';
    const text = policyText.replace('import "parties.mpol"', 'import "../lib/shared.mpol"');
    server = await startTestServer({ [root]: text, [codesFile]: codesText, [outside]: partiesText });
    server.open(root, text);
    await server.settled();
    expect(server.diagnostics(root)).toEqual([]);
    const definition = await server.client.sendRequest('textDocument/definition', { textDocument: { uri: uri(root) }, position: positionIn(text, text.indexOf('by Provider') + 4) });
    expect(definition).toEqual([expect.objectContaining({ uri: uri(outside) })]);
  });
});

describe('a file opened on its own', () => {
  it('is part of the policies of its folder that import it', async () => {
    const files = { '/elsewhere/policy.mpol': policyText, '/elsewhere/parties.mpol': partiesText, '/elsewhere/codes.mpol': codesText };
    server = await startTestServer(files, { folders: [] });
    server.open('/elsewhere/codes.mpol', codesText);
    await server.settled();
    // No orphan-file warning: the policy beside it imports it.
    expect(server.diagnostics('/elsewhere/codes.mpol')).toEqual([]);
    const { text, offsets } = marked(codesText.replace('responsible Provider', 'responsible Prov<|>ider'));
    const definition = await server.client.sendRequest('textDocument/definition', { textDocument: { uri: uri('/elsewhere/codes.mpol') }, position: positionIn(text, offsets[0]!) });
    expect(definition).toEqual([expect.objectContaining({ uri: uri('/elsewhere/parties.mpol') })]);
  });

  it('that no policy imports is an orphan', async () => {
    server = await startTestServer({ '/loose/x.mpol': partiesText }, { folders: [] });
    server.open('/loose/x.mpol', partiesText);
    await server.settled();
    expect(server.diagnostics('/loose/x.mpol').map((d) => d.code)).toEqual(['orphan-file']);
  });
});

describe('files changed behind the server', () => {
  const renamed = partiesText.replace('party Provider', 'party Supplier');

  it('are read again on a watcher event, when the client watches files', async () => {
    server = await startTestServer(policyFiles, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    server.open(root, policyText);
    await server.settled();
    server.disk.files.set(partiesFile, renamed);
    server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(partiesFile), type: 2 }] });
    await server.settled();
    expect(server.diagnostics(root).map((d) => d.code)).toEqual(['unknown-name', 'unknown-name']);
  });

  it('are read again when a document is saved or opened, when the client does not watch files', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText);
    await server.settled();
    server.disk.files.set(partiesFile, renamed);
    server.client.sendNotification('textDocument/didSave', { textDocument: { uri: uri(root) } });
    await server.settled();
    expect(server.diagnostics(root).map((d) => d.code)).toEqual(['unknown-name', 'unknown-name']);
  });

  it('count a new file and forget a deleted one', async () => {
    server = await startTestServer(policyFiles, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    server.open(root, policyText);
    await server.settled();
    server.disk.files.delete(partiesFile);
    server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(partiesFile), type: 3 }] });
    await server.settled();
    // The names the file declared are unknown now, as `mpol check` says.
    expect(server.diagnostics(root).map((d) => d.code)).toEqual(['import-not-found', 'unknown-name', 'unknown-name']);
    server.disk.files.set(partiesFile, partiesText);
    server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(partiesFile), type: 1 }] });
    await server.settled();
    expect(server.diagnostics(root)).toEqual([]);
  });

  it('give way to the text of an open document, and come back when it closes', async () => {
    server = await startTestServer(policyFiles);
    server.open(root, policyText);
    server.open(partiesFile, renamed);
    await server.settled();
    expect(server.diagnostics(root).map((d) => d.code)).toEqual(['unknown-name', 'unknown-name']);
    server.client.sendNotification('textDocument/didClose', { textDocument: { uri: uri(partiesFile) } });
    await server.settled();
    expect(server.diagnostics(root)).toEqual([]);
    expect(server.diagnostics(partiesFile)).toEqual([]);
  });
});

describe('workspace folders', () => {
  it('are read when added and forgotten when removed', async () => {
    const other = { '/v/other.mpol': partiesText.replace('Provider', 'Elsewhere') };
    server = await startTestServer({ ...policyFiles, ...other }, { capabilities: { workspace: { workspaceFolders: true } } });
    await server.settled();
    const names = async (): Promise<string[]> => ((await server!.client.sendRequest('workspace/symbol', { query: 'Elsewhere' })) as { name: string }[]).map((s) => s.name);
    expect(await names()).toEqual([]);
    server.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uri('/v'), name: 'v' }], removed: [] } });
    await server.settled();
    expect(await names()).toEqual(['Elsewhere']);
    server.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uri('/v'), name: 'v' }] } });
    await server.settled();
    expect(await names()).toEqual([]);
  });
});

