/**
 * The language server benchmark: the shipped server (`dist/mpol.js lsp
 * --stdio`, a process of its own, as an editor runs it) on a generated
 * policy of about 10,000 lines over several files, against the issue's
 * targets: p95 ≤ 10 ms for queries, ≤ 50 ms from a keystroke to its
 * syntax diagnostics, ≤ 150 ms to its semantic diagnostics, and no query
 * slower while a check runs.
 *
 *   npm run bench:lsp        builds, then runs dist/test/bench/lsp.js
 *
 * Beside every figure, in the same run: the transport floor, the round
 * trip of a request the server answers without any work (a method it does
 * not have, answered by the protocol library itself). A query's time minus
 * the floor is what the server spent.
 *
 * Queries run on a settled document, one after another, at names picked at
 * random (seeded) from the open root file. A keystroke is one `didChange`:
 * a stray `@` (a syntax error, timed to the publication that shows it) or
 * a code's last letter changed (an unknown name, timed to the publication
 * that shows it: the check in the worker thread). "While a check runs" is
 * a hover sent as soon as a keystroke's syntax diagnostics arrive, kept
 * only when its answer came before the semantic ones.
 * A missed target does not change the exit code.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { startServerProcess, type ServerProcess } from '../lsp/process-client.js';
import { generatePolicy } from './generate-policy.js';
import { Random } from './random.js';

const script = fileURLToPath(new URL('../../mpol.js', import.meta.url));
const targetLines = 10_000;
const seed = 20_261_128;
const queryRounds = 200;
const keystrokeRounds = 40;
const targets = { query: 10, syntax: 50, semantic: 150 };

interface Position {
  line: number;
  character: number;
}

async function main(): Promise<void> {
  console.log(`language server benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  const policy = policyOfLines(targetLines);
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-bench-lsp-'));
  try {
    const lines = [...policy.files.values()].reduce((sum, text) => sum + text.split('\n').length, 0);
    for (const [file, text] of policy.files) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), text);
    }
    const rootText = policy.files.get(policy.root)!;
    console.log(`policy: ${lines.toLocaleString('en')} lines in ${policy.files.size} files, ${policy.bytes.toLocaleString('en')} bytes; the open root file has ${rootText.split('\n').length.toLocaleString('en')} lines`);
    await run(folder, path.join(folder, policy.root), rootText);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function run(folder: string, rootFile: string, text: string): Promise<void> {
  const server = startServerProcess(script, 'stdio', folder);
  const { connection } = server;
  const uri = URI.file(rootFile).toString();
  const document = new Document(server, uri, text);
  const started = performance.now();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: URI.file(folder).toString(), capabilities: {} });
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mpol', version: 1, text } });
  await document.published(1, 2);
  console.log(`start, open and first check (a fresh process): ${(performance.now() - started).toFixed(0)} ms`);
  // Workspace symbols wait for the folder to be read; the checks its files start are waited for by the first round.
  await connection.sendRequest('workspace/symbol', { query: 'x' });

  const random = new Random(seed);
  const names = namePositions(text);
  const pick = (list: readonly Position[]): Position => list[random.int(0, list.length - 1)]!;
  const textDocument = { uri };

  const floor = await timed(queryRounds, () => connection.sendRequest('mpol/nothing', {}).catch(() => undefined));
  const queries: [string, () => Promise<unknown>][] = [
    ['hover', () => connection.sendRequest('textDocument/hover', { textDocument, position: pick(names.all) })],
    ['definition', () => connection.sendRequest('textDocument/definition', { textDocument, position: pick(names.codes) })],
    ['references', () => connection.sendRequest('textDocument/references', { textDocument, position: pick(names.parties), context: { includeDeclaration: true } })],
  ];
  const rows: string[][] = [['what', 'n', 'p50 ms', 'p95 ms', 'p95 − floor', 'target', '']];
  rows.push(['transport floor (no work)', String(floor.length), ms(percentile(floor, 50)), ms(percentile(floor, 95)), '', '', '']);
  const floor95 = percentile(floor, 95);
  let passed = true;
  const settledHover: number[] = [];
  for (const [name, query] of queries) {
    const samples = await timed(queryRounds, query);
    if (name === 'hover') settledHover.push(...samples);
    const ok = percentile(samples, 95) <= targets.query;
    passed &&= ok;
    rows.push([`${name}, settled`, String(samples.length), ms(percentile(samples, 50)), ms(percentile(samples, 95)), ms(percentile(samples, 95) - floor95), `≤ ${targets.query}`, ok ? 'PASS' : 'MISS']);
  }

  const syntax: number[] = [];
  const semantic: number[] = [];
  const during: number[] = [];
  for (let round = 0; round < keystrokeRounds; round++) {
    // A stray character: a syntax error, published from the server's own parse.
    const at = pick(names.all);
    const offset = document.offsetAt(at);
    let t = performance.now();
    let version = document.edit(offset, offset, '@');
    await server.diagnostics(uri, (p) => p.version === version && p.diagnostics.some((d) => d.code === 'invalid-character'));
    syntax.push(performance.now() - t);
    await document.published(version, 2);
    version = document.edit(offset, offset + 1, '');
    await document.published(version, 2);

    // A misspelt code: an unknown name, which only the check in the worker finds.
    const code = pick(names.codes);
    const end = document.offsetAt(code) + document.wordLengthAt(code);
    const letter = document.text[end - 1]!;
    t = performance.now();
    version = document.edit(end - 1, end, letter === 'Z' ? 'Y' : 'Z');
    await document.published(version, 1);
    // The syntax pass is done and the check runs: a hover now is a query during a check.
    const queried = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument, position: pick(names.all) });
    const answered = performance.now();
    await server.diagnostics(uri, (p) => p.version === version && p.diagnostics.some((d) => d.code === 'unknown-name'));
    const checked = performance.now();
    semantic.push(checked - t);
    if (answered < checked) during.push(answered - queried);
    version = document.edit(end - 1, end, letter);
    await document.published(version, 2);
  }
  const syntaxOk = percentile(syntax, 95) <= targets.syntax;
  const semanticOk = percentile(semantic, 95) <= targets.semantic;
  const duringOk = during.length > 0 && percentile(during, 95) <= Math.max(targets.query, percentile(settledHover, 95) * 1.5);
  passed &&= syntaxOk && semanticOk && duringOk;
  rows.push(['keystroke → syntax diagnostics', String(syntax.length), ms(percentile(syntax, 50)), ms(percentile(syntax, 95)), ms(percentile(syntax, 95) - floor95), `≤ ${targets.syntax}`, syntaxOk ? 'PASS' : 'MISS']);
  rows.push(['keystroke → semantic diagnostics', String(semantic.length), ms(percentile(semantic, 50)), ms(percentile(semantic, 95)), ms(percentile(semantic, 95) - floor95), `≤ ${targets.semantic}`, semanticOk ? 'PASS' : 'MISS']);
  rows.push(['hover while a check runs', String(during.length), ms(percentile(during, 50)), ms(percentile(during, 95)), ms(percentile(during, 95) - floor95), `≤ ${targets.query}, ≈ settled`, duringOk ? 'PASS' : 'MISS']);
  printTable(rows);

  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  await server.exited;
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(passed ? 'all targets met' : 'some targets missed (see MISS above)');
  if (server.logged.length > 0) console.log(`the server logged:\n${server.logged.join('\n')}`);
}

/** The open document as the client holds it: its text, version, and the publications seen per version. */
class Document {
  version = 1;
  private readonly counts = new Map<number, number>();
  private readonly waiters: { version: number; count: number; resolve: () => void }[] = [];

