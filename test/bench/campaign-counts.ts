/**
 * What the campaign bench compares across contenders: final outcomes,
 * attempts, and each per-day series weighted by its day, so the same
 * numbers on other days differ. Equal fingerprints mean the same campaign.
 */
import type { CampaignResult } from '../../runtime/index.js';

export interface CampaignFingerprint {
  readonly outcomes: readonly number[];
  readonly attempts: number;
  readonly days: number;
  readonly series: Readonly<Record<string, readonly [number, number]>>;
}

const seriesNames = ['submitted', 'resubmitted', 'migrated', 'failed', 'excluded', 'resubmittable'] as const;

export function campaignFingerprint(counts: { outcomes: readonly number[]; attempts: number; series: Readonly<Record<string, ArrayLike<number>>> }): CampaignFingerprint {
  let days = 0;
  const series: Record<string, readonly [number, number]> = {};
  for (const name of seriesNames) {
    const values = counts.series[name]!;
    let sum = 0;
    let weighted = 0;
    for (let d = 0; d < values.length; d++) {
      const value = values[d]!;
      sum += value;
      weighted += value * (d + 1);
      if (value > 0 && name !== 'submitted' && name !== 'resubmitted') days = Math.max(days, d + 1);
    }
    series[name] = [sum, weighted];
  }
  return { outcomes: [...counts.outcomes], attempts: counts.attempts, days, series };
}

export function fingerprintOfCampaign(result: CampaignResult): CampaignFingerprint {
  const { migrated, failed, excluded } = result.outcomes;
  return campaignFingerprint({ outcomes: [migrated, failed, excluded], attempts: result.attempts.total, series: result.daily });
}
