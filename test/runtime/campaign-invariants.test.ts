/**
 * `checkCampaign`, the conservation laws every campaign is held to before it
 * is returned: a real result passes, and each law broken once is reported
 * as a bug naming what does not add up.
 */
import { describe, expect, it } from 'vitest';
import { SimulationBug, simulateCampaign, type CampaignResult } from '../../runtime/index.js';
import { checkCampaign } from '../../runtime/campaign/invariants.js';
import { fail, policy, step } from './builder.js';

const onePolicy = {
  ...policy([step('Migrate', { onFailure: fail('R'), mayFail: ['R', 'F'] })], {
    errors: { R: { resubmit: true, responsible: 'P' }, F: { resubmit: false, responsible: 'Q' } },
    exclusionAfter: 3,
  }),
  parties: { P: { title: 'P' }, Q: { title: 'Q' } },
};
const result = await simulateCampaign(onePolicy, { faults: { steps: { Migrate: { permanent: 0.5, codes: { R: 0.8, F: 0.2 } } }, campaign: { capacity: { daily: 5, responsible: { P: 2 } } } }, estate: { C: 40 }, seed: 3 });

type Mutable = { -readonly [K in keyof CampaignResult]: any };
const broken = (change: (copy: Mutable) => void): CampaignResult => {
  const copy = structuredClone(result) as Mutable;
  change(copy);
  return copy as CampaignResult;
};

describe('checkCampaign', () => {
  it('passes a campaign that adds up, with failures, resubmissions and exclusions in it', () => {
    expect(result.outcomes.failed).toBeGreaterThan(0);
    expect(result.outcomes.excluded).toBeGreaterThan(0);
    expect(() => checkCampaign(result)).not.toThrow();
  });

  const laws: [string, (copy: Mutable) => void, RegExp][] = [
    ['an installation lost', (c) => (c.outcomes = { ...c.outcomes, migrated: c.outcomes.migrated - 1 }), /installations ended, 40 in the estate/],
    ['an installation counted twice in a population', (c) => (c.populations = [{ ...c.populations[0], failed: c.populations[0].failed + 1 }]), /C: 41 installations ended/],
    ['a first submission missing', (c) => (c.daily = { ...c.daily, submitted: c.daily.submitted.map((n: number, d: number) => (d === 0 ? n - 1 : n)) }), /first submissions for 40 installations/],
    ['a resubmission not scheduled', (c) => (c.attempts = { ...c.attempts, resubmissions: c.attempts.resubmissions + 1 }), /resubmissions scheduled/],
    ['attempts that do not add up', (c) => (c.attempts = { ...c.attempts, total: c.attempts.total + 1 }), /attempts, 40 installations and/],
    ['a day over its capacity', (c) => (c.daily = { ...c.daily, capacity: c.daily.capacity.map((n: number, d: number) => (d === 0 ? n - 1 : n)) }), /day 0: 5 migrations started, capacity 4/],
    ['a cap exceeded', (c) => (c.capacity = { ...c.capacity, caps: c.capacity.caps.map((cap: { daily: number }, i: number) => (i === 1 ? { ...cap, daily: 0 } : cap)) }), /used of the responsible cap P of 0/],
    ['an exclusion without its party', (c) => (c.excludedByResponsible = []), /exclusions by party do not add up/],
  ];
  for (const [what, change, message] of laws) {
    it(`reports ${what} as a bug`, () => {
      expect(() => checkCampaign(broken(change))).toThrow(SimulationBug);
      expect(() => checkCampaign(broken(change))).toThrow(message);
    });
  }
});
