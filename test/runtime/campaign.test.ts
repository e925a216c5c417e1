/**
 * The campaign's schedule (docs/campaign.md), on a one-step policy whose
 * faults make every attempt end the same way, so each rule of the daily
 * order shows in the numbers: capacity, working days and holidays,
 * resubmissions before new installations, caps per cohort and per
 * responsible party, the delay before a resubmission, exclusion.
 */
import { describe, expect, it } from 'vitest';
import { MigrationUsageError, simulateCampaign, type CampaignResult } from '../../runtime/index.js';
import { fail, policy, step } from './builder.js';

/** One step whose permanent failure has code R (resubmittable, P responsible) or F (not resubmittable, Q responsible). */
const onePolicy = (exclusionAfter: number | null = 3) => ({
  ...policy([step('Migrate', { onFailure: fail('R'), mayFail: ['R', 'F'] })], {
    errors: { R: { resubmit: true, responsible: 'P' }, F: { resubmit: false, responsible: 'Q' } },
    exclusionAfter: exclusionAfter ?? undefined,
  }),
  parties: { P: { title: 'P' }, Q: { title: 'Q' } },
});

const run = (campaign: Record<string, unknown>, estate: Record<string, number>, step: Record<string, unknown> = {}, exclusionAfter: number | null = 3) =>
  simulateCampaign(onePolicy(exclusionAfter), { faults: { steps: { Migrate: step }, campaign }, estate, seed: 5 });

/** Per day: `new+resubmitted`, or `-` for a day without migrations. */
const schedule = (result: CampaignResult): string =>
  result.daily.capacity.map((capacity, day) => (capacity === 0 ? '-' : `${result.daily.submitted[day]}+${result.daily.resubmitted[day]}`)).join(' ');

const alwaysFails = { permanent: 1 };

