/**
 * The compile benchmark: how fast the toolchain turns policy text into an
 * emitted module, against the issue's targets: at least 5 MB/s end to end,
 * and within 20× of `JSON.parse`.
 *
 *   npm run bench:compile                       builds, then runs dist/test/bench/compile.js
 *   node dist/test/bench/compile.js --size 10   only the 10 MB policy
 *   node --cpu-prof dist/test/bench/compile.js  then profile-summary.js on the larger .cpuprofile
 *
 * It generates valid policies of about 1 MB and 10 MB (generate-policy.ts)
 * with a JSON document of the same declarations, and ends with exit code 1
 * if a generated policy has any error: timings of a broken policy mean
 * nothing. Then it times each phase on one core: node is restarted with
 * `--single-threaded` (no background GC or compiler threads, so collection
 * and optimization are paid for on the timed thread). Each phase runs in a
 * block of rounds after warm-up rounds, without forced collections
 * (measure.ts says why; `--collect` forces one before each round).
 * Last, a cold row: `mpol build` of the same policy in a fresh process,
 * start-up included, as a build pipeline runs it.
 *
 * MB/s is at the median round, and "best" at the fastest, which shows what
 * other load on the machine cost. PASS/MISS compares medians. The JSON
 * ratio is throughput against throughput (each text's own MB/s), so the
 * JSON form's verbosity does not flatter it; the time ratio for the same
 * content is printed beside it. 1 MB is 1,048,576 bytes, as in the
 * compiler's size messages. A missed target does not change the exit code.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkWorkspace, compilePolicy, emitPolicy, memoryHost, type CompiledPolicy } from '../../compiler/index.js';
import { LineMap, lex, parse, type Diagnostic } from '../../grammar/index.js';
import { coldTimes } from './cold.js';
import { generatePolicy, type GeneratedPolicy } from './generate-policy.js';
import { measure, type PhaseTimes } from './measure.js';

const MB = 1_048_576;
const seed = 20_261_128;
const targets = { endToEnd: 5, jsonRatio: 20 };
const collect = process.argv.includes('--collect');
const sizes = [
  // The 1 MB rounds also warm the code up for the 10 MB ones.
  { label: '1 MB', bytes: 1 * MB, warmup: 5, rounds: 21 },
  { label: '10 MB', bytes: 10 * MB, warmup: 2, rounds: 7 },
];

function main(): void {
  if (!process.execArgv.includes('--single-threaded')) {
    // Restart on one thread; any other node flags (such as --cpu-prof) carry over.
    const flags = [...process.execArgv, '--single-threaded', '--expose-gc'];
    const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
  console.log(`compile benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, flags ${process.execArgv.join(' ')}`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  // `--size 10` runs only the 10 MB policy, for a focused profile.
  const only = process.argv.indexOf('--size');
  const chosen = only < 0 ? sizes : sizes.filter((size) => size.bytes === Number(process.argv[only + 1]) * MB);
  let passed = chosen.length > 0;
  for (const size of chosen) passed = benchmarkSize(size) && passed;
  console.log(`\npeak RSS of the whole run: ${peakRss()}; load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(passed ? 'all targets met' : 'some targets missed (see MISS above)');
}

function benchmarkSize(size: (typeof sizes)[number]): boolean {
  const started = process.hrtime.bigint();
  const policy = generatePolicy(size.bytes, seed);
  const generatedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const host = memoryHost(policy.files);
  const checked = assertValid(policy);
  const files = checked.files;
  const texts = [...policy.files];
  const jsonBytes = policy.json.length;
  JSON.parse(policy.json);

  console.log(`\n== ${size.label} policy: ${policy.bytes.toLocaleString('en')} bytes in ${policy.files.size} files, JSON form ${jsonBytes.toLocaleString('en')} bytes (${(jsonBytes / policy.bytes).toFixed(2)}× the text) ==`);
  console.log(`generated in ${generatedMs.toFixed(0)} ms (seed ${seed}): ${Object.entries(policy.stats).filter(([k]) => !k.startsWith('decls')).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  console.log(`checks with 0 errors, ${checked.warnings} warnings; emitted module ${emitPolicy(checked.compiled).length.toLocaleString('en')} bytes`);

  // Named, so a CPU profile tells the phases apart (profile-summary.ts).
  function phaseLex(): unknown {
    return texts.map(([path, text]) => lex(text, path).tokens.length);
  }
  function phaseParse(): unknown {
    return texts.map(([path, text]) => parse(text, path).tree);
  }
  function phaseCheck(): unknown {
    return compilePolicy(policy.root, files).diagnostics.length;
  }
  function phaseEmit(): unknown {
    return emitPolicy(checked.compiled).length;
  }
  function phaseEndToEnd(): unknown {
    return emitPolicy(checkWorkspace([policy.root], host).policies[0]!).length;
  }
  function phaseJsonParse(): unknown {
    return JSON.parse(policy.json);
  }
  const times = measure(
    [
      { name: 'lex', run: phaseLex },
      { name: 'parse', run: phaseParse },
      { name: 'check', run: phaseCheck },
      { name: 'emit', run: phaseEmit },
      { name: 'end to end', run: phaseEndToEnd },
      { name: 'JSON.parse', run: phaseJsonParse },
    ],
    { warmup: size.warmup, rounds: size.rounds, collect },
  );
  const byName = new Map(times.map((t) => [t.name, t]));
  const ms = (name: string): PhaseTimes => byName.get(name)!;

  // Derived, not timed: the medians' difference, and the fastest rounds' difference.
  const parseOnly = ms('parse').median - ms('lex').median;
  const parseOnlyBest = Math.min(...ms('parse').samples) - Math.min(...ms('lex').samples);
  const endToEnd = rate(policy.bytes, ms('end to end').median);
  const json = rate(jsonBytes, ms('JSON.parse').median);
  const throughputRatio = json / endToEnd;
  const timeRatio = ms('end to end').median / ms('JSON.parse').median;
  const endToEndPass = endToEnd >= targets.endToEnd;
  const ratioPass = throughputRatio <= targets.jsonRatio;
  const best = (name: string, bytes: number): number => rate(bytes, Math.min(...ms(name).samples));
  const bestRatio = best('JSON.parse', jsonBytes) / best('end to end', policy.bytes);

  const rows: string[][] = [
    ['phase', 'what is timed', 'median ms', 'min–max ms', 'MB/s', 'best MB/s', 'target', ''],
    row('lex', '`lex` on every file', ms('lex'), policy.bytes),
    row('lex + parse', '`parse` on every file (it lexes first)', ms('parse'), policy.bytes),
    ['parse only', 'lex + parse minus lex', parseOnly.toFixed(1), '', rate(policy.bytes, parseOnly).toFixed(2), rate(policy.bytes, parseOnlyBest).toFixed(2), '', ''],
    row('check', '`compilePolicy` on parsed files', ms('check'), policy.bytes),
    row('emit', '`emitPolicy` on the checked policy', ms('emit'), policy.bytes),
    [...row('end to end', '`checkWorkspace` + `emitPolicy`', ms('end to end'), policy.bytes).slice(0, 6), `≥ ${targets.endToEnd} MB/s`, verdict(endToEndPass)],
    row('JSON.parse', 'the JSON form', ms('JSON.parse'), jsonBytes),
    ['ratio', 'JSON.parse MB/s ÷ end-to-end MB/s', '', '', `${throughputRatio.toFixed(1)}×`, `${bestRatio.toFixed(1)}×`, `≤ ${targets.jsonRatio}×`, verdict(ratioPass)],
    ['', 'end-to-end ms ÷ JSON.parse ms, same content', '', '', `${timeRatio.toFixed(1)}×`, '', '', ''],
  ];
  printTable(rows);
  const cold = coldTimes(policy, 3);
  console.log(
    `cold, fresh process each (median of 3, default node flags): \`mpol build\` ${cold.build.toFixed(0)} ms = ${rate(policy.bytes, cold.build).toFixed(2)} MB/s` +
      ` (of which start-up, as \`mpol --version\`: ${cold.startup.toFixed(0)} ms); read + JSON.parse ${cold.json.toFixed(0)} ms`,
  );
  console.log(`peak RSS so far: ${peakRss()}`);
  return endToEndPass && ratioPass;
}

/** A phase's row: median and spread in ms, MB/s at the median and at the fastest round. */
function row(name: string, what: string, times: PhaseTimes, bytes: number): string[] {
  const low = Math.min(...times.samples);
  const high = Math.max(...times.samples);
  return [name, what, times.median.toFixed(1), `${low.toFixed(1)}–${high.toFixed(1)}`, rate(bytes, times.median).toFixed(2), rate(bytes, low).toFixed(2), '', ''];
}

