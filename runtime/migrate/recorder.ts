/**
 * Where a run records its timeline. Unlimited by default; with a limit
 * (`timelineLimit`, and the replays of a simulation's samples) it keeps the
 * first events and the last ones, with one `omitted` event between them
 * saying how many were left out, so a run holds a bounded timeline however
 * many attempts it makes.
 */
import type { TimelineEvent } from '../timeline.js';

export class TimelineRecorder {
  private readonly head: TimelineEvent[] = [];
  /** The newest events once the head is full, as a ring of `tailSize`. */
  private readonly tail: TimelineEvent[] = [];
  private tailStart = 0;
  private total = 0;
  /** When the first event after the head happened: the first one left out, if any are. */
  private firstAfterHead = 0;
  private readonly headSize: number;
  private readonly tailSize: number;

  /** `limit` counts every event kept, the `omitted` one included; at least 3, or `Infinity`. */
  constructor(private readonly limit: number) {
    this.headSize = limit === Infinity ? Infinity : Math.floor((limit - 1) / 2);
    // One more than is shown after an `omitted` event, so a timeline of exactly `limit` events is kept whole.
    this.tailSize = limit === Infinity ? 0 : limit - this.headSize;
  }

  record(event: TimelineEvent): void {
    this.total += 1;
    if (this.head.length < this.headSize) {
      this.head.push(event);
      return;
    }
    if (this.tail.length === 0) this.firstAfterHead = event.at;
    if (this.tail.length < this.tailSize) {
      this.tail.push(event);
      return;
    }
    // The ring is full: its oldest event is left out.
    this.tail[this.tailStart] = event;
    this.tailStart = (this.tailStart + 1) % this.tailSize;
  }

  /** The events kept, in order. */
  events(): TimelineEvent[] {
    if (this.tailSize === 0) return this.head;
    const tail = [...this.tail.slice(this.tailStart), ...this.tail.slice(0, this.tailStart)];
    if (this.total <= this.limit) return [...this.head, ...tail];
    const shown = tail.slice(1);
    const omitted = this.total - this.head.length - shown.length;
    const marker: TimelineEvent = { at: this.firstAfterHead, kind: 'omitted', detail: `${omitted.toLocaleString('en-GB')} events` };
    return [...this.head, marker, ...shown];
  }
}
