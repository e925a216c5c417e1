// Every feature through the protocol, in process: what the client sends,
// what comes back, in the protocol's own shapes.
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver';
import { semanticTokenTypes } from '../../compiler/index.js';
import { formatPolicy } from '../../compiler/format/index.js';
import { TextLines } from '../../lsp/positions.js';
import { marked, positionIn, startTestServer, uri, type TestServer } from './harness.js';
import { codesFile, partiesFile, partiesText, policyFiles, policyText, root } from './fixtures.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

async function opened(text = policyText): Promise<TestServer> {
  server = await startTestServer({ ...policyFiles, [root]: text });
  server.open(root, text);
  await server.settled();
  return server;
}

const at = (text: string, needle: string, shift = 0) => positionIn(text, text.indexOf(needle) + shift);
const textDocument = { uri: uri(root) };

describe('completion', () => {
  it('offers error codes after `fail`, replacing the word typed', async () => {
    const { text, offsets } = marked(policyText.replace('on failure fail MA900', 'on failure fail MA9<|>'));
    const { client } = await opened(text);
    const { items, isIncomplete } = (await client.sendRequest('textDocument/completion', { textDocument, position: positionIn(text, offsets[0]!) })) as { isIncomplete: boolean; items: { label: string; detail: string; textEdit: { range: unknown } }[] };
    expect(isIncomplete).toBe(false);
    expect(items.map((item) => [item.label, item.detail])).toEqual([
      ['MA001', 'No meters'],
      ['MA122', 'Commissioning failed'],
      ['MA900', 'Anything else'],
    ]);
    expect(items[0]!.textEdit.range).toEqual({ start: positionIn(text, offsets[0]! - 3), end: positionIn(text, offsets[0]!) });
  });

  it('cuts a long list to the names that hold the letters typed, and says it is incomplete', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `error X${i} "Code ${i}" ref "1" { report Failures }\n`).join('');
    const { text, offsets } = marked(policyText.replace('on failure fail MA900', 'on failure fail X29<|>'));
    server = await startTestServer({ ...policyFiles, [root]: text, [codesFile]: policyFiles[codesFile] + many });
    server.open(root, text);
    await server.settled();
    const { items, isIncomplete } = (await server.client.sendRequest('textDocument/completion', { textDocument, position: positionIn(text, offsets[0]!) })) as { isIncomplete: boolean; items: { label: string }[] };
    expect(isIncomplete).toBe(true);
    // The letters x, 2, 9 in order: X29, X129, X209 … X289, X290 … X299.
    expect(items.map((item) => item.label)).toEqual(['X29', 'X129', ...Array.from({ length: 9 }, (_, i) => `X2${i}9`), ...Array.from({ length: 10 }, (_, i) => `X29${i}`)]);
  });
});

describe('hover', () => {
  it('describes the policy’s own name as it describes any declaration, and a tier', async () => {
    const { client } = await opened();
    const hover = (needle: string) => client.sendRequest('textDocument/hover', { textDocument, position: at(policyText, needle) }) as Promise<{ contents: { value: string }; range: unknown } | null>;
    expect(await hover('Test version')).toEqual({
      contents: { kind: 'markdown', value: '**policy** `Test` — Test policy\n\n- version `1`' },
      range: { start: at(policyText, 'Test version'), end: at(policyText, ' version') },
    });
    expect((await hover('short:'))?.contents.value).toMatch(/^\*\*retry tier\*\* `short` of retry strategy `\w+`\n\n- tier `short`: 3 retries every 5m$/);
    expect(await hover('policy Test')).toBeNull();
  });
});