function rate(bytes: number, milliseconds: number): number {
  return bytes / MB / (milliseconds / 1000);
}

const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

function printTable(rows: readonly string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  for (const r of rows) {
    console.log(r.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
  }
}

function peakRss(): string {
  return `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
}

/** Checks the generated policy once; any error ends the run, since timings of a broken policy mean nothing. */
function assertValid(policy: GeneratedPolicy): { compiled: CompiledPolicy; files: CompiledPolicy['files']; warnings: number } {
  const result = checkWorkspace([policy.root], memoryHost(policy.files));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) console.log(`warnings by code: ${summarize(warnings)}`);
  const compiled = result.policies[0];
  if (errors.length > 0 || compiled === undefined) {
    console.error(`the generated policy has ${errors.length} errors (${summarize(errors)}); the first ones:`);
    for (const d of errors.slice(0, 10)) console.error(`  ${describe(d, policy.files.get(d.file) ?? '')}`);
    if (compiled === undefined) console.error('  and no policy was compiled');
    process.exit(1);
  }
  return { compiled, files: compiled.files, warnings: warnings.length };
}

function summarize(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
}

function describe(d: Diagnostic, text: string): string {
  const lines = new LineMap(text);
  const { line, column } = lines.position(d.span.start);
  return `${d.file}:${line + 1}:${column + 1}: ${d.code}: ${d.message}${d.help ? ` (${d.help})` : ''}\n      ${lines.lineText(line).trim()}`;
}

main();
