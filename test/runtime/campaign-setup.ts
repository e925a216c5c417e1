/**
 * The random campaigns the campaign simulator is checked on
 * (campaign-differential.test.ts, campaign-chunks.test.ts): estates,
 * capacities, calendars and resubmission delays, and a random policy
 * (random-policy.ts) given responsible parties and the campaign section.
 */
import fc from 'fast-check';
import type { SeededRandom } from '../../runtime/index.js';
import { build, type Scenario } from './random-policy.js';

export const day = 86_400_000;
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const delayArb = fc.oneof(
  fc.integer({ min: 0, max: 4 * 24 * 60 }).map((minutes) => ({ json: minutes * 60_000 as unknown, draw: () => minutes * 60_000 })),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 })).map(([low, extra]) => ({
    json: { uniform: [`${low}d`, `${low + extra}d`] } as unknown,
    draw: (random: SeededRandom) => low * day + Math.floor(random.next() * (extra * day + 1)),
  })),
  fc.integer({ min: 1, max: 72 }).map((hours) => ({
    json: { exponential: `${hours}h` } as unknown,
    draw: (random: SeededRandom) => Math.floor(-hours * 3_600_000 * Math.log(1 - random.next())),
  })),
);

export const campaignArb = fc.record({
  estate: fc.record({ C: fc.integer({ min: 0, max: 8 }), 'C/G': fc.integer({ min: 0, max: 8 }) }),
  daily: fc.integer({ min: 1, max: 7 }),
  cohortCaps: fc.record({ C: fc.integer({ min: 1, max: 4 }), 'C/G': fc.integer({ min: 1, max: 3 }) }, { requiredKeys: [] }),
  partyCaps: fc.record({ P: fc.integer({ min: 1, max: 2 }), Q: fc.integer({ min: 1, max: 2 }) }, { requiredKeys: [] }),
  working: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
  /** Day 0's date: 2021-01-04 (a Monday) plus this many days. */
  startOffset: fc.integer({ min: 0, max: 6 }),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 4 }),
  delay: delayArb,
  partyDelays: fc.record({ P: delayArb }, { requiredKeys: [] }),
  exclusionAfter: fc.integer({ min: 1, max: 4 }),
});
export type Campaign = typeof campaignArb extends fc.Arbitrary<infer T> ? T : never;

const dateOf = (offset: number): string => new Date(Date.UTC(2021, 0, 4 + offset)).toISOString().slice(0, 10);

/** The scenario's policy with responsible parties on its resubmittable codes, its fault model and the campaign section. */
export function setUp(scenario: Scenario, campaign: Campaign) {
  const built = build({ ...scenario, exclusionAfter: campaign.exclusionAfter });
  const responsible: Record<string, string> = { X2: 'P', X3: 'Q', M1: 'P' };
  const errors = Object.fromEntries(Object.entries(built.policy.errors).map(([code, error]) => [code, { ...error, responsible: responsible[code] ?? null }]));
  const policy = { ...built.policy, errors };
  const faults = {
    ...built.faults,
    campaign: {
      estate: campaign.estate,
      capacity: { daily: campaign.daily, cohorts: campaign.cohortCaps, responsible: campaign.partyCaps },
      calendar: {
        start: dateOf(campaign.startOffset),
        workingDays: campaign.working.map((d) => weekdays[d]),
        holidays: campaign.holidays.map((offset) => dateOf(campaign.startOffset + offset)),
      },
      resubmission: {
        delay: campaign.delay.json,
        responsible: Object.fromEntries(Object.entries(campaign.partyDelays).map(([party, delay]) => [party, { delay: delay.json }])),
      },
    },
  };
  return { policy, faults };
}
