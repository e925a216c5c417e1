/**
 * A campaign of the bundled MEHRS v2.1 policy: its first attempts are the
 * plain simulation of its estate, each sampled installation replays through
 * `migrate` attempt by attempt, and the counts add up population by
 * population.
 */
import { describe, expect, it } from 'vitest';
import { campaignInstallation, simulate, simulateCampaign } from '../../runtime/index.js';
import { v21 } from '../policies/mehrs.js';

const faults = {
  defaults: { step: { transient: 0.05, permanent: 0.01, duration: { uniform: ['10s', '3m'] } }, undo: { fail: 0.05, duration: '5m' } },
  steps: { Commission: { transient: 0.3, duration: { uniform: ['1m', '12m'] } } },
  artefacts: { RequiredFileSet: { after: 'MVF', delay: { exponential: '10h' }, never: 0.05 } },
  installation: {
    type: { enum: { Active: 8, Dormant: 1, Mixed: 1 } },
    inventoryMatch: { bool: 0.99 },
    deviceRegistered: { bool: 0.99 },
    epclListed: { bool: 0.98 },
    secureDesignConfirmed: { bool: 0.95 },
    secureProcessConfirmed: { bool: 0.95 },
    installationChecksPassed: { bool: 0.9 },
    smsoAccountActive: { bool: 0.9 },
    devicesResponding: { bool: 0.95 },
  },
  campaign: {
    capacity: { daily: 2000, cohorts: { MOC_Secure: 800 }, responsible: { SMSO: 50 } },
    calendar: { start: '2021-06-01', holidays: ['2021-06-04'] },
    resubmission: { delay: { uniform: ['1d', '5d'] }, responsible: { SMSO: { delay: { exponential: '7d' } } } },
  },
};
const estate = { IOC: 3000, MOC_Secure: 1000, 'MOC_Secure/DA': 4000, FOC: 2000 };

describe('a MEHRS v2.1 campaign', () => {
  it('runs its first attempts exactly as the plain simulation of its estate', async () => {
    const [campaign, plain] = await Promise.all([simulateCampaign(v21, { faults, estate, seed: 3 }), simulate(v21, { faults, cohorts: estate, seed: 3 })]);
    const firstTime = campaign.attempts.histogram.find((row) => row.attempts === '1')!;
    expect(firstTime.migrated).toBe(plain.total.outcomes.migrated);
    expect(campaign.installations - firstTime.migrated).toBe(plain.total.outcomes.failed + plain.total.outcomes['rolled-back']);
  });

  it('adds up per population, resubmits and excludes, and keeps every cap', async () => {
    const result = await simulateCampaign(v21, { faults, estate, seed: 4 });
    expect(result.populations.map((p) => [p.cohort, p.group, p.installations])).toEqual([
      ['IOC', null, 3000],
      ['MOC_Secure', null, 1000],
      ['MOC_Secure', 'DA', 4000],
      ['FOC', null, 2000],
    ]);
    for (const p of result.populations) expect(p.migrated + p.failed + p.excluded).toBe(p.installations);
    expect(result.attempts.resubmissions).toBeGreaterThan(0);
    expect(result.outcomes.excluded).toBeGreaterThan(0);
    expect(result.attempts.max).toBe(5);
    // Only the SMSO's codes are resubmitted under its cap.
    const smso = result.codes.filter((c) => c.responsible === 'SMSO').reduce((sum, c) => sum + c.resubmitted, 0);
    const smsoCap = result.capacity.caps.find((cap) => cap.key === 'SMSO')!;
    expect(smsoCap.used.reduce((sum, n) => sum + n, 0)).toBe(smso);
    expect(Math.max(...smsoCap.used)).toBe(50);
    // 4 June 2021 is a holiday: nothing starts that day.
    expect(result.daily.capacity[3]).toBe(0);
    expect(result.calendar.holidays).toEqual([3]);
  });

  it('replays one installation through `migrate`, attempt by attempt, as the campaign counted it', async () => {
    const result = await simulateCampaign(v21, { faults, estate, seed: 4, samples: 2 });
    const excluded = result.samples.find((sample) => sample.final === 'excluded')!;
    const replay = await campaignInstallation(v21, { faults, estate, seed: 4 }, excluded.index);
    expect(replay.final).toBe('excluded');
    expect(replay.attempts.map((attempt) => attempt.result.migrationAttempt)).toEqual([1, 2, 3, 4, 5]);
    expect(replay.attempts.map((attempt) => attempt.result.outcome)).toEqual(excluded.attempts.map((attempt) => attempt.outcome));
    expect(replay.attempts.at(-1)!.result.timeline.at(-1)!.kind).toMatch(/failed|rolled-back/);
    await expect(campaignInstallation(v21, { faults, estate }, 10_000)).rejects.toThrow('installation 10000 is not in the campaign (its estate has 10000)');
  });
});