  constructor(
    private readonly server: ServerProcess,
    private readonly uri: string,
    public text: string,
  ) {
    server.onDiagnostics((params: PublishDiagnosticsParams) => {
      if (params.uri !== uri || params.version === undefined) return;
      this.counts.set(params.version, (this.counts.get(params.version) ?? 0) + 1);
      for (const waiter of [...this.waiters]) {
        if (this.count(waiter.version) >= waiter.count) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }

  count(version: number): number {
    return this.counts.get(version) ?? 0;
  }

  /** Resolves once `count` publications for `version` have arrived: 1 is the syntax pass, 2 the check after it. */
  published(version: number, count: number): Promise<void> {
    if (this.count(version) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ version, count, resolve }));
  }

  /** Sends one incremental change; returns the new version. */
  edit(start: number, end: number, inserted: string): number {
    const range = { start: this.positionAt(start), end: this.positionAt(end) };
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    this.version++;
    this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ range, text: inserted }] });
    return this.version;
  }

  offsetAt(position: Position): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset = this.text.indexOf('\n', offset) + 1;
    return offset + position.character;
  }

  wordLengthAt(position: Position): number {
    const offset = this.offsetAt(position);
    return /^[A-Za-z0-9_]*/.exec(this.text.slice(offset, offset + 100))![0].length;
  }

  private positionAt(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }
}

/** Positions of names in the text: every name after a keyword that takes one, the codes after `fail`, the parties after `by`. */
function namePositions(text: string): { all: Position[]; codes: Position[]; parties: Position[] } {
  const all: Position[] = [];
  const codes: Position[] = [];
  const parties: Position[] = [];
  text.split('\n').forEach((line, number) => {
    for (const match of line.matchAll(/\b(fail|by|retry|step|check|after|await|produces) ([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const position = { line: number, character: match.index + match[1]!.length + 1 };
      all.push(position);
      if (match[1] === 'fail') codes.push(position);
      if (match[1] === 'by') parties.push(position);
    }
  });
  return { all, codes, parties };
}

function policyOfLines(lines: number): ReturnType<typeof generatePolicy> {
  const lineCount = (p: ReturnType<typeof generatePolicy>): number => [...p.files.values()].reduce((sum, text) => sum + text.split('\n').length, 0);
  const probe = generatePolicy(200_000, seed);
  return generatePolicy(Math.round((200_000 * lines) / lineCount(probe)), seed);
}

async function timed(rounds: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value.toFixed(1);
}

function printTable(rows: readonly string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  for (const r of rows) console.log(r.map((cell, column) => (column >= 1 && column <= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
}

await main();
