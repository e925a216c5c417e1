/**
 * The invariants every simulation is checked against before it is returned.
 * A violation is a bug in mpol, never a property of the policy or the fault
 * model, so it throws instead of becoming a number in a report.
 */
import type { PopulationSummary, SimulationResult } from './result.js';

/** Thrown when a simulation breaks an invariant: always a bug in mpol. */
export class SimulationBug extends Error {
  override readonly name = 'SimulationBug';

  constructor(problem: string) {
    super(
      `mpol simulate: internal invariant violated: ${problem}. ` +
        'This is a bug in mpol, not in your policy or fault model. Please report it to the mpol maintainers ' +
        '(open an issue in the mpol repository) with this message, the policy, the fault model and the simulation options, ' +
        'including the seed, so it can be reproduced.',
    );
  }
}

const add = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

function checkSummary(summary: PopulationSummary, name: string): void {
  const { outcomes, installations } = summary;
  const ended = outcomes.migrated + outcomes.failed + outcomes['rolled-back'];
  if (ended !== installations) throw new SimulationBug(`${name}: ${ended} outcomes for ${installations} installations started`);
  const failures = outcomes.failed + outcomes['rolled-back'];
  if (add(summary.codes) !== failures) throw new SimulationBug(`${name}: codes add up to ${add(summary.codes)}, failures to ${failures}`);
  if (add(summary.causes) !== failures) throw new SimulationBug(`${name}: causes add up to ${add(summary.causes)}, failures to ${failures}`);
  if (add(summary.failedAt) !== failures) throw new SimulationBug(`${name}: failed steps add up to ${add(summary.failedAt)}, failures to ${failures}`);
  if (add(summary.attempts.histogram) !== installations) throw new SimulationBug(`${name}: the attempts histogram counts ${add(summary.attempts.histogram)} installations of ${installations}`);
  if (summary.timeToOutcome.all.count !== installations) throw new SimulationBug(`${name}: ${summary.timeToOutcome.all.count} times to outcome for ${installations} installations`);
  const binned = summary.timeToOutcome.distribution.reduce((total, bin) => total + bin.migrated + bin.failed + bin['rolled-back'], 0);
  if (binned !== installations) throw new SimulationBug(`${name}: the time-to-outcome distribution counts ${binned} installations of ${installations}`);
  const { started, rolledBack, undoFailed } = summary.rollbacks;
  if (rolledBack + undoFailed !== started) throw new SimulationBug(`${name}: ${started} rollbacks started, ${rolledBack + undoFailed} ended`);
  if (add(summary.incidents.resolvedBy) + summary.incidents.unresolved > summary.incidents.raised) throw new SimulationBug(`${name}: more incidents ended than were raised`);
}

/**
 * Checks a result: outcomes add up to the installations started, in total
 * and per population, and every other count agrees with the outcomes.
 * `expected` is how many installations the options asked for.
 */
export function checkInvariants(result: SimulationResult, expected: number, maxSamples: number): void {
  if (result.installations !== expected) throw new SimulationBug(`${result.installations} installations started, ${expected} asked for`);
  if (result.total.installations !== expected) throw new SimulationBug(`the total counts ${result.total.installations} installations, ${expected} started`);
  checkSummary(result.total, 'total');
  let populations = 0;
  for (const summary of result.populations) {
    checkSummary(summary, summary.group === null ? `${summary.cohort}` : `${summary.cohort}/${summary.group}`);
    populations += summary.installations;
  }
  if (populations !== expected) throw new SimulationBug(`populations add up to ${populations} installations, ${expected} started`);
  if (result.samples.length > maxSamples) throw new SimulationBug(`${result.samples.length} samples kept, at most ${maxSamples} allowed`);
}
