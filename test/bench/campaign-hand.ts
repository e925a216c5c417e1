/**
 * The bench campaign (campaign-policy.ts) written by hand as one tight
 * single-thread loop: the scheduler of docs/campaign.md for this campaign
 * (one daily cap, Monday to Friday, one delay for every failure) over
 * typed arrays, the flow of simulate-hand.ts, the same seeds and draws. Its
 * fingerprint must equal `simulateCampaign`'s.
 */
import { benchCodes } from './simulate-policy.js';
import { daily, day, delayHigh, delayLow } from './campaign-policy.js';
import { flowOut, runFlow } from './simulate-hand.js';
import { campaignFingerprint, type CampaignFingerprint } from './campaign-counts.js';
import { attemptSeed } from '../../runtime/campaign/seed.js';
import { jitterSeed } from '../../runtime/simulate/seed.js';

const exclusionAfter = 5;
const resubmit = Uint8Array.from(benchCodes, (code) => (code === 'B100' ? 0 : 1));

/** A growable list of (index, attempt, population). */
class Jobs {
  index = new Float64Array(1024);
  attempt = new Int32Array(1024);
  population = new Int32Array(1024);
  length = 0;

  push(index: number, attempt: number, population: number): void {
    if (this.length === this.index.length) {
      const grow = <T extends Float64Array | Int32Array>(array: T, make: (n: number) => T): T => {
        const grown = make(array.length * 2);
        grown.set(array);
        return grown;
      };
      this.index = grow(this.index, (n) => new Float64Array(n));
      this.attempt = grow(this.attempt, (n) => new Int32Array(n));
      this.population = grow(this.population, (n) => new Int32Array(n));
    }
    this.index[this.length] = index;
    this.attempt[this.length] = attempt;
    this.population[this.length++] = population;
  }
}

/** A per-day series of counts. */
class Days {
  values = new Float64Array(1024);

  add(at: number): void {
    if (at >= this.values.length) {
      const grown = new Float64Array(Math.max(at + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[at]!++;
  }
}

export function runHandCampaign(seed: number, estate: readonly number[]): CampaignFingerprint {
  const populations = estate.length;
  const first = estate.map((_, p) => estate.slice(0, p).reduce((sum, n) => sum + n, 0));
  const next = first.slice();
  const buckets = new Map<number, Jobs>();
  let waiting = new Jobs();
  let head = 0;
  const today = Array.from({ length: populations }, () => new Jobs());
  const series = { submitted: new Days(), resubmitted: new Days(), migrated: new Days(), failed: new Days(), excluded: new Days(), resubmittable: new Days() };
  const outcomes = [0, 0, 0];
  let attemptsTotal = 0;
  let open = estate.reduce((sum, n) => sum + n, 0);
  for (let d = 0; open > 0; d++) {
    if (d % 7 >= 5) continue;
    const due = buckets.get(d);
    if (due !== undefined) {
      buckets.delete(d);
      if (head > 0) {
        const rest = new Jobs();
        for (let n = head; n < waiting.length; n++) rest.push(waiting.index[n]!, waiting.attempt[n]!, waiting.population[n]!);
        waiting = rest;
        head = 0;
      }
      for (let n = 0; n < due.length; n++) waiting.push(due.index[n]!, due.attempt[n]!, due.population[n]!);
    }
    let room = daily;
    // Resubmissions first, front of the line first; then new installations, population by population.
    while (room > 0 && head < waiting.length) {
      today[waiting.population[head]!]!.push(waiting.index[head]!, waiting.attempt[head]!, waiting.population[head]!);
      head++;
      room--;
    }
    const dayStart = d * day;
    for (let p = 0; p < populations; p++) {
      const jobs = today[p]!;
      const fresh = Math.min(first[p]! + estate[p]! - next[p]!, room);
      room -= fresh;
      for (let k = 0; k < jobs.length + fresh; k++) {
        const resubmission = k < jobs.length;
        const index = resubmission ? jobs.index[k]! : next[p]!++;
        const attempt = resubmission ? jobs.attempt[k]! : 1;
        if (resubmission) series.resubmitted.add(d);
        else series.submitted.add(d);
        attemptsTotal++;
        const f = attemptSeed(seed, index, attempt);
        runFlow(f, jitterSeed(f));
        const outcomeDay = d + Math.floor(flowOut.now / day);
        if (flowOut.status === 0) {
          outcomes[0]!++;
          series.migrated.add(outcomeDay);
          open--;
          continue;
        }
        if (resubmit[flowOut.code] === 1 && attempt < exclusionAfter) {
          // The delay is the next draw of the attempt's fault stream.
          const state = (flowOut.f + 0x9e3779b9) | 0;
          let r = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
          r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
          const u = ((r ^ (r >>> 16)) >>> 0) / 4294967296;
          const at = dayStart + flowOut.now + delayLow + Math.floor(u * (delayHigh - delayLow + 1));
          let eligible = Math.max(d + 1, Math.ceil(at / day));
          while (eligible % 7 >= 5) eligible++;
          let bucket = buckets.get(eligible);
          if (bucket === undefined) buckets.set(eligible, (bucket = new Jobs()));
          bucket.push(index, attempt + 1, p);
          series.resubmittable.add(outcomeDay);
          continue;
        }
        const excluded = attempt >= exclusionAfter;
        outcomes[excluded ? 2 : 1]!++;
        (excluded ? series.excluded : series.failed).add(outcomeDay);
        open--;
      }
      jobs.length = 0;
    }
  }
  return campaignFingerprint({
    outcomes,
    attempts: attemptsTotal,
    series: Object.fromEntries(Object.entries(series).map(([name, days]) => [name, days.values])),
  });
}
