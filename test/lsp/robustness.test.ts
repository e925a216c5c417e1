// Robustness: thousands of random edits to an open document (insertions,
// deletions, pastes of other policies' fragments, several changes in one
// notification, the whole text replaced), each followed by every request
// the server answers, at random places. The server must never log an
// internal error, never answer with an error (a refused rename excepted:
// it is an answer, with its reason), keep its diagnostics inside the
// document they are published for, and keep its memory flat.
//
// MPOL_ROBUSTNESS_EDITS sets the number of edits (default 2,000).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Random } from '../bench/random.js';
import { positionIn, startTestServer, uri, type TestServer } from './harness.js';
import { flowDiagramsMethod, policiesMethod } from '../../lsp/protocol.js';

const edits = Number(process.env['MPOL_ROBUSTNESS_EDITS'] ?? 2_000);
const repo = path.resolve(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(path.join(repo, file), 'utf8');
const folder = '/w';
const files = {
  [`${folder}/example.mpol`]: read('policies/example/example.mpol'),
  [`${folder}/parties.mpol`]: read('policies/example/parties.mpol'),
  [`${folder}/codes.mpol`]: read('policies/example/codes.mpol'),
};
const edited = `${folder}/example.mpol`;
/** What pastes are cut from: the MEHRS policies, and the example itself. */
const quarry = ['policies/mehrs/v2.1/flow.mpol', 'policies/mehrs/v2.1/codes.mpol', 'policies/mehrs/v2.0/mehrs.mpol', 'policies/example/example.mpol'].map(read).join('\n');
/** The names the example declares: where rename and references have work to do. */
const declared = new Set([...Object.values(files).join('\n').matchAll(/\b(?:party|artefact|report|error|retry|cohort|group|stage|step|undo) ([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
const typed = ['{', '}', '"', ':', ',', '.', '..', '==', '(', ')', ' ', '\n', 'step ', 'fail ', 'by ', 'retry ', 'within ', '5m', '3', '/*', '*/', '//', 'installation.', 'on failure ', '\u{1F680}', 'é'];

let server: TestServer | undefined;
afterEach(() => server?.close());

const refused = -32803;

it(`answers every request after each of ${edits} random edits, and keeps its memory flat`, { timeout: 600_000 }, async () => {
  const random = new Random(20_261_205);
  server = await startTestServer(files);
  const { client } = server;
  let text = files[edited]!;
  let version = 1;
  server.open(edited, text, version);
  await server.settled();
  const textDocument = { uri: uri(edited) };
  const errors: string[] = [];
  let refusals = 0;
  let renamed = 0;
  let requests = 0;
  const ask = async (method: string, params: object): Promise<void> => {
    try {
      const answer = (await client.sendRequest(method, params)) as { changes?: object } | null;
      if (method === 'textDocument/rename' && answer?.changes !== undefined) renamed++;
    } catch (error) {
      const { code, message } = error as { code?: number; message?: string };
      if (code === refused && (method === 'textDocument/rename' || method === 'textDocument/prepareRename') && /^[`a-z]/.test(message ?? '')) refusals++;
      else errors.push(`${method} after edit ${version}: ${code} ${message}`);
    }
  };

  const heapBefore = heap();
  for (let edit = 0; edit < edits; edit++) {
    const changes = random.int(1, 10) === 1 ? 2 : 1;
    const contentChanges: object[] = [];
    for (let c = 0; c < changes; c++) {
      if (random.int(1, 200) === 1) {
        text = quarry.slice(0, random.int(0, quarry.length));
        contentChanges.push({ text });
        continue;
      }
      const start = random.int(0, text.length);
      const tooLong = text.length > 3 * files[edited]!.length;
      const kind = tooLong ? 'delete' : (['type', 'type', 'delete', 'paste', 'replace'] as const)[random.int(0, 4)]!;
      const end = kind === 'delete' || kind === 'replace' ? Math.min(text.length, start + random.int(1, 40)) : start;
      const from = random.int(0, quarry.length - 1);
      const inserted = kind === 'type' ? typed[random.int(0, typed.length - 1)]! : kind === 'delete' ? '' : quarry.slice(from, from + random.int(1, 300));
      // Positions are never inside a surrogate pair: clients send whole characters.
      const safeStart = wholeCharacter(text, start);
      const safeEnd = Math.max(safeStart, wholeCharacter(text, end));
      contentChanges.push({ range: { start: positionIn(text, safeStart), end: positionIn(text, safeEnd) }, text: inserted });
      text = text.slice(0, safeStart) + inserted + text.slice(safeEnd);
    }
    version++;
    client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(edited), version }, contentChanges });

    const position = positionIn(text, wholeCharacter(text, random.int(0, text.length)));
    // Half the name-based requests go to a name, so that rename and references have something to work on.
    const names = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].filter((match) => declared.has(match[0]));
    const word = names.length > 0 && random.int(0, 1) === 0 ? names[random.int(0, names.length - 1)]! : undefined;
    const named = word === undefined ? position : positionIn(text, word.index + random.int(0, word[0].length));
    const end = positionIn(text, wholeCharacter(text, random.int(0, text.length)));
    const options = { tabSize: 2, insertSpaces: true };
    const asked = [
      ask('textDocument/hover', { textDocument, position }),
      ask('textDocument/definition', { textDocument, position: named }),
      ask('textDocument/references', { textDocument, position: named, context: { includeDeclaration: true } }),
      ask('textDocument/documentHighlight', { textDocument, position: named }),
      ask('textDocument/completion', { textDocument, position }),
      ask('textDocument/prepareRename', { textDocument, position: named }),
      ask('textDocument/rename', { textDocument, position: named, newName: `Renamed${edit}` }),
      ask('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
      ask('textDocument/documentSymbol', { textDocument }),
      ask('textDocument/foldingRange', { textDocument }),
      ask('textDocument/documentLink', { textDocument }),
      ask('textDocument/selectionRange', { textDocument, positions: [position, end] }),
      ask('textDocument/semanticTokens/full', { textDocument }),
      ask('textDocument/semanticTokens/range', { textDocument, range: { start: position, end: position.line <= end.line ? end : position } }),
      ask('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end } }),
      ask('workspace/symbol', { query: 'E' }),
      ask('textDocument/formatting', { textDocument, options }),
      ask('textDocument/rangeFormatting', { textDocument, range: { start: position, end: position.line <= end.line ? end : position }, options }),
      // The extension's views draw every flow: asked after one edit in ten.
      ...(edit % 10 === 0 ? [ask(policiesMethod, { textDocument }), ask(flowDiagramsMethod, { textDocument })] : []),
    ];
    requests += asked.length;
    await Promise.all(asked);

    if (edit % 100 === 99) {
      await server.settled();
      const last = server.published.filter((p) => p.uri === uri(edited)).at(-1)!;
      expect(last.version).toBe(version);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of last.diagnostics) {
        expect(d.range.end.line).toBeLessThan(lines.length);
        expect(d.range.end.character).toBeLessThanOrEqual(lines[d.range.end.line]!.length);
      }
      // The test's own record of what was published is not the server's memory.
      server.published.length = 0;
    }
  }
  await server.settled();
  const heapAfter = heap();
  console.log(`robustness: ${edits} edits, ${requests} requests, ${renamed} renames made, ${refusals} refused; heap ${mb(heapBefore)} before, ${mb(heapAfter)} after`);
  expect(errors).toEqual([]);
  // The document drifts far from a policy as edits pile up, so only some names stay declared; some renames must still succeed.
  expect(renamed).toBeGreaterThan(edits / 50);
  expect(server.logged).toEqual([]);
  // Flat: what the run left behind is a few megabytes of caches at most, not a leak per edit.
  expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
});

/** An offset moved off the second half of a surrogate pair. */
function wholeCharacter(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
