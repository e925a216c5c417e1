/**
 * How an attempt ended, written for the scheduler (attempt-results.ts): one
 * whole number per attempt, its outcome. For a final one (migrated, failed
 * for good, excluded), its kind and the day it falls on counted from the
 * attempt's day; for a resubmittable failure, or an attempt that ends too
 * late for the day to be added exactly, a marker, with the exact time of
 * the outcome, the drawn resubmission delay and the responsible party
 * beside it. Everything that does not depend on the day is counted into a
 * tally of whole numbers here.
 */
import { drawDuration } from '../fault-model/fault-handlers.js';
import { dayLength } from './calendar.js';
import type { JobSlots } from './compile.js';
import { AttemptKind, exactEnd, type AttemptResults } from './attempt-results.js';
import type { CampaignPlan } from './plan.js';
import { StreamRandom } from './seed.js';
import { attemptBuckets, emptyTally, offerSample, type CampaignTally } from './tally.js';

export class AttemptClassifier {
  private readonly random = new StreamRandom();

  /** Classifies the attempts the compiled runner wrote into `slots`. */
  constructor(
    private readonly plan: CampaignPlan,
    private readonly slots: JobSlots,
  ) {
    this.warm();
  }

  /**
   * Runs `classify` over made-up outcomes that take each of its branches
   * (migrated, failed, rolled back, resubmittable or not, excluded, an undo
   * failed, an end too late to add to a day), into results and a tally
   * thrown away: V8 then optimises it with feedback for every branch,
   * instead of compiling it again when a rare one first comes.
   */
  private warm(): void {
    const { layout, exclusionAfter } = this.plan;
    const capacity = this.slots.J_index.length;
    const codes = layout.codes.length;
    const rows: [status: number, code: number, attempt: number, undo: number][] = [[0, 0, 1, 0], [0, 0, 2, 0]];
    for (let code = 0; code < codes; code++) {
      for (const status of [1, 2]) for (const attempt of [1, exclusionAfter ?? 2]) for (const undo of [0, 1]) rows.push([status, code, attempt, undo]);
    }
    const out: AttemptResults = { outcome: new Int32Array(capacity), end: new Float64Array(capacity), delay: new Float64Array(capacity), party: new Int32Array(capacity) };
    const tally = emptyTally({ populations: this.plan.simulation.populations.length, codes, samples: this.plan.simulation.samples });
    const { J_index, J_attempt, O_status, O_code, O_end, O_undo, O_state } = this.slots;
    for (let first = 0; first < rows.length; first += capacity) {
      const count = Math.min(capacity, rows.length - first);
      for (let k = 0; k < count; k++) {
        const [status, code, attempt, undo] = rows[first + k]!;
        J_index[k] = first + k;
        J_attempt[k] = attempt;
        O_status[k] = status;
        O_code[k] = code;
        O_end[k] = (first + k) % 7 === 6 ? 2 * exactEnd : (first + k) * 60_000;
        O_undo[k] = undo;
        O_state[k] = first + k;
      }
      this.classify(0, 0, count, out, 0, tally);
    }
  }

  /** Writes how jobs `from .. to - 1` of the slots, all of population `p`, ended into `out` from `at + from` on, and counts them into `tally`. */
  classify(p: number, from: number, to: number, out: AttemptResults, at: number, tally: CampaignTally): void {
    const { J_index, J_attempt, O_status, O_code, O_end, O_undo, O_state } = this.slots;
    const { codeResubmit, codeParty, exclusionAfter, partyDelay, defaultDelay, layout, simulation } = this.plan;
    const codes = layout.codes.length;
    const limit = exclusionAfter ?? Infinity;
    const samples = simulation.samples;
    for (let k = from; k < to; k++) {
      const attempt = J_attempt[k]!;
      const end = O_end[k]!;
      let state: number;
      if (O_status[k] === 0) state = AttemptKind.Migrated;
      else {
        const code = O_code[k]!;
        const excluded = attempt >= limit;
        const resubmit = codeResubmit[code]!;
        if ((resubmit === 1 ? O_undo[k] === 0 : resubmit === 2 && O_status[k] === 2) && !excluded) {
          const party = codeParty[code]!;
          this.random.state = O_state[k]!;
          out.outcome[at + k] = -1 - AttemptKind.Resubmittable;
          out.end[at + k] = end;
          out.delay[at + k] = drawDuration(party >= 0 ? partyDelay[party]! : defaultDelay, this.random);
          out.party[at + k] = party;
          tally.resubmitted[p * codes + code]!++;
          continue;
        }
        state = excluded ? AttemptKind.Excluded : AttemptKind.Failed;
        tally.finalCodes[(p * 2 + state - 1) * codes + code]!++;
        if (state === AttemptKind.Failed && O_undo[k] === 1) tally.undoFailed[p]!++;
        offerSample(tally, samples, 2 + (state - 1) * codes + code, J_index[k]!, attempt);
      }
      if (state === AttemptKind.Migrated) offerSample(tally, samples, attempt === 1 ? 0 : 1, J_index[k]!, attempt);
      if (end <= exactEnd) out.outcome[at + k] = state + 4 * Math.floor(end / dayLength);
      else {
        out.outcome[at + k] = -1 - state;
        out.end[at + k] = end;
      }
      tally.finals[p * 3 + state]!++;
      tally.attempts[state * (attemptBuckets + 1) + (attempt < attemptBuckets ? attempt : attemptBuckets)]!++;
      tally.attemptSum[state]! += attempt;
      if (attempt > tally.attemptMax[0]!) tally.attemptMax[0] = attempt;
    }
  }
}