describe('document links', () => {
  it('link each import’s path to its file, in the folders or out of them, and a missing file nowhere', async () => {
    const text = policyText.replace('import "codes.mpol"\n', 'import "codes.mpol"\nimport "../shared/refs.mpol"\nimport "gone.mpol"\n');
    server = await startTestServer({ ...policyFiles, [root]: text, '/shared/refs.mpol': 'section "9" "Elsewhere"\n' });
    server.open(root, text);
    await server.settled();
    const links = await server.client.sendRequest('textDocument/documentLink', { textDocument });
    const inside = (specifier: string) => ({ start: at(text, `"${specifier}"`, 1), end: at(text, `"${specifier}"`, 1 + specifier.length) });
    expect(links).toEqual([
      { range: inside('parties.mpol'), target: uri(partiesFile), tooltip: 'open parties.mpol' },
      { range: inside('codes.mpol'), target: uri(codesFile), tooltip: 'open codes.mpol' },
      { range: inside('../shared/refs.mpol'), target: uri('/shared/refs.mpol'), tooltip: 'open ../shared/refs.mpol' },
    ]);
  });

  it('answer for a half-typed import and a file the server does not know', async () => {
    const text = policyText.replace('import "codes.mpol"\n', 'import "codes.mpol"\nimport \nimport "par');
    const { client } = await opened(text);
    expect(await client.sendRequest('textDocument/documentLink', { textDocument })).toEqual([
      { range: { start: at(text, 'parties.mpol'), end: at(text, 'parties.mpol', 'parties.mpol'.length) }, target: uri(partiesFile), tooltip: 'open parties.mpol' },
      { range: { start: at(text, 'codes.mpol'), end: at(text, 'codes.mpol', 'codes.mpol'.length) }, target: uri(codesFile), tooltip: 'open codes.mpol' },
    ]);
    expect(await client.sendRequest('textDocument/documentLink', { textDocument: { uri: uri('/elsewhere/none.mpol') } })).toEqual([]);
  });
});

describe('symbols and highlights', () => {
  type Symbol = { name: string; kind: number; children?: Symbol[]; containerName?: string };
  const outlineOf = (symbols: Symbol[]): unknown[] => symbols.map((symbol) => (symbol.children === undefined || symbol.children.length === 0 ? symbol.name : { [symbol.name]: outlineOf(symbol.children) }));

  it('outline the document, nested: the migration’s checks and steps, a strategy’s tiers', async () => {
    const { client } = await opened();
    const symbols = (await client.sendRequest('textDocument/documentSymbol', { textDocument })) as Symbol[];
    const migration = symbols.find((symbol) => symbol.name === 'migration')!;
    expect(outlineOf(migration.children!)).toEqual(['MA001', 'Commission', 'Switch']);
    expect(outlineOf([symbols.find((symbol) => symbol.name === 'Commissioning')!])).toEqual([{ Commissioning: ['short', 'long'] }]);
    expect(symbols[0]).toMatchObject({ name: 'Test', kind: 2 });
  });

  it('outline flat, with containers, for a client without nesting', async () => {
    server = await startTestServer(policyFiles, { capabilities: {} });
    server.open(root, policyText);
    await server.settled();
    const symbols = (await server.client.sendRequest('textDocument/documentSymbol', { textDocument })) as Symbol[];
    expect(symbols.find((symbol) => symbol.name === 'Commission')).toMatchObject({ kind: 12, containerName: 'migration' });
  });

  it('find declarations of every file, open or not, by the letters typed in order', async () => {
    const { client } = await opened();
    const found = (await client.sendRequest('workspace/symbol', { query: 'ma12' })) as { name: string; location: { uri: string } }[];
    expect(found.map((symbol) => [symbol.name, symbol.location.uri])).toEqual([['MA122', uri(codesFile)]]);
  });

  it('highlight a declaration as written and its uses as read, in this document only', async () => {
    const { client } = await opened();
    const highlights = (await client.sendRequest('textDocument/documentHighlight', { textDocument, position: at(policyText, 'Commissioning ref') })) as { range: { start: { line: number } }; kind: number }[];
    expect(highlights.map((h) => [h.range.start.line, h.kind])).toEqual([
      [at(policyText, 'Commissioning ref').line, 3],
      [at(policyText, 'retry Commissioning\n').line, 2],
    ]);
  });
});

