/**
 * Simulation (docs/simulation.md): many installations against a fault
 * model, on virtual time. `simulate.ts` is the entry; `options.ts` checks
 * what a caller asks for; `source.ts`, `compile*.ts` and `warm-up.ts` turn
 * the flow into one specialised function per population that counts into
 * the typed arrays of `tally.ts`; `summary.ts`, `result.ts`, `histogram.ts`
 * and `report.ts` turn the counts into what a migration manager reads;
 * `samples.ts` re-runs sampled installations through the executor
 * (`simulate-one.ts`) and `invariants.ts` checks that the outcomes add up.
 */
export { simulate } from './simulate.js';
export { simulateOne, type SimulatedInstallation } from './simulate-one.js';
export type { SimulationOptions, InstallationGenerator, GeneratedInstallation } from './options.js';
export type { SimulationResult, PopulationSummary, OutcomeCounts, SampleTimeline, Percentiles, TimeBin } from './result.js';
export { formatSummary, formatCount, formatRoundedTime, summaryName } from './report.js';
export { SimulationBug } from './invariants.js';
export { installationSeed, jitterSeed } from './seed.js';
