// `mpol simulate --campaign` and `--compare`: campaigns from the command line, on worker threads.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareCampaigns, simulateCampaign, type CampaignComparison, type CampaignResult } from '../../runtime/index.js';
import { repositoryPolicy } from '../docs/policies.js';
import { hasStackTrace, runCli, tempFolder } from './run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const v21 = 'policies/mehrs/v2.1';
/** Enough for full days of 31,000 jobs, which the scheduler cuts into one slice per thread. */
const estate = ['--cohort', 'IOC=40000', '--cohort', 'MOC_Secure/DA=30000'];

/**
 * A copy of MEHRS v2.1 whose IOC S1SP retry is the one before change 4: 2
 * hours apart, 24 hours in all. Without its own `faults.json`, so `--compare`
 * runs it under the first policy's fault model.
 */
function oldRetrySchedule(): string {
  const folder = path.join(tempFolder(), 'v2.1-old-3.1');
  cpSync(path.join(repo, v21), folder, { recursive: true });
  rmSync(path.join(folder, 'faults.json'));
  const file = path.join(folder, 'assumptions.mpol');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace('tier long: every 30m\n  within 48h', 'tier long: every 2h\n  within 24h');
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  return folder;
}

describe('mpol simulate --campaign', () => {
  it('prints when the campaign completes, a burn-up chart and the final outcomes', () => {
    const run = runCli(['simulate', v21, '--campaign', ...estate], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^MEHRS 2\.1 campaign, seed 0: 70,000 installations\nfault model: Default fault model for MEHRS v2\.1/);
    expect(run.stdout).toContain('\ncapacity 31,000 a day on Mon Tue Wed Thu Fri, from 2021-01-04; resubmissions for SMSO at most 2,000\n');
    expect(run.stdout).toMatch(/\ncomplete after \d+ days \(\d+ working days\), on day \d+ \(2021-\d\d-\d\d\)/);
    expect(run.stdout).toContain('installations migrated, cumulative (burn-up)\n70,000 │');
    expect(run.stdout).toMatch(/\nresubmissions a day  [▁▂▃▄▅▆▇█ ]+  most [\d,]+, on day \d+/);
    expect(run.stdout).toContain('migration attempts per installation: mean ');
    expect(run.stdout).toMatch(/\nAS201 +SMSO +[\d,]+ +0 +\d+ +DA installation: S1SP Required File Set not received/);
  });

  it('gives the same output, byte for byte, on one thread and on several, and as the runtime API', async () => {
    const args = ['simulate', v21, '--campaign', ...estate, '--seed', '9', '--json'];
    const one = runCli([...args, '--threads', '1'], repo);
    const three = runCli([...args, '--threads', '3'], repo);
    expect(one.status).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const faults: unknown = JSON.parse(readFileSync(path.join(repo, v21, 'faults.json'), 'utf8'));
    const result = await simulateCampaign(repositoryPolicy(v21), { faults, seed: 9, estate: { IOC: 40000, 'MOC_Secure/DA': 30000 } });
    expect(one.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('compares v2.1 with a copy that keeps the old 3.1 schedule, side by side with the differences', () => {
    // Commissioning that fails often: the shorter period runs out far more often.
    const faults = JSON.parse(readFileSync(path.join(repo, v21, 'faults.json'), 'utf8')) as { steps: { Commission: { transient: number } } };
    faults.steps.Commission.transient = 0.9;
    const file = path.join(tempFolder(), 'flaky-commissioning.json');
    writeFileSync(file, JSON.stringify(faults));
    const run = runCli(['simulate', v21, '--faults', file, '--compare', oldRetrySchedule(), '--cohort', 'IOC=20000'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^A: MEHRS 2\.1 \(policies\/mehrs\/v2\.1\), fault model .*flaky-commissioning\.json\n {3}complete after/);
    expect(run.stdout).toMatch(/\nB: MEHRS 2\.1 \(.*v2\.1-old-3\.1\), fault model .*flaky-commissioning\.json\n/);
    expect(run.stdout).toMatch(/\n +A +B +B − A\ninstallations +20,000 +20,000 +0\n/);
    // Fewer commissioning retries in a shorter period: more installations run out and fail (MA122, after a rollback).
    const failedForGood = /\nfailed for good +([\d,]+) +([\d,]+) +([+−0][\d,]*)\n/.exec(run.stdout)!;
    expect(Number(failedForGood[2]!.replace(/,/g, ''))).toBeGreaterThan(Number(failedForGood[1]!.replace(/,/g, '')));
    expect(run.stdout).toContain('A: installations migrated, cumulative\n');
    expect(run.stdout).toContain('B: installations migrated, cumulative\n');
    expect(run.stdout).toMatch(/\nMA122 +\S+ +[\d,]+ +[\d,]+ +[+−\d,]+ +[\d,]+ +[\d,]+ +\+[\d,]+ /);
  });

  it('compares two fault models of one policy, as JSON too', () => {
    const folder = tempFolder();
    const faults = JSON.parse(readFileSync(path.join(repo, v21, 'faults.json'), 'utf8')) as { campaign: { capacity: { daily: number } } };
    faults.campaign.capacity.daily = 10000;
    const slower = path.join(folder, 'slower.json');
    writeFileSync(slower, JSON.stringify(faults));
    const run = runCli(['simulate', v21, '--compare', slower, '--cohort', 'FOC=50000', '--json'], repo);
    expect(run.status).toBe(0);
    const { a, b, comparison } = JSON.parse(run.stdout) as { a: { label: string; result: CampaignResult }; b: { label: string; result: CampaignResult }; comparison: CampaignComparison };
    expect(b.label).toContain('slower.json');
    expect(comparison).toEqual(compareCampaigns(a.result, b.result));
    const days = comparison.figures.find((figure) => figure.key === 'daysToComplete')!;
    expect(days).toMatchObject({ a: a.result.days.complete, b: b.result.days.complete, difference: b.result.days.complete - a.result.days.complete });
    // Two days of 31,000 against at least five of 10,000 (fewer once resubmissions take their share).
    const daysWithNew = (result: CampaignResult) => result.daily.submitted.filter((count) => count > 0).length;
    expect(daysWithNew(a.result)).toBe(2);
    expect(daysWithNew(b.result)).toBeGreaterThanOrEqual(5);
    // Each installation's attempts do not depend on the days they fall on: the final outcomes are the same.
    expect(b.result.outcomes).toEqual(a.result.outcomes);
  });

  it('refuses, with exit code 2 and a message, what it cannot play', () => {
    const folder = tempFolder();
    const noCampaign = path.join(folder, 'no-campaign.json');
    writeFileSync(noCampaign, JSON.stringify({ cohorts: { IOC: 10 } }));
    const badCampaign = path.join(folder, 'bad-campaign.json');
    writeFileSync(badCampaign, JSON.stringify({ campaign: { capacity: { daily: 0 }, calendar: { workingDays: ['Mon', 'Sunday'] } } }));
    const cases: [string[], string][] = [
      [['--faults', noCampaign, '--campaign'], `${noCampaign} has no "campaign" section; a campaign needs at least "campaign": { "capacity": { "daily": 31000 } } (docs/campaign.md)`],
      [['--faults', badCampaign, '--campaign'], `${badCampaign} is not a valid fault model:\n  campaign.capacity.daily: expected a whole number from 1, got 0\n  campaign.calendar.workingDays[1]: expected a weekday`],
      [['--campaign', '--threads', '0'], "--threads takes a whole number from 1 to 64, not '0'"],
      [['--campaign', '--threads', 'two'], "--threads takes a whole number from 1 to 64, not 'two'"],
      // Digits only: `Number` would read these as 2, and a count past 2^53 − 1 would be rounded.
      ...['0x2', ' 2', '2e0', '2.0', '99999999999999999999'].map((text): [string[], string] => [['--campaign', '--threads', text], `--threads takes a whole number from 1 to 64, not '${text}'`]),
      [['--compare', path.join(folder, 'none.json')], `--compare: cannot read the fault model '${path.join(folder, 'none.json')}'`],
      [['--compare', 'policies/mehrs/v2.0'], '--compare policies/mehrs/v2.0: policies/mehrs/v2.0/faults.json has no "campaign" section'],
      [['--campaign', '--cohort', 'IOC=2000000000'], 'a daily capacity of 31000 would take about 247 years to start 2000000000 installations'],
    ];
    for (const [flags, message] of cases) {
      const run = runCli(['simulate', v21, ...flags], repo);
      expect([flags, run.status]).toEqual([flags, 2]);
      expect(run.stderr).toContain(`mpol: error: ${message}`);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(run.stdout).toBe('');
    }
  });
});
