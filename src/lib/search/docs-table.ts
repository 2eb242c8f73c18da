import { ByteReader, ByteWriter } from './bytes.ts';

/** Milliseconds in a day: the docs table stores dates as day numbers. */
const DAY_MS = 86_400_000;

/**
 * One row per article number, as typed arrays: what ranking (field lengths), filters and facets
 * (day, outlet) and sorting (the number itself is date order) need, without titles or text.
 */
export interface DocsTable {
  count: number;
  /** Day number (days since 1970-01-01, plus one); 0 = undated. Non-decreasing by article number. */
  day: Uint32Array;
  /** Position of the outlet in the manifest's `outlets`. */
  outlet: Uint16Array;
  /** Per field, MiniSearch's field length (unique terms) of each article. */
  fieldLength: Uint32Array[];
}

/** Day number of an ISO date, or 0 for ''. */
export function dayNumber(iso: string): number {
  if (!iso) return 0;
  return Math.floor(Date.parse(iso) / DAY_MS) + 1;
}

/** `YYYY-MM-DD` of a day number (which must not be 0). */
export function dayToIso(day: number): string {
  return new Date((day - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` string, or NaN when it is not one. */
export function parseDay(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.NaN;
  const millis = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(millis) ? Number.NaN : Math.floor(millis / DAY_MS) + 1;
}

/**
 * Encodes the table: `count fieldCount`, then per article `dayDelta outlet length…` as varints.
 * @throws RangeError when days decrease (articles must be numbered in date order)
 */
export function encodeDocsTable(table: DocsTable): Uint8Array {
  const writer = new ByteWriter();
  writer.uint(table.count).uint(table.fieldLength.length);
  let lastDay = 0;
  for (let n = 0; n < table.count; n++) {
    const day = table.day[n]!;
    if (day < lastDay) throw new RangeError('docs-table: articles must be numbered in date order');
    writer.uint(day - lastDay).uint(table.outlet[n]!);
    for (const lengths of table.fieldLength) writer.uint(lengths[n]!);
    lastDay = day;
  }
  return writer.finish();
}

/** Decodes what `encodeDocsTable` wrote. @throws RangeError on truncated data */
export function decodeDocsTable(data: Uint8Array): DocsTable {
  const reader = new ByteReader(data);
  const count = reader.uint();
  const fieldCount = reader.uint();
  const table: DocsTable = {
    count,
    day: new Uint32Array(count),
    outlet: new Uint16Array(count),
    fieldLength: Array.from({ length: fieldCount }, () => new Uint32Array(count)),
  };
  let day = 0;
  for (let n = 0; n < count; n++) {
    day += reader.uint();
    table.day[n] = day;
    table.outlet[n] = reader.uint();
    for (let f = 0; f < fieldCount; f++) table.fieldLength[f]![n] = reader.uint();
  }
  return table;
}
