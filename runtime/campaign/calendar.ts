/**
 * The campaign's calendar: days numbered from 0, each `dayLength` of virtual
 * time, some of them working days on which migrations start. Every
 * migration scheduled on a day starts at the start of that day.
 */
import { dateOfDay, dayOfDate, weekdays } from '../fault-model/campaign.js';
import type { CampaignCalendar } from '../fault-model/fault-model.js';

export const dayLength = 86_400_000;

export class Calendar {
  private readonly holidays: ReadonlySet<number>;
  /** The weekday of day 0, Monday = 0. */
  private readonly firstWeekday: number;
  private readonly firstDate: number | null;

  constructor(readonly model: CampaignCalendar) {
    this.holidays = new Set(model.holidays);
    this.firstDate = model.start === null ? null : dayOfDate(model.start);
    // 1970-01-01 was a Thursday (3, counting from Monday).
    this.firstWeekday = this.firstDate === null ? 0 : (this.firstDate + 3) % 7;
  }

  isWorking(day: number): boolean {
    return this.model.working[(this.firstWeekday + day) % 7]! && !this.holidays.has(day);
  }

  /** The first working day from `day` on. */
  nextWorking(day: number): number {
    let next = day;
    while (!this.isWorking(next)) next++;
    return next;
  }

  /** The date of a day (`YYYY-MM-DD`), or `null` when the calendar has no start date. */
  dateOf(day: number): string | null {
    return this.firstDate === null ? null : dateOfDay(this.firstDate + day);
  }

  /** The working weekdays, as the model writes them. */
  workingWeekdays(): string[] {
    return weekdays.filter((_, index) => this.model.working[index]);
  }
}
