/**
 * `npm run bench:campaign`: the whole SMETS1 estate (13 million
 * installations in the public cohort proportions) migrated day by day with
 * resubmissions and exclusion (campaign-policy.ts), by `simulateCampaign`
 * on one thread and on two (the command line's thread code and helper
 * bundle, dist/mpol-campaign-worker.cjs), and by a
 * hand-written single-thread loop of the same campaign (campaign-hand.ts),
 * at 1 M and 13 M installations.
 *
 * Every run is a fresh node process, so its peak RSS is its own; runs are
 * repeated and the median reported, with the load average of the machine
 * beside each figure: on a shared machine a loaded run is slower, and ratios
 * are only fair between runs made under the same load. Equal fingerprints
 * prove the contenders played the same campaign. When `taskset` can pin a
 * process, each round also runs one thread pinned to each core alone (an
 * unpinned run lands on either, and the cores need not be alike: two
 * threads are measured against the best one thread), and two one-thread
 * campaigns side by side, one on each core: what two threads with no
 * coordination at all get from these cores, the ceiling two threads are
 * shown against.
 */
import { execFile, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scriptWorkers, threadedCampaign } from '../../cli/campaign-threads.js';
import { simulateCampaign } from '../../runtime/index.js';
import { fingerprintOfCampaign, type CampaignFingerprint } from './campaign-counts.js';
import { runHandCampaign } from './campaign-hand.js';
import { campaignFaults, campaignPolicy, estateOf } from './campaign-policy.js';

const seed = 1;
/** The command line's helper bundle, and the bench policy as the policy script it evaluates (the policy is plain data). */
const helperBundle = fileURLToPath(new URL('../../mpol-campaign-worker.cjs', import.meta.url));
const campaignScript = `return ${JSON.stringify(campaignPolicy)};`;
const rounds = Number(process.env.MPOL_ROUNDS ?? 5);
const million = 1_000_000;
const sizes = [million, 13 * million];

type Contender = 'mpol-1' | 'mpol-2' | 'hand';

interface Run {
  readonly contender: Contender;
  readonly count: number;
  readonly ms: number;
  readonly rssMB: number;
  /** CPU time of the whole process (every thread, V8's compiler and collector included). */
  readonly cpuMs: number;
  readonly load: number;
  readonly fingerprint: CampaignFingerprint;
}