describe('rename', () => {
  it('prepares on a name and renames it in every file', async () => {
    const { client } = await opened();
    const position = at(policyText, 'by Provider when group', 4);
    expect(await client.sendRequest('textDocument/prepareRename', { textDocument, position })).toEqual({ range: { start: at(policyText, 'Provider when group'), end: at(policyText, ' when group') }, placeholder: 'Provider' });
    const edit = (await client.sendRequest('textDocument/rename', { textDocument, position, newName: 'Supplier' })) as { changes: Record<string, { newText: string }[]> };
    expect(Object.keys(edit.changes).sort()).toEqual([uri(codesFile), uri(partiesFile), uri(root)].sort());
    expect(Object.values(edit.changes).flat().every((e) => e.newText === 'Supplier')).toBe(true);
    expect(Object.values(edit.changes).flat()).toHaveLength(5);
  });

  it('refuses a clashing name with a message', async () => {
    const { client } = await opened();
    const position = at(policyText, 'by Provider when group', 4);
    await expect(client.sendRequest('textDocument/rename', { textDocument, position, newName: 'Failures' })).rejects.toMatchObject({
      message: '`Failures` is already declared in this policy (a report), and a policy has one namespace',
    });
  });
});

describe('code actions', () => {
  it('offer the did-you-mean of a misspelt name, and apply at the current text', async () => {
    const text = policyText.replace('by Provider when group', 'by Provdier when group');
    const { client } = await opened(text);
    const position = at(text, 'Provdier');
    const actions = (await client.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } })) as { title: string; kind: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[];
    expect(actions[0]).toMatchObject({ title: 'replace `Provdier` with `Provider`', kind: 'quickfix' });
    expect(actions[0]!.edit.changes[uri(root)]).toEqual([{ range: { start: position, end: at(text, ' when group') }, newText: 'Provider' }]);
  });

  it('name the file a stub goes into as the policy’s folder sees it, not by its absolute path', async () => {
    const text = policyText.replace('by Provider when group', 'by Operator when group');
    const { client } = await opened(text);
    const position = at(text, 'Operator');
    const actions = (await client.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } })) as { title: string; edit: { changes: Record<string, unknown> } }[];
    const declare = actions.find((action) => action.title.startsWith('declare'));
    expect(declare?.title).toBe('declare party `Operator` in `parties.mpol`');
    expect(Object.keys(declare!.edit.changes)).toEqual([uri(partiesFile)]);
  });

  it('offer removing an unused declaration', async () => {
    server = await startTestServer({ ...policyFiles, [partiesFile]: `${partiesText}party Idle "Nobody"\n` });
    server.open(partiesFile, `${partiesText}party Idle "Nobody"\n`);
    await server.settled();
    const text = `${partiesText}party Idle "Nobody"\n`;
    const position = at(text, 'Idle');
    const actions = (await server.client.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(partiesFile) }, range: { start: position, end: position }, context: { diagnostics: [] } })) as { title: string }[];
    expect(actions.map((a) => a.title)).toEqual(['remove `Idle`']);
  });
});

