/**
 * Day arithmetic for the date facet, on `YYYY-MM-DD` strings in UTC (the index's dates are UTC
 * days): the quick ranges.
 */

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

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
