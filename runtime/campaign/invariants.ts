/**
 * The conservation laws every campaign is checked against before it is
 * returned: every installation ends in exactly one final state, attempts
 * add up, and no day exceeds any cap. A violation is a bug in mpol.
 */
import { SimulationBug } from '../simulate/invariants.js';
import type { CampaignResult } from './result.js';

const sum = (values: readonly number[]): number => values.reduce((total, n) => total + n, 0);

export function checkCampaign(result: CampaignResult): void {
  const fail = (problem: string): never => {
    throw new SimulationBug(`campaign: ${problem}`);
  };
  const { outcomes, installations, attempts, daily } = result;
  const ended = outcomes.migrated + outcomes.failed + outcomes.excluded;
  if (ended !== installations) fail(`${ended} installations ended, ${installations} in the estate`);
  for (const population of result.populations) {
    const name = population.group === null ? population.cohort : `${population.cohort}/${population.group}`;
    const finals = population.migrated + population.failed + population.excluded;
    if (finals !== population.installations) fail(`${name}: ${finals} installations ended, ${population.installations} in its estate`);
  }
  if (sum(result.populations.map((p) => p.installations)) !== installations) fail('the populations do not add up to the estate');
  if (sum(daily.submitted) !== installations) fail(`${sum(daily.submitted)} first submissions for ${installations} installations`);
  if (sum(daily.resubmitted) !== attempts.resubmissions) fail(`${sum(daily.resubmitted)} resubmissions scheduled, ${attempts.resubmissions} counted`);
  if (sum(daily.resubmittable) !== attempts.resubmissions) fail(`${sum(daily.resubmittable)} resubmittable failures, ${attempts.resubmissions} resubmissions`);
  if (sum(result.codes.map((c) => c.resubmitted)) !== attempts.resubmissions) fail('resubmissions by code do not add up');
  if (attempts.total !== installations + attempts.resubmissions) fail(`${attempts.total} attempts, ${installations} installations and ${attempts.resubmissions} resubmissions`);
  for (const state of ['migrated', 'failed', 'excluded'] as const) {
    const histogram = sum(attempts.histogram.map((row) => row[state]));
    if (histogram !== outcomes[state]) fail(`the attempts histogram counts ${histogram} ${state}, the outcomes ${outcomes[state]}`);
    if (sum(daily[state]) !== outcomes[state]) fail(`the days count ${sum(daily[state])} ${state}, the outcomes ${outcomes[state]}`);
  }
  if (sum(result.codes.map((c) => c.failed)) !== outcomes.failed) fail('failures by code do not add up');
  if (sum(result.codes.map((c) => c.excluded)) !== outcomes.excluded) fail('exclusions by code do not add up');
  if (sum(result.excludedByResponsible.map((row) => row.count)) !== outcomes.excluded) fail('exclusions by party do not add up');
  daily.capacity.forEach((capacity, day) => {
    const used = (daily.submitted[day] ?? 0) + (daily.resubmitted[day] ?? 0);
    if (used > capacity) fail(`day ${day}: ${used} migrations started, capacity ${capacity}`);
  });
  for (const cap of result.capacity.caps) {
    cap.used.forEach((used, day) => {
      if (used > cap.daily) fail(`day ${day}: ${used} used of the ${cap.kind} cap ${cap.key ?? ''} of ${cap.daily}`);
    });
  }
}
