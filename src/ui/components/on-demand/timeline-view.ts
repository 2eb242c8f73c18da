/**
 * What the timeline shows, as a pure function of the results' dates and the date filter: which
 * stretch of time, in bars of which size (year, month or day), the breadcrumb that leads back out,
 * and how many results fall outside. Days are `YYYY-MM-DD` strings in UTC, like the index's.
 */
import type { Facets } from '../../../lib/search/types.ts';

export type TimelineLevel = 'year' | 'month' | 'day';

/** One bar: a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`), its days and its count. */
export interface TimelineBar {
  key: string;
  from: string;
  to: string;
  count: number;
}

/** A step of the breadcrumb: all dates (`key` ''), a year, a month, a day, or the range chosen. */
export interface TimelineCrumb {
  key: string;
  from: string;
  to: string;
  /** The date filter is exactly this step. */
  current: boolean;
}

export interface TimelineView {
  level: TimelineLevel;
  bars: TimelineBar[];
  /** Results dated before the first bar and after the last one. */
  before: number;
  after: number;
  crumbs: TimelineCrumb[];
}

/** Share of the results' dates the unfiltered view spans: a stray old article does not squeeze the rest into one bar. */
export const CENTRAL_SHARE = 0.98;
/** Spans up to this many days get a bar per day (two months). */
const DAY_BARS_MAX_DAYS = 62;
/** Spans up to this many months get a bar per month (four years). */
const MONTH_BARS_MAX_MONTHS = 48;
/** A chosen range shorter than this is shown within its whole month(s), so one day is not one lone bar. */
const MIN_VIEW_DAYS = 28;

/**
 * Day → count of the results' dates. The worker's answers count by day; the manifest's listing
 * (the bare start page) only by month or year, whose counts are put on each bucket's first day
 * and which limits how fine the bars can be (`resolution`).
 */
export function daysOf(facets: Facets | undefined): { days: Map<string, number>; resolution: TimelineLevel } {
  if (!facets) return { days: new Map(), resolution: 'day' };
  if (facets.days) return { days: new Map(Object.entries(facets.days)), resolution: 'day' };
  const days = new Map<string, number>();
  for (const [bucket, count] of Object.entries(facets.dates)) days.set(bucketRange(bucket).from, count);
  return { days, resolution: facets.dateBucket };
}

/**
 * The central `share` of the dates, by count: the first and last day once `(1 - share) / 2` of
 * the results are left out at each end (none with fewer than 100 results).
 *
 * @example centralSpan(new Map([['2001-05-01', 1], ['2020-01-03', 150], ['2020-06-09', 150]])) // { from: '2020-01-03', to: '2020-06-09' }
 */
export function centralSpan(days: ReadonlyMap<string, number>, share = CENTRAL_SHARE): { from: string; to: string } | null {
  const sorted = [...days].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (sorted.length === 0) return null;
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  const dropped = Math.floor((total * (1 - share)) / 2);
  return { from: dayAfterDropping(sorted, dropped), to: dayAfterDropping([...sorted].reverse(), dropped) };
}

function dayAfterDropping(sorted: ReadonlyArray<readonly [string, number]>, dropped: number): string {
  let seen = 0;
  for (const [day, count] of sorted) {
    seen += count;
    if (seen > dropped) return day;
  }
  return sorted.at(-1)![0];
}

/**
 * The timeline for the results' `days` and the date filter (`from`/`to`, '' when open): with a
 * range chosen, that range (at least its whole month); else the central 98% of the results. Bars
 * are days up to two months, months up to four years, else years, never finer than `resolution`.
 */
export function timelineView(days: ReadonlyMap<string, number>, from: string, to: string, resolution: TimelineLevel = 'day'): TimelineView {
  const crumbs = crumbsOf(from, to);
  let span = from && to && from <= to ? { from, to } : centralSpan(days);
  if (!span) return { level: 'year', bars: [], before: 0, after: 0, crumbs };
  if (daysBetween(span.from, span.to) + 1 < MIN_VIEW_DAYS) span = { from: bucketRange(span.from.slice(0, 7)).from, to: bucketRange(span.to.slice(0, 7)).to };
  const level = coarser(levelFor(span.from, span.to), resolution);
  const keys: string[] = [];
  for (let key = keyOf(span.from, level); key <= keyOf(span.to, level); key = nextKey(key)) keys.push(key);
  const bars = keys.map((key) => ({ key, ...bucketRange(key), count: 0 }));
  const first = bars[0]!.from;
  const last = bars.at(-1)!.to;
  let before = 0;
  let after = 0;
  const at = new Map(bars.map((bar, i) => [bar.key, i]));
  for (const [day, count] of days) {
    if (day < first) before += count;
    else if (day > last) after += count;
    else bars[at.get(keyOf(day, level))!]!.count += count;
  }
  return { level, bars, before, after, crumbs };
}

/** All dates, then the year, month and day the filter lies within, then the filter itself when it is none of them. */
function crumbsOf(from: string, to: string): TimelineCrumb[] {
  const crumbs: TimelineCrumb[] = [{ key: '', from: '', to: '', current: !from && !to }];
  if (!from || !to || from > to) {
    if (from || to) crumbs.push({ key: `${from}/${to}`, from, to, current: true });
    return crumbs;
  }
  for (const length of [4, 7, 10]) {
    if (from.slice(0, length) !== to.slice(0, length)) break;
    const range = bucketRange(from.slice(0, length));
    crumbs.push({ key: from.slice(0, length), ...range, current: range.from === from && range.to === to });
  }
  if (!crumbs.at(-1)!.current) crumbs.push({ key: `${from}/${to}`, from, to, current: true });
  return crumbs;
}

function levelFor(from: string, to: string): TimelineLevel {
  if (daysBetween(from, to) + 1 <= DAY_BARS_MAX_DAYS) return 'day';
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return months <= MONTH_BARS_MAX_MONTHS ? 'month' : 'year';
}

const LEVELS: readonly TimelineLevel[] = ['day', 'month', 'year'];

function coarser(a: TimelineLevel, b: TimelineLevel): TimelineLevel {
  return LEVELS[Math.max(LEVELS.indexOf(a), LEVELS.indexOf(b))]!;
}

function keyOf(day: string, level: TimelineLevel): string {
  return day.slice(0, level === 'year' ? 4 : level === 'month' ? 7 : 10);
}

/**
 * First and last day of a year, month or day key.
 *
 * @example bucketRange('2020-02') // { from: '2020-02-01', to: '2020-02-29' }
 */
export function bucketRange(key: string): { from: string; to: string } {
  if (key.length === 4) return { from: `${key}-01-01`, to: `${key}-12-31` };
  if (key.length === 10) return { from: key, to: key };
  const [year, month] = key.split('-').map(Number) as [number, number];
  return { from: `${key}-01`, to: isoOf(new Date(Date.UTC(year, month, 0))) };
}

function nextKey(key: string): string {
  if (key.length === 4) return String(Number(key) + 1);
  if (key.length === 10) {
    const date = new Date(`${key}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return isoOf(date);
  }
  const [year, month] = key.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
