/**
 * Timelines for the sampled installations: each is run again through
 * `migrate` (simulate-one.ts) with the same draws. Its outcome must be the
 * one the compiled simulator counted; a difference is a bug, reported as
 * such, so every simulation checks the compiled code against the executor.
 */
import type { Outcome } from '../outcome.js';
import type { CompiledPolicy } from '../policy.js';
import { SimulationBug } from './invariants.js';
import { replayInstallation } from './simulate-one.js';
import type { PreparedSimulation } from './options.js';
import type { SampleTimeline } from './result.js';
import type { FlowLayout } from './source.js';
import { statuses, type SampleBuffer } from './tally.js';
import type { TimelineEvent } from '../timeline.js';

/**
 * The most events a sample's timeline keeps: its first 499 and last 500,
 * with an `omitted` event between them. A step may make 10,000 attempts, so
 * a sample of a long flow could otherwise hold millions of events.
 */
export const sampleTimelineLimit = 1000;

export async function sampleTimelines<I, H, C extends string>(
  policy: CompiledPolicy<I, H, C>,
  prepared: PreparedSimulation<I>,
  layout: FlowLayout,
  buffer: SampleBuffer,
): Promise<SampleTimeline[]> {
  const samples: SampleTimeline[] = [];
  for (let n = 0; n < buffer.S_count[0]!; n++) {
    const index = buffer.S_index[n]!;
    const run = await replayInstallation(policy, prepared, index, sampleTimelineLimit);
    const counted = describe(statuses[buffer.S_status[n]!]!, layout.codes[buffer.S_code[n]!] ?? null, buffer.S_at[n]!);
    const outcome = run.result.outcome;
    const replayed = describe(outcome.status, outcome.status === 'migrated' ? null : outcome.code, outcome.at);
    if (counted !== replayed) {
      throw new SimulationBug(`installation ${index}: the compiled simulator counted ${counted}, \`migrate\` with the same draws gives ${replayed}`);
    }
    samples.push({
      index,
      cohort: run.cohort,
      group: run.group,
      installation: run.installation,
      seed: run.seed,
      outcome,
      timeline: run.result.timeline.map(plain),
    });
  }
  return samples;
}

const describe = (status: Outcome['status'], code: string | null, at: number): string =>
  `${status}${code === null ? '' : ` ${code}`} at ${at}ms`;

/** The event without its unset fields, so the JSON shows only what happened. */
function plain(event: TimelineEvent): TimelineEvent {
  const { at, kind, step, attempt, detail } = event;
  return {
    at,
    kind,
    ...(step === undefined ? {} : { step }),
    ...(attempt === undefined ? {} : { attempt }),
    ...(detail === undefined ? {} : { detail }),
  };
}
