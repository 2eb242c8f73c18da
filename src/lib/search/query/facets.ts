import { dayToIso, type DocsTable } from '../format/docs-table.ts';
import type { Facets } from '../types.ts';

/** Filters resolved against the docs table. */
export interface ResolvedFilters {
  /** Allowed outlet positions, or null for all. */
  outlets: Set<number> | null;
  /** Inclusive day-number range; 0 / Infinity when open. */
  fromDay: number;
  toDay: number;
}

/** Spans up to this many days are bucketed by month, longer ones by year. */
const MONTH_BUCKET_MAX_DAYS = 3 * 366;

/** True when article `n` passes the outlet filter. */
export function passesOutlet(docs: DocsTable, n: number, filters: ResolvedFilters): boolean {
  return filters.outlets === null || filters.outlets.has(docs.outlet[n]!);
}

/** True when article `n` passes the date filter (undated articles pass only when no date filter is set). */
export function passesDate(docs: DocsTable, n: number, filters: ResolvedFilters): boolean {
  if (filters.fromDay === 0 && filters.toDay === Infinity) return true;
  const day = docs.day[n]!;
  return day !== 0 && day >= filters.fromDay && day <= filters.toDay;
}

/**
 * Counts the candidates by outlet and by date bucket, disjunctively: outlet counts apply the date
 * filter but not the outlet filter (so a visitor sees what selecting another outlet adds), date
 * counts apply the outlet filter but not the date filter (so the histogram shows the context
 * around the selected range). With `withDays`, the date counts by day as well (`Facets.days`).
 */
export function countFacets(candidates: Iterable<number>, docs: DocsTable, outletNames: readonly string[], filters: ResolvedFilters, withDays = false): Facets {
  const outletCounts = new Uint32Array(outletNames.length);
  const days: number[] = [];
  for (const n of candidates) {
    if (passesDate(docs, n, filters)) outletCounts[docs.outlet[n]!]!++;
    if (passesOutlet(docs, n, filters) && docs.day[n]! !== 0) days.push(docs.day[n]!);
  }
  const outlets: Record<string, number> = {};
  outletCounts.forEach((count, i) => {
    if (count > 0) outlets[outletNames[i]!] = count;
  });

  let min = Infinity;
  let max = -Infinity;
  for (const day of days) {
    if (day < min) min = day;
    if (day > max) max = day;
  }
  const dateBucket = max - min <= MONTH_BUCKET_MAX_DAYS ? 'month' : 'year';
  const width = dateBucket === 'month' ? 7 : 4;
  // Count by day first: formatting a date per article is the slow part with thousands of hits.
  const byDay = new Map<number, number>();
  for (const day of days) byDay.set(day, (byDay.get(day) ?? 0) + 1);
  const counts = new Map<string, number>();
  const perDay: Record<string, number> = {};
  for (const [day, count] of byDay) {
    const iso = dayToIso(day);
    const bucket = iso.slice(0, width);
    counts.set(bucket, (counts.get(bucket) ?? 0) + count);
    if (withDays) perDay[iso] = count;
  }
  const dates = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
  return withDays ? { outlets, dates, dateBucket, days: perDay } : { outlets, dates, dateBucket };
}
