import { ByteReader, ByteWriter } from './bytes.ts';

/** Milliseconds in a day: the docs table stores dates as day numbers. */
const DAY_MS = 86_400_000;

/**
 * One row per article number, as typed arrays: what ranking (field lengths), filters and facets
 * (day, outlet) and sorting (day, then number) need, without titles or text. In the reader the
 * arrays cover every number and are filled in block by block as the docs files arrive.
 */
export interface DocsTable {
  /** Article numbers covered (the manifest's `slots`). */
  count: number;
  /** Day number (days since 1970-01-01, plus one); 0 = undated. */
  day: Uint32Array;
  /** Position of the outlet in the manifest's `outlets`; `NO_OUTLET` for a deleted article's hole. */
  outlet: Uint16Array;
  /** Per field, MiniSearch's field length (unique terms) of each article. */
  fieldLength: Uint32Array[];
  /** 1 for an article written in traditional characters (`isTraditionalText`), else 0: the match tier of a traditional query. */
  traditional: Uint8Array;
  /**
   * Similar group of each article: the number of the first article it nearly duplicates, or its
   * own number (see `collapse-similar.ts`). Absent in tables made by hand: every article alone.
   */
  similar?: Uint32Array;
  /**
   * Categorical columns beyond the outlet, in the manifest's `columns` order: per article number,
   * the codes of its values (positions in that column's value list; none, one or several).
   */
  columns: Array<Array<readonly number[]>>;
}

/** The row of an article without values in a column (shared: most rows are empty). */
const NO_VALUES: readonly number[] = Object.freeze([]);

/** Outlet of a number no article holds any more (it was deleted; numbers are never reused). */
export const NO_OUTLET = 0xffff;

/** An empty table for `count` numbers (every row a hole until a block fills it). */
export function createDocsTable(count: number, fieldCount: number, columnCount = 0): DocsTable {
  return {
    columns: Array.from({ length: columnCount }, () => new Array<readonly number[]>(count).fill(NO_VALUES)),
    count,
    day: new Uint32Array(count),
    outlet: new Uint16Array(count).fill(NO_OUTLET),
    fieldLength: Array.from({ length: fieldCount }, () => new Uint32Array(count)),
    traditional: new Uint8Array(count),
    similar: Uint32Array.from({ length: count }, (_, n) => n),
  };
}

/** True when article number `n` holds an article (not a deleted article's hole). */
export function isLiveArticle(table: DocsTable, n: number): boolean {
  return table.outlet[n] !== NO_OUTLET;
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
 * Encodes rows `start … end - 1`, column by column (gzip packs a column of similar small numbers
 * better than interleaved rows): `start count fieldCount`, then the days as zigzag deltas, the
 * outlets, each field's lengths (`lengthCode`), whether each article is in traditional characters (0/1), then
 * each row's distance back to its similar group (0: alone), then the number of categorical
 * columns and, per column, each row's number of values followed by every row's value codes,
 * all varints.
 */
/**
 * A field length as stored in a docs block: one byte on a log scale, as Lucene stores its norms.
 * Exact below 16; above, eight steps per power of two (the leading bit and three more), each
 * read back as its middle, so at most 1/16 off. BM25 weighs a length against the average (which
 * the manifest keeps exact) and `shortTextFactor` only below 40 terms: the exact counts were
 * 68 % of a docs block's bytes (7.9 of 11.6 KB gzip on ../shared/corpus), every query's first
 * download (index version 7).
 *
 * @example lengthCode(15) // 15
 * @example lengthOfCode(lengthCode(1000)) // 992: 1000 is in [960, 1024), read back as its middle
 */
export function lengthCode(length: number): number {
  if (length < 16) return length;
  const exponent = 31 - Math.clz32(length);
  return 16 + (exponent - 4) * 8 + ((length >>> (exponent - 3)) & 7);
}

/** The length a code stands for (see `lengthCode`). */
export function lengthOfCode(code: number): number {
  if (code < 16) return code;
  const exponent = 4 + ((code - 16) >> 3);
  const width = 2 ** (exponent - 3);
  return (8 + ((code - 16) & 7)) * width + width / 2;
}

/** `length` as a docs block gives it back: what the build keeps, so that a search over the built table and one over the written index score alike. */
export function storedLength(length: number): number {
  return lengthOfCode(lengthCode(length));
}

export function encodeDocsBlock(table: DocsTable, start: number, end: number): Uint8Array {
  const writer = new ByteWriter();
  writer.uint(start).uint(end - start).uint(table.fieldLength.length);
  let lastDay = 0;
  for (let n = start; n < end; n++) {
    const delta = table.day[n]! - lastDay;
    writer.uint(delta >= 0 ? delta * 2 : -delta * 2 - 1);
    lastDay = table.day[n]!;
  }
  for (let n = start; n < end; n++) writer.uint(table.outlet[n]!);
  for (const lengths of table.fieldLength) for (let n = start; n < end; n++) writer.uint(lengthCode(lengths[n]!));
  for (let n = start; n < end; n++) writer.uint(table.traditional[n]!);
  for (let n = start; n < end; n++) writer.uint(n - (table.similar?.[n] ?? n));
  writer.uint(table.columns.length);
  for (const rows of table.columns) {
    for (let n = start; n < end; n++) writer.uint(rows[n]!.length);
    for (let n = start; n < end; n++) for (const code of rows[n]!) writer.uint(code);
  }
  return writer.finish();
}

/**
 * Decodes what `encodeDocsBlock` wrote into `table` (at the rows it names).
 * @param expectedStart the first row the block must hold (another block's bytes are refused)
 * @throws RangeError on truncated data, or rows outside the table or not at `expectedStart`
 */
export function decodeDocsBlockInto(table: DocsTable, data: Uint8Array, expectedStart?: number): void {
  const reader = new ByteReader(data);
  const start = reader.uint();
  const count = reader.uint();
  const fieldCount = reader.uint();
  if (start + count > table.count || fieldCount !== table.fieldLength.length) throw new RangeError('docs-table: block does not fit the manifest');
  if (expectedStart !== undefined && start !== expectedStart) throw new RangeError(`docs-table: block holds rows from ${start}, not ${expectedStart}`);
  let day = 0;
  for (let n = start; n < start + count; n++) {
    const zigzag = reader.uint();
    day += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    table.day[n] = day;
  }
  for (let n = start; n < start + count; n++) table.outlet[n] = reader.uint();
  for (let f = 0; f < fieldCount; f++) {
    const lengths = table.fieldLength[f]!;
    for (let n = start; n < start + count; n++) lengths[n] = lengthOfCode(reader.uint());
  }
  for (let n = start; n < start + count; n++) table.traditional[n] = reader.uint();
  // A block written without the similar-group column ends here: every article stays alone.
  if (reader.done) return;
  const similar = (table.similar ??= Uint32Array.from({ length: table.count }, (_, n) => n));
  for (let n = start; n < start + count; n++) {
    const back = reader.uint();
    if (back > n) throw new RangeError('docs-table: similar group before the first article');
    similar[n] = n - back;
  }
  if (reader.done) return;
  const columnCount = reader.uint();
  if (columnCount !== table.columns.length) throw new RangeError(`docs-table: block has ${columnCount} categorical columns, the manifest ${table.columns.length}`);
  for (const rows of table.columns) {
    const lengths = Array.from({ length: count }, () => reader.uint());
    lengths.forEach((length, i) => {
      rows[start + i] = length === 0 ? NO_VALUES : Array.from({ length }, () => reader.uint());
    });
  }
}
