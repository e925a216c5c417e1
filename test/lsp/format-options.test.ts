// Formatting in the editor honours the project's `.prettierrc` and
// `.editorconfig` as `mpol fmt` does, over a real workspace folder; the
// editor's own settings stand in only for what the project leaves unset.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectFormatOptions } from '../../cli/format-options/index.js';
import { TextLines } from '../../lsp/positions.js';
import { runCli, tempFolder } from '../cli/run-cli.js';
import { startTestServer, uri, type TestServer } from './harness.js';
import { policyText } from './fixtures.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
const apply = (text: string, edits: readonly Edit[]): string => {
  const lines = new TextLines(text);
  return [...edits].reverse().reduce((result, edit) => {
    const span = lines.spanOf(edit.range);
    return result.slice(0, span.start) + edit.newText + result.slice(span.end);
  }, text);
};

// A policy in one file, long enough lines to break at 40 columns, and indented blocks.
const text = policyText.replace('import "parties.mpol"\nimport "codes.mpol"\n', '').replace(/^ +/gm, '   ') + 'party Provider "Service provider"\nerror MA900 "Anything else, with a title long enough to wrap"\nerror MA001 "Meters"\nerror MA122 "Failed"\n';

/** A workspace folder with `configs` beside `policy.mpol` (or `file`), its policy served with the project's options. */
async function served(configs: Record<string, string>, file = 'policy.mpol'): Promise<{ client: TestServer['client']; policy: string; messages: string[] }> {
  const folder = tempFolder();
  const policy = path.join(folder, file);
  for (const [name, content] of Object.entries({ ...configs, [file]: text })) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), content);
  }
  server = await startTestServer({ [policy]: text }, { folders: [folder], formatOptions: projectFormatOptions() });
  server.open(policy, text);
  await server.settled();
  const messages: string[] = [];
  server.client.onNotification('window/showMessage', (params: { message: string }) => void messages.push(params.message));
  return { client: server.client, policy, messages };
}

const format = async (client: TestServer['client'], policy: string, options: { tabSize: number; insertSpaces: boolean }): Promise<string> =>
  apply(text, (await client.sendRequest('textDocument/formatting', { textDocument: { uri: uri(policy) }, options })) as Edit[]);

/** What `mpol fmt` prints for the file. */
function fmt(policy: string): string {
  const run = runCli(['fmt', '--stdin', '--stdin-filepath', policy], path.dirname(policy), {}, { input: text });
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('formatting with the project’s options', () => {
  it.each([
    ['a .prettierrc', { '.prettierrc': '{ "printWidth": 40, "tabWidth": 4 }' }],
    ['an .editorconfig', { '.editorconfig': 'root = true\n[*.mpol]\nindent_style = tab\nmax_line_length = 50\nend_of_line = crlf\n' }],
    ['both, the .prettierrc winning', { '.editorconfig': 'root = true\n[*]\nindent_style = space\nindent_size = 8\nmax_line_length = 60\n', '.prettierrc.yaml': 'tabWidth: 3\n' }],
    ['an override for a folder', { '.prettierrc': JSON.stringify({ overrides: [{ files: 'policies/**', options: { printWidth: 30, useTabs: true } }] }) }, 'policies/policy.mpol'],
  ])('%s: prints what mpol fmt prints, whatever the editor asks', async (_, configs, file = 'policy.mpol') => {
    const { client, policy } = await served(configs, file);
    const expected = fmt(policy);
    expect(expected).not.toBe(text);
    expect(await format(client, policy, { tabSize: 2, insertSpaces: true })).toBe(expected);
    expect(await format(client, policy, { tabSize: 6, insertSpaces: false })).toBe(expected);
  });

  it('takes Prettier’s defaults for what a configuration leaves unset, as mpol fmt does', async () => {
    const { client, policy } = await served({ '.prettierrc': '{ "printWidth": 100 }' });
    expect(await format(client, policy, { tabSize: 4, insertSpaces: false })).toContain('\n  tier short: 3 retries every 5m\n');
  });

  it('takes the editor’s indentation where no configuration applies', async () => {
    const { client, policy } = await served({ '.editorconfig': 'root = true\n[*.md]\nindent_size = 8\n' });
    expect(await format(client, policy, { tabSize: 4, insertSpaces: true })).toContain('\n    tier short: 3 retries every 5m\n');
    expect(await format(client, policy, { tabSize: 4, insertSpaces: false })).toContain('\n\ttier short: 3 retries every 5m\n');
  });

  it('formats a range with the project’s options', async () => {
    const { client, policy } = await served({ '.prettierrc': '{ "tabWidth": 4 }' });
    const line = text.split('\n').findIndex((l) => l.startsWith('retry Commissioning'));
    const edits = (await client.sendRequest('textDocument/rangeFormatting', { textDocument: { uri: uri(policy) }, range: { start: { line, character: 0 }, end: { line, character: 5 } }, options: { tabSize: 2, insertSpaces: true } })) as Edit[];
    expect(apply(text, edits)).toContain('retry Commissioning ref "3.1" {\n    tier short: 3 retries every 5m\n    tier long: every 30m\n    within 48h\n}\n');
  });

  it('leaves the file alone when the options cannot be read, and says why', async () => {
    const { client, policy, messages } = await served({ '.prettierrc': '{ "printWidth": "wide" }' });
    expect(await client.sendRequest('textDocument/formatting', { textDocument: { uri: uri(policy) }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await client.sendRequest('workspace/symbol', { query: '' });
    expect(messages).toEqual(['this file was not formatted: its formatting options cannot be read: invalid printWidth value: expected an integer, not "wide"']);
  });
});
