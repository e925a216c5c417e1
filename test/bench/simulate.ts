/**
 * `npm run bench:simulate`: three contenders on the same eight-step flow and
 * the same fault draws (simulate-policy.ts): mpol's `simulate`, a
 * hand-written loop (the practical limit) and an XState 5 machine on a
 * simulated clock (what a TypeScript team would otherwise pick).
 *
 * Every run is a fresh node process, so peak RSS is the run's own; each is
 * repeated and the median reported. Equal fingerprints (outcomes, codes,
 * attempts, time percentiles) prove the contenders made the same draws.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../runtime/index.js';
import { fingerprintOf, type Fingerprint } from './simulate-counts.js';
import { runHandWritten } from './simulate-hand.js';
import { benchFaults, benchPolicy } from './simulate-policy.js';
import { runXState } from './simulate-xstate.js';

const seed = 1;
const rounds = 3;
const million = 1_000_000;
const xstateCount = 20_000;

type Contender = 'mpol' | 'hand' | 'xstate';

interface Run {
  readonly contender: Contender;
  readonly count: number;
  readonly ms: number;
  readonly rssMB: number;
  readonly fingerprint: Fingerprint;
}

async function child(contender: Contender, count: number): Promise<void> {
  const start = performance.now();
  let fingerprint: Fingerprint;
  if (contender === 'mpol') fingerprint = fingerprintOf(await simulate(benchPolicy, { faults: benchFaults, cohorts: { IOC: count }, seed }));
  else if (contender === 'hand') fingerprint = runHandWritten(seed, 0, count).fingerprint();
  else fingerprint = runXState(seed, 0, count).fingerprint();
  const ms = performance.now() - start;
  const run: Run = { contender, count, ms, rssMB: process.resourceUsage().maxRSS / 1024, fingerprint };
  console.log(JSON.stringify(run));
}

function spawn(contender: Contender, count: number): Run {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', contender, String(count)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${contender} ${count} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const perSecond = (run: { count: number; ms: number }): number => run.count / (run.ms / 1000);
const format = (n: number): string => n.toLocaleString('en-GB');
const rate = (n: number): string => (n >= million ? `${(n / million).toFixed(2)} M/s` : `${format(Math.round(n))}/s`);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const same = (a: Fingerprint, b: Fingerprint): boolean => JSON.stringify(a) === JSON.stringify(b);

function parent(): void {
  const jobs: [Contender, number][] = [
    ['mpol', million],
    ['hand', million],
    ['mpol', 4 * million],
    ['hand', 4 * million],
    ['xstate', xstateCount],
    ['mpol', xstateCount],
  ];
  const runs = new Map<string, Run[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [contender, count] of jobs) {
      const key = `${contender} ${count}`;
      runs.set(key, [...(runs.get(key) ?? []), spawn(contender, count)]);
    }
  }
  const summary = (contender: Contender, count: number) => {
    const all = runs.get(`${contender} ${count}`)!;
    return { count, ms: median(all.map((r) => r.ms)), rssMB: median(all.map((r) => r.rssMB)), fingerprint: all[0]!.fingerprint };
  };
  const xstateVersion = (createRequire(import.meta.url)('xstate/package.json') as { version: string }).version;
  const rows: [string, ReturnType<typeof summary>][] = [
    ['mpol simulate', summary('mpol', million)],
    ['hand-written loop', summary('hand', million)],
    ['mpol simulate', summary('mpol', 4 * million)],
    ['hand-written loop', summary('hand', 4 * million)],
    [`XState ${xstateVersion}`, summary('xstate', xstateCount)],
    ['mpol simulate', summary('mpol', xstateCount)],
  ];
  console.log(`bench:simulate: policy ${benchPolicy.name} (8 steps with retries), seed ${seed}, node ${process.version}`);
  console.log(`median of ${rounds} rounds; every run in a fresh node process; times include compiling and warming up\n`);
  console.log('contender            installations        time   installs/s   peak RSS');
  for (const [name, row] of rows) {
    console.log(`${name.padEnd(20)} ${format(row.count).padStart(13)} ${(row.ms / 1000).toFixed(2).padStart(9)} s ${rate(perSecond(row)).padStart(12)} ${row.rssMB.toFixed(0).padStart(7)} MB`);
  }
  console.log(`\nXState runs ${format(xstateCount)} installations only: at its speed 1 M would take minutes.`);
  const [mpol1, hand1, mpol4, hand4, xstate, mpolSmall] = rows.map(([, row]) => row) as [ReturnType<typeof summary>, ...ReturnType<typeof summary>[]];
  const sameDraws = same(mpol1.fingerprint, hand1!.fingerprint) && same(mpol4!.fingerprint, hand4!.fingerprint) && same(mpolSmall!.fingerprint, xstate!.fingerprint);
  console.log(`same draws, same outcomes (mpol = hand-written at 1 M and 4 M, mpol = XState at ${format(xstateCount)}): ${sameDraws ? 'yes' : 'NO'}`);
  const handRatio = perSecond(hand4!) / perSecond(mpol4!);
  const xstateRatio = perSecond(mpol4!) / perSecond(xstate!);
  const rssRatio = mpol4!.rssMB / mpol1.rssMB;
  console.log('\ntargets');
  console.log(`  at least 1 M installations/s: ${rate(perSecond(mpol1))} at 1 M, ${rate(perSecond(mpol4!))} at 4 M ${verdict(perSecond(mpol1) >= million && perSecond(mpol4!) >= million)}`);
  console.log(`  within 1.5x of the hand-written loop: hand-written / mpol = ${handRatio.toFixed(2)}x at 4 M (${(perSecond(hand1!) / perSecond(mpol1)).toFixed(2)}x at 1 M) ${verdict(handRatio <= 1.5)}`);
  const sameCount = perSecond(mpolSmall!) / perSecond(xstate!);
  console.log(`  at least 20x XState: mpol / XState = ${format(Math.round(xstateRatio))}x at full speed, ${format(Math.round(sameCount))}x on the same ${format(xstateCount)} (where mpol's fixed cost dominates) ${verdict(xstateRatio >= 20 && sameCount >= 20)}`);
  console.log(`  4 M installations (the Secure estate) under 5 s: ${(mpol4!.ms / 1000).toFixed(2)} s ${verdict(mpol4!.ms < 5000)}`);
  console.log(`  RSS flat in the count: mpol peak RSS ${mpol1.rssMB.toFixed(0)} MB at 1 M, ${mpol4!.rssMB.toFixed(0)} MB at 4 M (x${rssRatio.toFixed(2)}, at most x1.15) ${verdict(rssRatio <= 1.15)}`);
  if (!sameDraws) process.exitCode = 1;
}

if (process.argv[2] === '--child') await child(process.argv[3] as Contender, Number(process.argv[4]));
else parent();
