/**
 * Campaigns (docs/campaign.md): the whole migration of an estate, day by
 * day within a daily capacity, with resubmissions and exclusion, until
 * every installation has migrated, failed for good or been excluded.
 * `campaign.ts` is the entry; `plan.ts` checks the options against the
 * fault model's `campaign` section (../fault-model/campaign.ts);
 * `schedule.ts` decides each day's jobs (`queue.ts` holds the resubmissions
 * waiting, `calendar.ts` the working days) and `outcomes.ts` settles them;
 * `kernel.ts` runs attempts through the compiled flow (`compile.ts`),
 * says how each ended (`attempt-results.ts`) and counts into `tally.ts`; first attempts are made ahead in blocks
 * (`blocks.ts`, `first-attempts.ts`), in this thread or by helpers on other
 * threads (`executor.ts`);
 * `summary.ts`, `result.ts`, `report.ts`, `comparison.ts` and `compare.ts`
 * turn the counts into what a programme manager reads; `replay.ts` runs one installation's
 * attempts through `migrate`, and `invariants.ts` checks that everything
 * adds up.
 */
export { simulateCampaign, type CampaignOptions } from './campaign.js';
export type { CampaignInputs } from './plan.js';
export type { CampaignHelpers, CampaignParallel } from './executor.js';
export { serveFirstAttempts, type BlockGeometry, type HelperSetup } from './blocks.js';
export type { CampaignTally } from './tally.js';
export { campaignInstallation, type CampaignInstallation, type CampaignAttempt } from './replay.js';
export type { CampaignResult, CampaignPopulation, CampaignCode, CampaignSample, CapUse, FinalCounts, FinalState } from './result.js';
export { attemptSeed } from './seed.js';
export { formatCampaign } from './report.js';
export { formatCampaignComparison, formatDifference, type ComparedCampaign } from './compare.js';
export { compareCampaigns, type CampaignComparison, type ComparedCount, type ComparedFigure } from './comparison.js';
export { columns as dayColumns } from './chart.js';
