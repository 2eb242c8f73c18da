import { dayToIso, type DocsTable } from '../format/docs-table.ts';
import type { Facets } from '../types.ts';

/**
 * Filters resolved against the docs table. Categorical facets are numbered as the table stores
 * them: 0 is the outlet (`DocsTable.outlet`), `i + 1` the table's column `i`.
 */
export interface ResolvedFilters {
  /** Per facet, the allowed value codes, or null for all. */
  categorical: ReadonlyArray<ReadonlySet<number> | null>;
  /** Inclusive day-number range; 0 / Infinity when open. */
  fromDay: number;
  toDay: number;
}

/** What to count: per facet (numbered as in `ResolvedFilters`), its name and its value names by code. */
export interface FacetNames {
  names: readonly string[];
  /**
   * Value names by code; null when they are not loaded: the facet is counted by code
   * (`Facets.byCode`) when `codes` says how many it has, else left out of the counts.
   */
  values: ReadonlyArray<readonly string[] | null>;
  /** Per facet, how many codes it has (a facet counted by code needs it). */
  codes?: ReadonlyArray<number>;
  /** Per facet, its values' traditional forms by code where loaded: a filter may name a value by one. */
  traditional?: ReadonlyArray<Readonly<Record<number, string>> | null>;
}

/** No filter at all: every article passes. */
export const NO_FILTERS: ResolvedFilters = { categorical: [], fromDay: 0, toDay: Infinity };

/** Spans up to this many days are bucketed by month, longer ones by year. */
const MONTH_BUCKET_MAX_DAYS = 3 * 366;

/** The value codes article `n` holds in facet `facet`. */
function valuesOf(docs: DocsTable, facet: number, n: number): readonly number[] | number {
  return facet === 0 ? docs.outlet[n]! : (docs.columns[facet - 1]?.[n] ?? []);
}

/** True when article `n` passes the filter of categorical facet `facet` (any of its values selected). */
function passesFacet(docs: DocsTable, facet: number, n: number, filters: ResolvedFilters): boolean {
  const allowed = filters.categorical[facet];
  if (!allowed) return true;
  const values = valuesOf(docs, facet, n);
  if (typeof values === 'number') return allowed.has(values);
  return values.some((code) => allowed.has(code));
}

/** True when article `n` passes every categorical filter (outlet, author, tag, …). */
export function passesCategorical(docs: DocsTable, n: number, filters: ResolvedFilters): boolean {
  for (let facet = 0; facet < filters.categorical.length; facet++) if (!passesFacet(docs, facet, n, filters)) return false;
  return true;
}

/** True when article `n` passes the date filter (undated articles pass only when no date filter is set). */
export function passesDate(docs: DocsTable, n: number, filters: ResolvedFilters): boolean {
  if (filters.fromDay === 0 && filters.toDay === Infinity) return true;
  const day = docs.day[n]!;
  return day !== 0 && day >= filters.fromDay && day <= filters.toDay;
}

/**
 * Counts the candidates by each categorical facet and by date bucket, disjunctively: a facet's
 * counts apply the date filter and every other facet's filter but not its own (so a visitor sees
 * what selecting another value adds), date counts apply every categorical filter but not the date
 * filter (so the histogram shows the context around the selected range). With `withDays`, the
 * date counts by day as well (`Facets.days`).
 */
export function countFacets(candidates: Iterable<number>, docs: DocsTable, facets: FacetNames, filters: ResolvedFilters, withDays = false): Facets {
  const facetCount = facets.names.length;
  const tallies = facets.values.map((names, facet) => (names ? new Uint32Array(names.length) : facets.codes?.[facet] ? new Uint32Array(facets.codes[facet]) : null));
  const failed: number[] = [];
  const days: number[] = [];
  for (const n of candidates) {
    // Which filters `n` fails decides what it counts for: none, all; one, that one only.
    failed.length = 0;
    for (let facet = 0; facet < filters.categorical.length && failed.length < 2; facet++) if (!passesFacet(docs, facet, n, filters)) failed.push(facet);
    if (failed.length < 2 && !passesDate(docs, n, filters)) failed.push(-1);
    if (failed.length > 1) continue;
    if (failed.length === 0 || failed[0] === -1) {
      if (docs.day[n]! !== 0) days.push(docs.day[n]!);
      if (failed.length === 1) continue;
    }
    for (let facet = 0; facet < facetCount; facet++) {
      if (failed.length === 1 && failed[0] !== facet) continue;
      const tally = tallies[facet];
      if (!tally) continue;
      const values = valuesOf(docs, facet, n);
      if (typeof values === 'number') {
        if (values < tally.length) tally[values]!++;
      } else {
        for (const code of values) if (code < tally.length) tally[code]!++;
      }
    }
  }
  const counts: Record<string, Record<string, number>> = {};
  let byCode: Record<string, Record<number, number>> | undefined;
  tallies.forEach((tally, facet) => {
    if (!tally) return;
    const names = facets.values[facet];
    if (!names) {
      const byValue: Record<number, number> = {};
      tally.forEach((count, code) => {
        if (count > 0) byValue[code] = count;
      });
      (byCode ??= {})[facets.names[facet]!] = byValue;
      return;
    }
    const byName: Record<string, number> = {};
    tally.forEach((count, code) => {
      if (count > 0) byName[names[code]!] = (byName[names[code]!] ?? 0) + count;
    });
    counts[facets.names[facet]!] = byName;
  });
  return { counts, ...(byCode ? { byCode } : {}), ...countDates(days, withDays) };
}

/** The date histogram of `days` (day numbers, none 0): by month over up to three years, else by year; with `withDays`, by day too. */
function countDates(days: readonly number[], withDays: boolean): Pick<Facets, 'dates' | 'dateBucket' | 'days'> {
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
  return withDays ? { dates, dateBucket, days: perDay } : { dates, dateBucket };
}