describe('the daily schedule', () => {
  it('starts at most the daily capacity, on working days only (Monday to Friday by default)', async () => {
    const result = await run({ capacity: { daily: 3 } }, { C: 20 });
    expect(schedule(result)).toBe('3+0 3+0 3+0 3+0 3+0 - - 3+0 2+0');
    expect(result.days).toEqual({ complete: 9, working: 7, lastSubmission: 8, endDate: null });
    expect(result.outcomes).toEqual({ migrated: 20, failed: 0, excluded: 0 });
    expect(result.capacity).toMatchObject({ daily: 3, workingDays: 7, slots: 21, used: 20, fullDays: 6 });
  });

  it('follows the calendar: its working days, its holidays, dates from its start', async () => {
    // 2021-01-01 was a Friday; Monday 4 January is a holiday.
    const calendar = { start: '2021-01-01', workingDays: ['Mon', 'Fri', 'Sat'], holidays: ['2021-01-04'] };
    const result = await run({ capacity: { daily: 2 }, calendar }, { C: 7 });
    expect(schedule(result)).toBe('2+0 2+0 - - - - - 2+0 1+0');
    expect(result.days.endDate).toBe('2021-01-09');
    expect(result.calendar).toEqual({ start: '2021-01-01', workingDays: ['Mon', 'Fri', 'Sat'], holidays: [3] });
  });

  it('schedules resubmissions before new installations, and excludes after the policy’s limit', async () => {
    const result = await run({ capacity: { daily: 3 } }, { C: 4 }, alwaysFails);
    // Day 0: installations 0-2 fail; days 1 and 2 they are resubmitted (attempts 2 and 3), then excluded; installation 3 waits.
    expect(schedule(result)).toBe('3+0 0+3 0+3 1+0 0+1 - - 0+1');
    expect(result.outcomes).toEqual({ migrated: 0, failed: 0, excluded: 4 });
    expect(result.attempts).toMatchObject({ total: 12, resubmissions: 8, max: 3, histogram: [{ attempts: '3', migrated: 0, failed: 0, excluded: 4 }] });
    expect(result.codes).toEqual([{ code: 'R', title: 'R', responsible: 'P', resubmitted: 8, failed: 0, excluded: 4 }]);
    expect(result.excludedByResponsible).toEqual([{ responsible: 'P', count: 4 }]);
    expect(result.daily.excluded).toEqual([0, 0, 3, 0, 0, 0, 0, 1]);
  });

  it('ends a failure that may not be resubmitted at once, failed for good', async () => {
    const result = await run({ capacity: { daily: 10 } }, { C: 4 }, { permanent: 1, codes: { F: 1 } });
    expect(result.outcomes).toEqual({ migrated: 0, failed: 4, excluded: 0 });
    expect(result.codes).toEqual([{ code: 'F', title: 'F', responsible: 'Q', resubmitted: 0, failed: 4, excluded: 0 }]);
  });

  it('caps resubmissions of a responsible party’s failures; the rest wait their turn while new installations fill the day', async () => {
    const result = await run({ capacity: { daily: 4, responsible: { P: 1 } } }, { C: 6 }, alwaysFails, 2);
    // Day 0: 0-3 fail. Day 1: installation 0 is resubmitted (P's cap) and excluded, 4-5 start and fail.
    // Each later working day: one resubmission, in the order the failures happened (1, 2, 3, then 4, 5).
    expect(schedule(result)).toBe('4+0 2+1 0+1 0+1 0+1 - - 0+1 0+1');
    expect(result.capacity.caps.map((cap) => [cap.kind, cap.key, cap.used.join(',')])).toEqual([
      ['overall', null, '4,3,1,1,1,0,0,1,1'],
      ['responsible', 'P', '0,1,1,1,1,0,0,1,1'],
    ]);
    expect(result.samples.filter((sample) => sample.final === 'excluded').map((sample) => sample.index)).toEqual([0, 1, 2]);
  });

  it('caps a cohort with its groups, and a group on its own', async () => {
    // Day 0: C takes its cohort's 3, leaving none for C/G. Day 1: C's last one, then C/G's 1. Then C/G, one a day.
    const result = await run({ capacity: { daily: 5, cohorts: { C: 3, 'C/G': 1 } } }, { C: 4, 'C/G': 3 });
    const used = Object.fromEntries(result.capacity.caps.map((cap) => [cap.key ?? 'overall', cap.used.join(',')]));
    expect(used).toEqual({ overall: '3,2,1,1', C: '3,2,1,1', 'C/G': '0,1,1,1' });
  });

  it('brings a failure back after its drawn delay, on the first working day that starts after it is due', async () => {
    // Fails at once on Monday (day 0); due 3 days later, Thursday. With a minute's attempt, due just after Thursday starts: Friday.
    const quick = await run({ capacity: { daily: 1 }, resubmission: { delay: '3d' } }, { C: 1 }, alwaysFails, 2);
    expect(schedule(quick)).toBe('1+0 0+0 0+0 0+1');
    const slow = await run({ capacity: { daily: 1 }, resubmission: { delay: '3d' } }, { C: 1 }, { ...alwaysFails, duration: '1m' }, 2);
    expect(schedule(slow)).toBe('1+0 0+0 0+0 0+0 0+1');
    // A delay into the weekend waits for Monday; the delay may depend on the responsible party.
    const byParty = await run({ capacity: { daily: 1 }, resubmission: { delay: '1d', responsible: { P: { delay: '5d' } } } }, { C: 1 }, alwaysFails, 2);
    expect(schedule(byParty)).toBe('1+0 0+0 0+0 0+0 0+0 - - 0+1');
  });

  it('counts an outcome on the day it falls on, which may be a later day than its start', async () => {
    const result = await run({ capacity: { daily: 1 } }, { C: 2 }, { duration: '30h' });
    expect(result.daily.migrated).toEqual([0, 1, 1]);
    expect(result.days).toMatchObject({ complete: 3, lastSubmission: 1 });
  });

  it('refuses a campaign that cannot end: no exclusion rule and failures always resubmittable', async () => {
    await expect(run({ capacity: { daily: 1 } }, { C: 1 }, alwaysFails, null)).rejects.toThrow(
      new MigrationUsageError(
        'the campaign did not finish within 36525 days: 1 installations still open; the policy has no `exclude after N failed attempts` rule, and some installations keep failing with resubmittable codes',
      ),
    );
  });

  it('refuses a capacity too small to start the estate within the simulator’s horizon, before running anything', async () => {
    await expect(run({ capacity: { daily: 1 } }, { C: 100_000 })).rejects.toThrow(/would take about 384 years to start 100000 installations/);
  });

  it('needs a campaign section and an estate', async () => {
    await expect(simulateCampaign(onePolicy(), { faults: {}, estate: { C: 1 } })).rejects.toThrow(/the fault model has no `campaign` section/);
    await expect(simulateCampaign(onePolicy(), { faults: { campaign: { capacity: { daily: 1 } } } })).rejects.toThrow(/give the estate/);
    await expect(simulateCampaign(onePolicy(), { faults: { campaign: { capacity: { daily: 1 } } }, estate: { D: 1 } })).rejects.toThrow(/`cohorts.D`/);
  });
});
