/**
 * Day arithmetic for the date facet, on `YYYY-MM-DD` strings in UTC (the index's dates are UTC
 * days): quick ranges, histogram buckets and their day ranges.
 */

/** A bucket of the histogram and its count (0 for the gaps between non-empty buckets). */
export interface DateBucket {
  key: string;
  count: number;
}

/** Ranges a visitor can pick with one click. */
export type QuickRange = 'week' | 'month' | 'year';

/**
 * The past week, month or year, counted back from `last` (included): the archive's newest
 * article, NOT today, because archives are old and "the past week" from today would be empty.
 *
 * @example quickRange('2020-09-23', 'week') // { from: '2020-09-17', to: '2020-09-23' }
 */
export function quickRange(last: string, span: QuickRange): { from: string; to: string } {
  const end = toDate(last);
  const start = new Date(end);
  if (span === 'week') start.setUTCDate(start.getUTCDate() - 6);
  else if (span === 'month') start.setUTCMonth(start.getUTCMonth() - 1, start.getUTCDate() + 1);
  else start.setUTCFullYear(start.getUTCFullYear() - 1, start.getUTCMonth(), start.getUTCDate() + 1);
  return { from: toDay(start), to: last };
}

/**
 * Every bucket from the first to the last non-empty one, gaps included with count 0, so the
 * histogram's x axis is time.
 *
 * @example fillBuckets({ '2020-07': 3, '2020-09': 1 }) // 2020-07: 3, 2020-08: 0, 2020-09: 1
 */
export function fillBuckets(counts: Readonly<Record<string, number>>): DateBucket[] {
  const keys = Object.keys(counts).sort();
  if (keys.length === 0) return [];
  const buckets: DateBucket[] = [];
  for (let key = keys[0]!; key <= keys.at(-1)!; key = nextBucket(key)) buckets.push({ key, count: counts[key] ?? 0 });
  return buckets;
}

/**
 * First and last day of a bucket (`YYYY` or `YYYY-MM`).
 *
 * @example bucketDays('2020-02') // { from: '2020-02-01', to: '2020-02-29' }
 */
export function bucketDays(key: string): { from: string; to: string } {
  if (key.length === 4) return { from: `${key}-01-01`, to: `${key}-12-31` };
  const [year, month] = key.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0));
  return { from: `${key}-01`, to: toDay(last) };
}

/** True when the bucket overlaps the range (open ends are ''). */
export function bucketInRange(key: string, from: string, to: string): boolean {
  const days = bucketDays(key);
  return (!from || days.to >= from) && (!to || days.from <= to);
}

function nextBucket(key: string): string {
  if (key.length === 4) return String(Number(key) + 1);
  const [year, month] = key.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