describe('structure', () => {
  it('folds blocks up to their closing line', async () => {
    const { client } = await opened();
    const ranges = (await client.sendRequest('textDocument/foldingRange', { textDocument })) as { startLine: number; endLine: number }[];
    const migration = at(policyText, 'migration {').line;
    expect(ranges).toContainEqual({ startLine: migration, endLine: positionIn(policyText, policyText.lastIndexOf('}')).line - 1 });
  });

  it('grows a selection from a name outwards', async () => {
    const { client } = await opened();
    const [selection] = (await client.sendRequest('textDocument/selectionRange', { textDocument, positions: [at(policyText, 'Commissioning\n    on', 2)] })) as { range: { start: unknown }; parent?: { range: { start: unknown } } }[];
    expect(selection!.range.start).toEqual(at(policyText, 'Commissioning\n    on'));
    expect(selection!.parent!.range.start).toEqual(at(policyText, 'retry Commissioning\n'));
  });

  it('classifies tokens by the legend, as deltas of lines and characters', async () => {
    const { client } = await opened();
    const { data } = (await client.sendRequest('textDocument/semanticTokens/full', { textDocument })) as { data: number[] };
    expect(data.length % 5).toBe(0);
    // `policy` (a keyword) at the very start, then `Test` (the policy's name, declared: modifier bit 0), then `version`.
    const [keyword, name] = [semanticTokenTypes.indexOf('keyword'), semanticTokenTypes.indexOf('namespace')];
    expect(data.slice(0, 15)).toEqual([0, 0, 6, keyword, 0, 0, 7, 4, name, 1, 0, 5, 7, keyword, 0]);
    const range = (await client.sendRequest('textDocument/semanticTokens/range', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } } })) as { data: number[] };
    expect(range.data).toEqual(data.slice(0, 15));
  });

  it('shows a strategy’s size after its use', async () => {
    const { client } = await opened();
    const hints = (await client.sendRequest('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: at(policyText, 'step Switch') } })) as { position: unknown; label: string }[];
    expect(hints).toEqual([{ position: at(policyText, '\n    on exhausted'), label: '99 attempts over 48h', paddingLeft: true }]);
  });
});

describe('formatting', () => {
  const messy = policyText.replace(/^ +/gm, '').replace('section "1" "Scope"', 'section   "1"    "Scope"');
  const apply = (text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string => {
    const lines = new TextLines(text);
    let result = text;
    for (const edit of [...edits].reverse()) {
      const span = lines.spanOf(edit.range);
      result = result.slice(0, span.start) + edit.newText + result.slice(span.end);
    }
    return result;
  };

  it('formats a document as mpol fmt does, with one edit over what changed', async () => {
    const { client } = await opened(messy);
    const edits = (await client.sendRequest('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })) as Parameters<typeof apply>[1];
    const expected = formatPolicy(messy);
    expect(expected.kind).toBe('formatted');
    expect(apply(messy, edits)).toBe(expected.kind === 'formatted' ? expected.text : '');
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start.line).toBeGreaterThan(0);
  });

  it('formats only the declarations a range touches', async () => {
    const { client } = await opened(messy);
    const line = messy.split('\n').findIndex((l) => l.startsWith('section   "1"'));
    const edits = (await client.sendRequest('textDocument/rangeFormatting', { textDocument, range: { start: { line, character: 0 }, end: { line, character: 3 } }, options: { tabSize: 2, insertSpaces: true } })) as Parameters<typeof apply>[1];
    expect(apply(messy, edits)).toBe(messy.replace('section   "1"    "Scope"', 'section "1" "Scope"'));
  });

  it('leaves a file with syntax errors alone and says why', async () => {
    const broken = policyText.replace('within 48h', 'within');
    const { client } = await opened(broken);
    const messages: string[] = [];
    client.onNotification('window/showMessage', (params: { message: string }) => void messages.push(params.message));
    expect(await client.sendRequest('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await client.sendRequest('workspace/symbol', { query: '' });
    expect(messages).toEqual(['this file has syntax errors, so it was not formatted: fix them first']);
  });

  it('answers no edits for a formatted document', async () => {
    const canonical = formatPolicy(policyText);
    const { client } = await opened(canonical.kind === 'formatted' ? canonical.text : policyText);
    expect(await client.sendRequest('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });
});

describe('cancellation', () => {
  it('abandons a request cancelled while it waits for the workspace to be read', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server = await startTestServer(policyFiles, { gate });
    server.open(root, policyText);
    const source = new CancellationTokenSource();
    const request = server.client.sendRequest('textDocument/references', { textDocument, position: at(policyText, 'by Provider', 4), context: { includeDeclaration: true } }, source.token);
    source.cancel();
    release();
    await expect(request).rejects.toMatchObject({ code: -32800 });
  });
});
