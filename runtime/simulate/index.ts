/**
 * Simulation (docs/simulation.md): many installations against a fault
 * model, on virtual time. `simulate.ts` is the entry; `options.ts` checks
 * what a caller asks for; `source.ts`, `compile*.ts` and `warm-up.ts` turn
 * the flow into one specialised function per population that counts into
 * the typed arrays of `tally.ts`; `summary.ts`, `result.ts` and `histogram.ts`
 * turn the counts into the result, `summary-tables.ts` into the tables a
 * migration manager reads and `report.ts` into text, Markdown and CSV;
 * `samples.ts` re-runs sampled installations through the executor
 * (`simulate-one.ts`) and `invariants.ts` checks that the outcomes add up.
 */
export { simulate } from './simulate.js';
export { simulateOne, type SimulatedInstallation } from './simulate-one.js';
export type { SimulationOptions, InstallationGenerator, GeneratedInstallation } from './options.js';
export type { SimulationResult, PopulationSummary, OutcomeCounts, SampleTimeline, Percentiles, TimeBin } from './result.js';
export {
  formatSummary,
  formatSummaryMarkdown,
  formatSummaryCsv,
  summaryTables,
  formatCount,
  formatRoundedTime,
  formatShare,
  summaryName,
  type SummaryContext,
  type SummaryReport,
  type SummaryTable,
  type SummaryColumn,
  type SummaryCell,
} from './report.js';
export { SimulationBug } from './invariants.js';
export { installationSeed, jitterSeed } from './seed.js';
