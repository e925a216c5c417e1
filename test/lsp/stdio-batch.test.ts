// The shipped server given a whole session at once: a client (or a script)
// that writes every message to standard input and closes it straight away
// gets an answer to every request it sent, then the exit code the
// protocol gives (0 after `shutdown`, 1 without it), and the diagnostics of
// what it opened: the check runs in the checker's worker and its result is
// a notification, which no response stands for.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { childEnv } from '../child-env.js';
import { exampleFolder, mainScript, tempFolder } from '../cli/run-cli.js';

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
  readonly params?: { readonly diagnostics?: readonly { readonly code?: string }[] };
}

/** The codes of every diagnostic published, in order. */
const publishedCodes = (messages: readonly Message[]): string[] =>
  messages.flatMap((m) => (m.method === 'textDocument/publishDiagnostics' ? (m.params?.diagnostics ?? []).map((d) => d.code ?? '') : []));

/** `messages` framed as the base protocol frames them, in one buffer. */
function framed(messages: readonly object[]): Buffer {
  return Buffer.concat(
    messages.map((message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
}

/** The messages of a base-protocol stream. */
function unframed(output: Buffer): Message[] {
  const messages: Message[] = [];
  let rest = output;
  for (;;) {
    const headerEnd = rest.indexOf('\r\n\r\n');
    if (headerEnd < 0) return messages;
    const length = Number(/Content-Length: (\d+)/i.exec(rest.subarray(0, headerEnd).toString('ascii'))?.[1]);
    const start = headerEnd + 4;
    messages.push(JSON.parse(rest.subarray(start, start + length).toString('utf8')) as Message);
    rest = rest.subarray(start + length);
  }
}

/** Runs the bundle's server over stdio in a copy of the example policy, with `messages` written and standard input closed at once. */
async function session(messages: (folder: string, uri: string) => object[], edit: (text: string) => string = (text) => text): Promise<{ sent: object[]; received: Message[]; code: number | null; stderr: string }> {
  const folder = path.join(tempFolder(), 'policy');
  cpSync(exampleFolder, folder, { recursive: true });
  const file = path.join(folder, 'example.mpol');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const uri = URI.file(path.join(folder, 'example.mpol')).toString();
  const sent = messages(folder, uri);
  const child = spawn(process.execPath, [mainScript, 'lsp', '--stdio'], { cwd: folder, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  child.stdin.end(framed(sent));
  const exitCode = await code;
  return { sent, received: unframed(Buffer.concat(stdout)), code: exitCode, stderr };
}

/** Initialize, open the example, and a request of each kind (at `retry Rotation`), the slow ones (those that wait for the workspace, formatting) included. */
function requests(folder: string, uri: string): object[] {
  const text = readFileSync(path.join(folder, 'example.mpol'), 'utf8');
  const at = { textDocument: { uri }, position: { line: 66, character: 12 } };
  return [
    { id: 1, method: 'initialize', params: { processId: null, rootUri: URI.file(folder).toString(), capabilities: {} } },
    { method: 'initialized', params: {} },
    { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'mpol', version: 1, text } } },
    { id: 2, method: 'textDocument/hover', params: at },
    { id: 3, method: 'textDocument/completion', params: at },
    { id: 4, method: 'textDocument/definition', params: at },
    { id: 5, method: 'textDocument/references', params: { ...at, context: { includeDeclaration: true } } },
    { id: 6, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } },
    { id: 7, method: 'workspace/symbol', params: { query: 'Rot' } },
    { id: 8, method: 'textDocument/formatting', params: { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } } },
    { id: 9, method: 'mpol/policies', params: {} },
    { id: 10, method: 'textDocument/foldingRange', params: { textDocument: { uri } } },
  ];
}

/** The ids of the requests among `messages`. */
const ids = (messages: readonly object[]): number[] => messages.flatMap((m) => ('id' in m && typeof m.id === 'number' && 'method' in m ? [m.id] : []));

describe('mpol lsp --stdio, a whole session written at once and standard input closed', () => {
  it('answers every request, then exits with 0 after shutdown and exit', async () => {
    const run = await session((folder, uri) => [...requests(folder, uri), { id: 11, method: 'shutdown' }, { method: 'exit' }]);
    const responses = run.received.filter((m) => m.method === undefined);
    expect(responses.map((m) => m.id).sort((a, b) => a! - b!)).toEqual(ids(run.sent));
    expect(responses.filter((m) => m.error !== undefined)).toEqual([]);
    expect(responses.find((m) => m.id === 4)?.result).not.toEqual([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('answers every request, then exits with 1 when the input ends without shutdown', async () => {
    const run = await session(requests);
    expect(run.received.filter((m) => m.method === undefined).map((m) => m.id).sort((a, b) => a! - b!)).toEqual(ids(run.sent));
    expect(run.code).toBe(1);
  });

  it('answers shutdown and exits with 0 when the input ends after it, without exit', async () => {
    const run = await session((folder, uri) => [...requests(folder, uri), { id: 11, method: 'shutdown' }]);
    expect(run.received.filter((m) => m.method === undefined).map((m) => m.id).sort((a, b) => a! - b!)).toEqual(ids(run.sent));
    expect(run.code).toBe(0);
  });
});

describe('mpol lsp --stdio, the check of what a whole session opened', () => {
  // Only the checker finds an unused strategy: the syntax pass publishes none.
  const unusedRotation = (text: string): string => text.replace('    retry Rotation\n', '    retry Commissioning\n');

  it('publishes the checker\'s diagnostics before the answer to shutdown, then exits with 0', async () => {
    const run = await session((folder, uri) => [...requests(folder, uri).slice(0, 3), { id: 2, method: 'shutdown' }, { method: 'exit' }], unusedRotation);
    expect(publishedCodes(run.received)).toContain('unused-declaration');
    const shutdownAt = run.received.findIndex((m) => m.id === 2);
    const checkedAt = run.received.findIndex((m) => (m.params?.diagnostics ?? []).some((d) => d.code === 'unused-declaration'));
    expect(checkedAt).toBeGreaterThanOrEqual(0);
    expect(checkedAt).toBeLessThan(shutdownAt);
    expect(run.code).toBe(0);
  });

  it('publishes the checker\'s diagnostics when the input ends without shutdown, then exits with 1', async () => {
    const run = await session((folder, uri) => [...requests(folder, uri).slice(0, 3), { id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } }], unusedRotation);
    expect(run.received.filter((m) => m.method === undefined).map((m) => m.id)).toEqual([1, 2]);
    expect(publishedCodes(run.received)).toContain('unused-declaration');
    expect(run.code).toBe(1);
  });
});
