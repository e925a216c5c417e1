/**
 * The formatting benchmark, against the targets: formatting the
 * generated 1 MB policy at least 3× as fast (in MB/s) as Prettier formats
 * the TypeScript the compiler emits for the same policy, the baseline
 * Prettier users know; and a 10,000-line policy formatted in under 300 ms
 * once warm, so format-on-save never stalls an editor.
 *
 *   npm run bench:fmt        builds, then runs dist/test/bench/format.js
 *
 * "mpol fmt" is timed as the command formats: Prettier's `format` with the
 * shipped plugin (`mpol/prettier`, dist/prettier.js), file by file.
 * `formatPolicy`, the language server's path, is timed beside it. Both
 * sides run in this process, warm, on one thread (node restarts itself
 * with `--single-threaded`, as bench:compile does), medians of blocks of
 * rounds (measure.ts). A last row runs `mpol fmt --check` on the 1 MB
 * policy in a fresh process, start-up and Prettier's loading included.
 * A missed target does not change the exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { checkWorkspace, emitPolicy, memoryHost } from '../../compiler/index.js';
import { formatPolicy } from '../../compiler/format/index.js';
import { generatePolicy, type GeneratedPolicy } from './generate-policy.js';
import { median } from './measure.js';

const MB = 1_048_576;
const seed = 20_261_128;
const targets = { ratio: 3, tenThousandLinesMs: 300 };

async function main(): Promise<void> {
  if (!process.execArgv.includes('--single-threaded')) {
    const child = spawnSync(process.execPath, [...process.execArgv, '--single-threaded', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
  console.log(`format benchmark: node ${process.version}, prettier ${prettier.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, flags ${process.execArgv.join(' ')}`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  const plugin = ((await import('mpol/prettier')) as { default: prettier.Plugin }).default;
  const viaPrettier = (text: string, parser: string, plugins: prettier.Plugin[] = []): Promise<string> => prettier.format(text, { parser, plugins });

  const policy = generatePolicy(MB, seed);
  const files = [...policy.files.values()];
  const typescript = emitted(policy);
  console.log(`\n1 MB policy: ${policy.bytes.toLocaleString('en')} bytes in ${files.length} files, ${lines(files).toLocaleString('en')} lines; emitted TypeScript ${typescript.length.toLocaleString('en')} bytes`);
  assertFormats(files);

  const mpolFmt = await time(() => Promise.all(files.map((text) => viaPrettier(text, 'mpol', [plugin]))), 3, 9);
  const direct = await time(async () => files.map((text) => formatPolicy(text)), 3, 9);
  const baseline = await time(() => viaPrettier(typescript, 'typescript'), 2, 5);
  const ours = rate(policy.bytes, mpolFmt);
  const theirs = rate(typescript.length, baseline);
  const ratio = ours / theirs;
  printTable([
    ['what', 'what is timed', 'median ms', 'MB/s', 'target', ''],
    ['mpol fmt', 'Prettier `format` + mpol/prettier, every file', mpolFmt.toFixed(0), ours.toFixed(2), '', ''],
    ['formatPolicy', 'the language server\'s path, every file', direct.toFixed(0), rate(policy.bytes, direct).toFixed(2), '', ''],
    ['Prettier on TS', 'Prettier `format`, the emitted module', baseline.toFixed(0), theirs.toFixed(2), '', ''],
    ['ratio', 'mpol fmt MB/s ÷ Prettier-on-TS MB/s', '', `${ratio.toFixed(1)}×`, `≥ ${targets.ratio}×`, verdict(ratio >= targets.ratio)],
  ]);

  const tenThousand = policyOfLines(10_000, lines(files) / policy.bytes);
  const small = [...tenThousand.files.values()];
  const smallFmt = await time(() => Promise.all(small.map((text) => viaPrettier(text, 'mpol', [plugin]))), 5, 15);
  const smallDirect = await time(async () => small.map((text) => formatPolicy(text)), 5, 15);
  console.log(`\n${lines(small).toLocaleString('en')}-line policy (${tenThousand.bytes.toLocaleString('en')} bytes, ${small.length} files), warm:`);
  printTable([
    ['what', 'median ms', 'target', ''],
    ['mpol fmt', smallFmt.toFixed(0), `< ${targets.tenThousandLinesMs} ms`, verdict(smallFmt < targets.tenThousandLinesMs)],
    ['formatPolicy', smallDirect.toFixed(0), '', ''],
  ]);

  const cold = coldCheck(policy);
  console.log(`\ncold, fresh process (median of 3): \`mpol fmt --check\` on the 1 MB policy ${cold.toFixed(0)} ms = ${rate(policy.bytes, cold).toFixed(2)} MB/s, start-up and Prettier's loading included`);
  console.log(ratio >= targets.ratio && smallFmt < targets.tenThousandLinesMs ? 'all targets met' : 'some targets missed (see MISS above)');
}

/** The module the compiler emits for `policy`: the baseline's input. */
function emitted(policy: GeneratedPolicy): string {
  const compiled = checkWorkspace([policy.root], memoryHost(policy.files)).policies[0];
  if (compiled === undefined) throw new Error('the generated policy did not compile');
  return emitPolicy(compiled);
}

/** Every file formats without syntax errors, and to itself once formatted: timings of anything else mean nothing. */
function assertFormats(files: readonly string[]): void {
  for (const text of files) {
    const once = formatPolicy(text);
    if (once.kind !== 'formatted') throw new Error(`a generated file has syntax errors: ${once.diagnostics[0]?.message}`);
    const twice = formatPolicy(once.text);
    if (twice.kind !== 'formatted' || twice.text !== once.text) throw new Error('formatting a generated file twice changed it');
  }
}

/** A generated policy of about `target` lines, sized from the lines per byte of a larger one. */
function policyOfLines(target: number, linesPerByte: number): GeneratedPolicy {
  return generatePolicy(Math.round(target / linesPerByte), seed);
}

function lines(texts: readonly string[]): number {
  return texts.reduce((count, text) => count + text.split('\n').length - 1, 0);
}

/** The median of `rounds` timed runs of `run`, after `warmup` untimed ones. */
async function time(run: () => Promise<unknown>, warmup: number, rounds: number): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const start = process.hrtime.bigint();
    await run();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (round >= warmup) samples.push(ms);
  }
  return median(samples);
}

function coldCheck(policy: GeneratedPolicy): number {
  const folder = mkdtempSync(path.join(tmpdir(), 'mpol-bench-fmt-'));
  try {
    for (const [file, text] of policy.files) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), text);
    }
    const mpol = fileURLToPath(new URL('../../mpol.js', import.meta.url));
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, [mpol, 'fmt', '--check', folder], { encoding: 'utf8' });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function rate(bytes: number, milliseconds: number): number {
  return bytes / MB / (milliseconds / 1000);
}

const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

function printTable(rows: readonly string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  for (const r of rows) console.log(r.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

await main();
