/**
 * Two campaigns compared (`compareCampaigns`, `formatCampaignComparison`):
 * every figure of both with B − A, and codes, attempts per installation and
 * exclusions by party matched by key, a row one side lacks counting 0 there.
 */
import { describe, expect, it } from 'vitest';
import { compareCampaigns, formatCampaignComparison, simulateCampaign } from '../../runtime/index.js';
import { fail, policy, step } from './builder.js';

const onePolicy = {
  ...policy([step('Migrate', { onFailure: fail('R'), mayFail: ['R', 'F'] })], {
    errors: { R: { resubmit: true, responsible: 'P' }, F: { resubmit: false, responsible: 'Q' } },
    exclusionAfter: 3,
  }),
  parties: { P: { title: 'P' }, Q: { title: 'Q' } },
};
const campaign = { capacity: { daily: 3 } };
// A: every attempt fails with R, resubmittable, until the third excludes it. B: every attempt fails with F, for good.
const a = await simulateCampaign(onePolicy, { faults: { steps: { Migrate: { permanent: 1 } }, campaign }, estate: { C: 4 }, seed: 5 });
const b = await simulateCampaign(onePolicy, { faults: { steps: { Migrate: { permanent: 1, codes: { F: 1 } } }, campaign }, estate: { C: 4 }, seed: 5 });

describe('compareCampaigns', () => {
  it('gives every figure of both sides with B − A', () => {
    const figures = Object.fromEntries(compareCampaigns(a, b).figures.map((f) => [f.key, [f.a, f.b, f.difference]]));
    expect(figures).toEqual({
      installations: [4, 4, 0],
      daysToComplete: [8, 2, -6],
      workingDays: [6, 2, -4],
      migrated: [0, 0, 0],
      failed: [0, 4, 4],
      excluded: [4, 0, -4],
      attempts: [12, 4, -8],
      resubmissions: [8, 0, -8],
      meanAttempts: [3, 1, -2],
      maxAttempts: [3, 1, -2],
      peakResubmissions: [3, 0, -3],
      // 12 of 18 slots over six working days, 4 of 6 over two.
      capacityUsed: [66.7, 66.7, 0],
    });
  });

  it('matches codes, attempts and exclusions by key, counting 0 where a side has none', () => {
    const comparison = compareCampaigns(a, b);
    expect(comparison.codes).toEqual([
      { code: 'R', responsible: 'P', resubmitted: { a: 8, b: 0, difference: -8 }, failed: { a: 0, b: 0, difference: 0 }, excluded: { a: 4, b: 0, difference: -4 } },
      { code: 'F', responsible: 'Q', resubmitted: { a: 0, b: 0, difference: 0 }, failed: { a: 0, b: 4, difference: 4 }, excluded: { a: 0, b: 0, difference: 0 } },
    ]);
    expect(comparison.attempts).toEqual([
      { attempts: '1', a: 0, b: 4, difference: 4 },
      { attempts: '3', a: 4, b: 0, difference: -4 },
    ]);
    expect(comparison.excludedByResponsible).toEqual([{ responsible: 'P', a: 4, b: 0, difference: -4 }]);
  });

  it('is the text comparison’s data: each table row says the same', () => {
    const text = formatCampaignComparison({ label: 'resubmittable', result: a }, { label: 'for good', result: b });
    expect(text).toMatch(/^A: resubmittable\n {3}complete after \d+ days/);
    expect(text).toMatch(/\nexcluded +4 +0 +−4\nmigration attempts +12 +4 +−8\n/);
    expect(text).toMatch(/\nattempts per installation +3\.000 +1\.000 +−2\.000\n/);
    expect(text).toContain('\ninstallations by migration attempts\nattempts  A  B  B − A\n1         0  4     +4\n3         4  0     −4\n');
    expect(text).toMatch(/\nR +P +8 +0 +−8 +0 +0 +0 +4 +0 +−4\nF +Q +0 +0 +0 +0 +4 +\+4 +0 +0 +0\n/);
    expect(text).toContain('\nexcluded by responsible party\nparty  A  B  B − A\nP      4  0     −4\n');
  });
});
