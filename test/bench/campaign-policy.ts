/**
 * The campaign `npm run bench:campaign` plays: the bench's eight-step flow
 * (simulate-policy.ts) in the cohorts of MEHRS, over the whole SMETS1
 * estate in the proportions of MEHRS v2.1's fault model (13 million, MOC
 * Secure over 4 million: public; the rest of the split: assumed), 31,000
 * migrations a working day (public), Monday to Friday, resubmissions due
 * one to five days after a failure (assumed), exclusion after five failed
 * attempts (the bench policy's, as MEHRS proposes).
 */
import type { CompiledPolicy } from '../../runtime/index.js';
import { benchFaults, benchPolicy } from './simulate-policy.js';

export const day = 86_400_000;

export const campaignPolicy: CompiledPolicy<unknown, unknown, string> = {
  ...benchPolicy,
  name: 'Bench8Campaign',
  cohorts: {
    IOC: { title: 'Initial Operating Capability', groups: [] },
    MOC_MDS: { title: 'Middle Operating Capability, MDS', groups: [] },
    MOC_Secure: { title: 'Middle Operating Capability, Secure', groups: ['DA'] },
    FOC: { title: 'Final Operating Capability', groups: [] },
  },
};

/** The whole estate, per population in policy order (each cohort before its groups). */
const wholeEstate: readonly [string, number][] = [
  ['IOC', 1_000_000],
  ['MOC_MDS', 1_600_000],
  ['MOC_Secure', 850_000],
  ['MOC_Secure/DA', 3_400_000],
  ['FOC', 6_150_000],
];

/** `count` installations in the whole estate's proportions, the rounding in the last population. */
export function estateOf(count: number): [string, number][] {
  const total = wholeEstate.reduce((sum, [, n]) => sum + n, 0);
  const scaled = wholeEstate.map(([key, n]): [string, number] => [key, Math.floor((n * count) / total)]);
  scaled[scaled.length - 1]![1] += count - scaled.reduce((sum, [, n]) => sum + n, 0);
  return scaled;
}

export const daily = 31_000;
export const delayLow = 1 * day;
export const delayHigh = 5 * day;

export const campaignFaults = {
  ...benchFaults,
  campaign: {
    capacity: { daily },
    resubmission: { delay: { uniform: ['1d', '5d'] } },
  },
};
