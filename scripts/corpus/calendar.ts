/**
 * When articles are published. Each day gets a weight: a steady growth of the archive over the
 * years, busy and quiet months, quieter weekends, day-to-day noise and a surge around events.
 * Article i is then placed at the (i + jitter) / N quantile of that distribution (stratified
 * sampling), so dates rise with the index: numbered file names follow time like a real archive's,
 * and each month's articles come out together, which lets the writer fill one folder at a time.
 */
import type { CorpusEvent } from './events.ts';
import { Rng, WeightedTable } from './random.ts';

const DAY_MS = 24 * 3600 * 1000;
/** Yearly growth of the archive's volume (×1.2 a year: ×5 over ten years). */
const YEARLY_GROWTH = 1.2;
/** Share of months that are much busier than usual (elections, crises). */
const BUSY_MONTH_SHARE = 0.12;
/** Weekday factors, Sunday first: weekend news desks publish less. */
const WEEKDAY_FACTOR = [0.55, 1, 1.05, 1.05, 1, 0.95, 0.65];
/** Extra volume on the days an event is covered. */
const EVENT_DAY_FACTOR = 1.8;
/** Local-time publishing profile by hour (0–23): quiet at night, busiest mid-morning. */
const HOUR_PROFILE = [0.2, 0.1, 0.08, 0.08, 0.1, 0.3, 0.6, 1, 1.4, 1.6, 1.6, 1.5, 1.2, 1.3, 1.4, 1.4, 1.3, 1.2, 1, 0.9, 0.8, 0.7, 0.5, 0.3];
const HOUR_TABLE = new WeightedTable(HOUR_PROFILE);

/** The publishing calendar of one corpus. */
export class Calendar {
  private readonly table: WeightedTable;
  private readonly eventsByDay = new Map<number, CorpusEvent[]>();
  private readonly months: string[] = [];

  /**
   * @param seed corpus seed; @param startMillis midnight UTC of the first day;
   * @param days number of days (the last day included); @param events events to boost and index.
   */
  constructor(
    seed: number,
    readonly startMillis: number,
    readonly days: number,
    readonly events: readonly CorpusEvent[],
  ) {
    const rng = new Rng(seed, 0xca1e);
    for (const event of events) {
      for (let day = event.firstDay; day <= event.lastDay; day++) {
        const list = this.eventsByDay.get(day) ?? [];
        list.push(event);
        this.eventsByDay.set(day, list);
      }
    }
    const monthFactor = new Map<string, number>();
    const weights = new Float64Array(days);
    for (let day = 0; day < days; day++) {
      const date = new Date(startMillis + day * DAY_MS);
      const month = date.toISOString().slice(0, 7);
      this.months.push(month.replace('-', '/'));
      let factor = monthFactor.get(month);
      if (factor === undefined) {
        factor = rng.chance(BUSY_MONTH_SHARE) ? 1.8 + rng.next() * 1.7 : rng.logNormal(1, 0.15);
        monthFactor.set(month, factor);
      }
      const growth = Math.pow(YEARLY_GROWTH, (day * DAY_MS) / (365.25 * DAY_MS));
      const eventFactor = this.eventsByDay.has(day) ? EVENT_DAY_FACTOR : 1;
      weights[day] = growth * factor * WEEKDAY_FACTOR[date.getUTCDay()]! * eventFactor * rng.logNormal(1, 0.25);
    }
    this.table = new WeightedTable(weights);
  }

  /** The day index at quantile `u` (0 ≤ u < 1) of the volume distribution. */
  dayAt(u: number): number {
    return this.table.locate(u);
  }

  /** `YYYY/MM` (UTC) of a day index: the folder its articles go to. */
  monthOf(day: number): string {
    return this.months[day]!;
  }

  /** Midnight UTC of a day index. */
  dayStart(day: number): number {
    return this.startMillis + day * DAY_MS;
  }

  /** Events covered on a day (usually none). */
  eventsOn(day: number): readonly CorpusEvent[] {
    return this.eventsByDay.get(day) ?? [];
  }

  /**
   * A publication time within a UTC day for an outlet `utcOffset` hours from UTC: hours follow
   * the outlet's local working day, so Paris and Beijing desks publish at different UTC hours.
   */
  timeOfDay(rng: Rng, day: number, utcOffset: number): number {
    const localHour = HOUR_TABLE.sample(rng);
    const utcHour = (((localHour - utcOffset) % 24) + 24) % 24;
    return this.dayStart(day) + utcHour * 3600_000 + rng.int(3600) * 1000 + rng.int(1000);
  }
}