async function child(contender: Contender, count: number): Promise<void> {
  const estate = estateOf(count);
  const start = performance.now();
  let fingerprint: CampaignFingerprint;
  if (contender === 'hand') fingerprint = runHandCampaign(seed, estate.map(([, n]) => n));
  else {
    const parallel = contender === 'mpol-2' ? threadedCampaign(2, scriptWorkers(helperBundle, campaignScript)) : undefined;
    const result = await simulateCampaign(campaignPolicy, { faults: campaignFaults, seed, estate: Object.fromEntries(estate), ...(parallel === undefined ? {} : { parallel }) });
    fingerprint = fingerprintOfCampaign(result);
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage();
  const run: Run = { contender, count, ms, rssMB: process.resourceUsage().maxRSS / 1024, cpuMs: (cpu.user + cpu.system) / 1000, load: loadavg()[0]!, fingerprint };
  console.log(JSON.stringify(run));
}

/** The command that runs `contender` in a fresh process; with `core`, pinned to that core (`taskset`). */
function command(contender: Contender, count: number, core?: number): string[] {
  const node = [process.execPath, fileURLToPath(import.meta.url), '--child', contender, String(count)];
  return core === undefined ? node : ['taskset', '-c', String(core), ...node];
}

function parseRun(what: string, status: number | null, stdout: string, stderr: string): Run {
  if (status !== 0) throw new Error(`${what} failed:\n${stderr}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Run;
}

function spawn(contender: Contender, count: number, core?: number): Run {
  const [file, ...args] = command(contender, count, core);
  const result = spawnSync(file!, args, { encoding: 'utf8' });
  return parseRun(`${contender} ${count}`, result.status, result.stdout, result.stderr);
}

/**
 * One thread pinned to each core, both at once (`taskset`): the work two
 * independent threads do side by side on these cores, with no
 * coordination at all. The cores of a virtual machine need not be alike,
 * and may share parts of one physical core, so this, not twice one
 * thread's speed, is the ceiling for two threads.
 */
async function sideBySide(count: number): Promise<Run[]> {
  return Promise.all(
    [0, 1].map(
      (core) =>
        new Promise<Run>((resolve, reject) => {
          const [file, ...args] = command('mpol-1', count, core);
          execFile(file!, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
            try {
              resolve(parseRun(`mpol-1 ${count} on core ${core}`, error === null ? 0 : 1, stdout, stderr));
            } catch (failure) {
              reject(failure as Error);
            }
          });
        }),
    ),
  );
}

/** Whether `taskset` can pin a process to cores 0 and 1 here. */
const pinnable = availableParallelism() >= 2 && spawnSync('taskset', ['-c', '1', 'true']).status === 0;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const format = (n: number): string => n.toLocaleString('en-GB');
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const names: Record<Contender, string> = { 'mpol-1': 'mpol, 1 thread', 'mpol-2': 'mpol, 2 threads', hand: 'hand-written loop' };

async function parent(): Promise<void> {
  const contenders: Contender[] = ['mpol-1', 'mpol-2', 'hand'];
  const runs = new Map<string, Run[]>();
  // Round by round, each contender in turn, so a change in the machine's load falls on all of them.
  for (let round = 0; round < rounds; round++) {
    for (const count of sizes) {
      for (const contender of contenders) {
        const key = `${contender} ${count}`;
        runs.set(key, [...(runs.get(key) ?? []), spawn(contender, count)]);
      }
    }
    if (pinnable) {
      for (const core of [0, 1]) runs.set(`alone ${core}`, [...(runs.get(`alone ${core}`) ?? []), spawn('mpol-1', 13 * million, core)]);
      (await sideBySide(13 * million)).forEach((run, core) => runs.set(`core ${core}`, [...(runs.get(`core ${core}`) ?? []), run]));
    }
  }
  const summary = (contender: Contender, count: number) => {
    const all = runs.get(`${contender} ${count}`)!;
    return {
      ms: median(all.map((r) => r.ms)),
      rssMB: median(all.map((r) => r.rssMB)),
      cpuMs: median(all.map((r) => r.cpuMs)),
      load: median(all.map((r) => r.load)),
      fingerprints: all.map((r) => JSON.stringify(r.fingerprint)),
    };
  };
  console.log(`bench:campaign: ${campaignPolicy.name} (the bench's 8-step flow in MEHRS's cohorts), 31,000 a working day, resubmissions after 1-5 days, exclusion after 5 attempts; seed ${seed}, node ${process.version}`);
  console.log(`median of ${rounds} rounds; every run in a fresh node process; times include compiling, warming up and starting threads;`);
  console.log('CPU time is the whole process\'s: every thread, and V8\'s compiler and collector, which run beside one thread on the idle core\n');
  console.log('contender             installations        time    installs/s   peak RSS   bytes/inst    CPU time   load avg');
  let same = true;
  const at = new Map<string, ReturnType<typeof summary>>();
  for (const count of sizes) {
    const reference = summary('hand', count).fingerprints[0]!;
    for (const contender of contenders) {
      const row = summary(contender, count);
      at.set(`${contender} ${count}`, row);
      same &&= row.fingerprints.every((fingerprint) => fingerprint === reference);
      const perSecond = count / (row.ms / 1000);
      const bytes = (row.rssMB * 1024 * 1024) / count;
      console.log(
        `${names[contender].padEnd(20)} ${format(count).padStart(14)} ${(row.ms / 1000).toFixed(2).padStart(9)} s ${`${(perSecond / million).toFixed(2)} M/s`.padStart(12)} ${row.rssMB.toFixed(0).padStart(7)} MB ${bytes.toFixed(1).padStart(12)} ${(row.cpuMs / 1000).toFixed(2).padStart(9)} s ${row.load.toFixed(2).padStart(10)}`,
      );
    }
  }
  const fingerprint = JSON.parse(summary('hand', 13 * million).fingerprints[0]!) as CampaignFingerprint;
  console.log(`\nthe 13 M campaign: ${format(fingerprint.attempts)} migration attempts over ${fingerprint.days} days; outcomes migrated/failed/excluded ${fingerprint.outcomes.map(format).join(' / ')}`);
  console.log(`same campaign from every contender, every round: ${same ? 'yes' : 'NO'}`);
  const big = (contender: Contender) => at.get(`${contender} ${13 * million}`)!;
  const [one, two, hand] = [big('mpol-1'), big('mpol-2'), big('hand')];
  const medianOf = (key: string): number => median(runs.get(key)!.map((run) => run.ms));
  // One thread at its best: an unpinned run lands on either core, and on a slow one would flatter two threads.
  const best = pinnable ? Math.min(one.ms, medianOf('alone 0'), medianOf('alone 1')) : one.ms;
  const speedup = best / two.ms;
  if (pinnable) {
    const pinned = [0, 1].map((core) => medianOf(`core ${core}`));
    const reference = summary('hand', 13 * million).fingerprints[0];
    same &&= ['alone 0', 'alone 1', 'core 0', 'core 1'].every((key) => runs.get(key)!.every((run) => JSON.stringify(run.fingerprint) === reference));
    // Two threads at best do, together, what the two cores do side by side.
    const ceiling = best * (1 / pinned[0]! + 1 / pinned[1]!);
    console.log(`\nthe cores: one thread of 13 M alone takes ${(medianOf('alone 0') / 1000).toFixed(2)} s pinned to core 0 and ${(medianOf('alone 1') / 1000).toFixed(2)} s pinned to core 1 (unpinned ${(one.ms / 1000).toFixed(2)} s); the best, ${(best / 1000).toFixed(2)} s, is the one thread two threads are measured against;`);
    console.log(`  two one-thread campaigns side by side, one pinned to each core, take ${(pinned[0]! / 1000).toFixed(2)} s on core 0 and ${(pinned[1]! / 1000).toFixed(2)} s on core 1:`);
    console.log(`  at that pace two threads could be at most ${ceiling.toFixed(2)}x faster than one; they are ${speedup.toFixed(2)}x, ${((speedup / ceiling) * 100).toFixed(0)}% of it`);
  }
  const perCore = (two.ms * 2) / hand.ms;
  const marginal = ((two.rssMB - at.get(`mpol-2 ${million}`)!.rssMB) * 1024 * 1024) / (12 * million);
  console.log('\ntargets (13 M)');
  console.log(`  the campaign in under 4 s on two threads: ${(two.ms / 1000).toFixed(2)} s ${verdict(two.ms < 4000)}`);
  console.log(`  two threads at least 1.7x faster than one: ${(best / 1000).toFixed(2)} s / ${(two.ms / 1000).toFixed(2)} s = ${speedup.toFixed(2)}x ${verdict(speedup >= 1.7)}`);
  console.log(`  within 1.5x of the hand-written single-thread loop per core: 2 threads x 2 / hand = ${perCore.toFixed(2)}x (1 thread / hand = ${(one.ms / hand.ms).toFixed(2)}x) ${verdict(perCore <= 1.5)}`);
  console.log(`  a few bytes per installation: peak RSS ${at.get(`mpol-2 ${million}`)!.rssMB.toFixed(0)} MB at 1 M, ${two.rssMB.toFixed(0)} MB at 13 M: ${((two.rssMB * 1024 * 1024) / (13 * million)).toFixed(1)} bytes per installation in all, ${marginal.toFixed(2)} for each installation past the first million`);
  if (!same) process.exitCode = 1;
}

if (process.argv[2] === '--child') await child(process.argv[3] as Contender, Number(process.argv[4]));
else await parent();
