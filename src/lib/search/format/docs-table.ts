import { ByteReader, ByteWriter } from './bytes.ts';

/** Milliseconds in a day: the docs table stores dates as day numbers. */
const DAY_MS = 86_400_000;

/**
 * One row per article number, as typed arrays: what ranking (field lengths), filters and facets
 * (day, outlet) and sorting (day, then number) need, without titles or text. In the reader the
 * arrays cover every number and are filled in block by block as the docs files arrive: each
 * block's rank rows (`encodeDocsBlock`) and its facet rows (`encodeFacetRows`).
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
   * 1 for a number that holds an article, 0 for a deleted article's hole: filled in by the rank
   * rows (`decodeDocsBlockInto`), which may arrive before the block's facet rows (the outlets).
   * Absent in tables the build or a test makes, where the outlet says (`NO_OUTLET`: a hole).
   */
  live?: Uint8Array;
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
  return table.live ? table.live[n] === 1 : table.outlet[n] !== NO_OUTLET;
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

/** A row of the rank rows' script column: the article is in simplified characters (or Latin). */
const SCRIPT_SIMPLIFIED = 0;
/** … in traditional characters. */
const SCRIPT_TRADITIONAL = 1;
/** … no article: a deleted article's hole. */
const SCRIPT_HOLE = 2;

/**
 * Encodes the rank rows of `start … end - 1` (`docs-<hash>.bin`, the manifest's `docs[b].file`):
 * what scoring, sorting and collapsing a query's hits read, column by column (gzip packs a column
 * of similar small numbers better than interleaved rows): `start count fieldCount`, then the days
 * as zigzag deltas, each field's lengths (`lengthCode`), each row's script (0 simplified,
 * 1 traditional, 2 a deleted article's hole), then the similar groups (`encodeSimilarGroups`),
 * all varints. The outlets and the other categorical columns are the block's facet rows
 * (`encodeFacetRows`), a file of their own since index version 8: a first answer does not wait
 * for them (`RunOptions.facetsLater`).
 *
 * @param columns when given, receives the offset where each column (and each stream of the
 *   similar groups) ends: the writer ends a deflate block there (`IndexFile.blocks`)
 */
export function encodeDocsBlock(table: DocsTable, start: number, end: number, columns?: number[]): Uint8Array {
  const writer = new ByteWriter();
  const cut = () => columns?.push(writer.size);
  writer.uint(start).uint(end - start).uint(table.fieldLength.length);
  let lastDay = 0;
  for (let n = start; n < end; n++) {
    const delta = table.day[n]! - lastDay;
    writer.uint(delta >= 0 ? delta * 2 : -delta * 2 - 1);
    lastDay = table.day[n]!;
  }
  cut();
  for (const lengths of table.fieldLength) {
    for (let n = start; n < end; n++) writer.uint(lengthCode(lengths[n]!));
    cut();
  }
  for (let n = start; n < end; n++) writer.uint(!isLiveArticle(table, n) ? SCRIPT_HOLE : table.traditional[n] ? SCRIPT_TRADITIONAL : SCRIPT_SIMPLIFIED);
  cut();
  encodeSimilarGroups(writer, table.similar, start, end, cut);
  return writer.finish();
}

/**
 * Decodes the rank rows `encodeDocsBlock` wrote into `table` (at the rows they name), marking
 * each row live or a hole (`DocsTable.live`).
 * @param expectedStart the first row the block must hold (another block's bytes are refused)
 * @throws RangeError on truncated data or bytes left over, or rows outside the table or not at `expectedStart`
 */
export function decodeDocsBlockInto(table: DocsTable, data: Uint8Array, expectedStart?: number): void {
  const reader = new ByteReader(data);
  const { start, count } = readBlockHead(reader, table, expectedStart, table.fieldLength.length, 'fields');
  let day = 0;
  for (let n = start; n < start + count; n++) {
    const zigzag = reader.uint();
    day += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    table.day[n] = day;
  }
  for (const lengths of table.fieldLength) {
    for (let n = start; n < start + count; n++) lengths[n] = lengthOfCode(reader.uint());
  }
  const live = (table.live ??= new Uint8Array(table.count));
  for (let n = start; n < start + count; n++) {
    const script = reader.uint();
    if (script > SCRIPT_HOLE) throw new RangeError(`docs-table: unknown script ${script}`);
    table.traditional[n] = script === SCRIPT_TRADITIONAL ? 1 : 0;
    live[n] = script === SCRIPT_HOLE ? 0 : 1;
  }
  decodeSimilarGroups(reader, (table.similar ??= Uint32Array.from({ length: table.count }, (_, n) => n)), start, count);
  if (!reader.done) throw new RangeError('docs-table: bytes after the rank rows (facet rows under a docs block\'s name?)');
}

/**
 * Encodes the facet rows of `start … end - 1` (`docs-<hash>.bin`, the manifest's
 * `docs[b].facets`): `start count columnCount`, then each row's outlet (`NO_OUTLET` for a hole)
 * and, per categorical column beyond the outlet, each row's number of values followed by every
 * row's value codes, all varints.
 *
 * @param columns when given, receives the offset where each column ends (see `encodeDocsBlock`)
 */
export function encodeFacetRows(table: DocsTable, start: number, end: number, columns?: number[]): Uint8Array {
  const writer = new ByteWriter();
  const cut = () => columns?.push(writer.size);
  writer.uint(start).uint(end - start).uint(table.columns.length);
  for (let n = start; n < end; n++) writer.uint(table.outlet[n]!);
  for (const rows of table.columns) {
    cut();
    for (let n = start; n < end; n++) writer.uint(rows[n]!.length);
    cut();
    for (let n = start; n < end; n++) for (const code of rows[n]!) writer.uint(code);
  }
  return writer.finish();
}

/**
 * Decodes the facet rows `encodeFacetRows` wrote into `table` (at the rows they name).
 * @param expectedStart the first row the block must hold (another block's bytes are refused)
 * @throws RangeError on truncated data or bytes left over, another number of columns than the
 *   table's, or rows outside the table or not at `expectedStart`
 */
export function decodeFacetRowsInto(table: DocsTable, data: Uint8Array, expectedStart?: number): void {
  const reader = new ByteReader(data);
  const { start, count } = readBlockHead(reader, table, expectedStart, table.columns.length, 'categorical columns');
  for (let n = start; n < start + count; n++) table.outlet[n] = reader.uint();
  for (const rows of table.columns) {
    const lengths = Array.from({ length: count }, () => reader.uint());
    lengths.forEach((length, i) => {
      rows[start + i] = length === 0 ? NO_VALUES : Array.from({ length }, () => reader.uint());
    });
  }
  if (!reader.done) throw new RangeError('docs-table: bytes after the facet rows (rank rows under a facet rows file\'s name?)');
}

/** A block file's `start count width`, checked against the table (`width`: its fields or its categorical columns). */
function readBlockHead(reader: ByteReader, table: DocsTable, expectedStart: number | undefined, width: number, what: string): { start: number; count: number } {
  const start = reader.uint();
  const count = reader.uint();
  const found = reader.uint();
  if (start + count > table.count) throw new RangeError('docs-table: block does not fit the manifest');
  if (found !== width) throw new RangeError(`docs-table: block has ${found} ${what}, the manifest ${width}`);
  if (expectedStart !== undefined && start !== expectedStart) throw new RangeError(`docs-table: block holds rows from ${start}, not ${expectedStart}`);
  return { start, count };
}

/** A row of the similar-group column: the first article of its group (or alone). */
const SIMILAR_FIRST = 0;
/** A row whose group has an earlier row in the same block: its distance back to that row follows. */
const SIMILAR_NEAR = 1;
/** A row whose group starts in an older block (no earlier row of it here): the group follows. */
const SIMILAR_FAR = 2;

/**
 * Writes rows `start … end - 1` of the similar-group column (index version 8): one kind per row
 * (`SIMILAR_FIRST`, `SIMILAR_NEAR`, `SIMILAR_FAR`), then the distances of the near rows back to
 * their group's previous row in the block, each as a zigzag delta of the one before, then the
 * groups of the far rows, each as a zigzag delta of the far group before. A block of articles
 * that are all alone is one zero per row. Every row refers to its own block or names its group,
 * so a block decodes without the older ones.
 *
 * Version 7 wrote each row's distance back to its group's first article: two or three bytes per
 * row once near-duplicates span the archive, and gzip found little in them (15.5 of a
 * 10,000-article block's 29.5 KB on ../shared/corpus copied ×30, whose copies are each other's
 * near-duplicates; 6.6 KB now). A row's previous group member is usually close, and the distance
 * to it changes little from one row to the next.
 */
function encodeSimilarGroups(writer: ByteWriter, similar: Uint32Array | undefined, start: number, end: number, cut: () => void): void {
  const lastRow = new Map<number, number>();
  const near: number[] = [];
  const far: number[] = [];
  for (let n = start; n < end; n++) {
    const group = similar?.[n] ?? n;
    const previous = lastRow.get(group);
    lastRow.set(group, n);
    if (previous !== undefined) {
      writer.uint(SIMILAR_NEAR);
      near.push(n - previous);
    } else if (group === n) {
      writer.uint(SIMILAR_FIRST);
    } else {
      writer.uint(SIMILAR_FAR);
      far.push(group);
    }
  }
  cut();
  let last = 0;
  for (const distance of near) {
    writer.uint(zigzag(distance - last));
    last = distance;
  }
  cut();
  last = 0;
  for (const group of far) {
    writer.uint(zigzag(group - last));
    last = group;
  }
}

/**
 * Reads what `encodeSimilarGroups` wrote into `similar` (rows `start … start + count - 1`).
 * @throws RangeError on an unknown kind, a distance outside the block or a group not before its row
 */
function decodeSimilarGroups(reader: ByteReader, similar: Uint32Array, start: number, count: number): void {
  const kinds = new Uint8Array(count);
  const tally = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const kind = reader.uint();
    if (kind > SIMILAR_FAR) throw new RangeError(`docs-table: unknown similar-group kind ${kind}`);
    kinds[i] = kind;
    tally[kind]!++;
  }
  // The two streams follow the kinds one after the other; a near row may point back at a far one.
  const distances = new Uint32Array(tally[SIMILAR_NEAR]!);
  let distance = 0;
  for (let k = 0; k < distances.length; k++) {
    distance += unzigzag(reader.uint());
    if (distance < 1) throw new RangeError('docs-table: similar group row outside its block');
    distances[k] = distance;
  }
  let nearAt = 0;
  let group = 0;
  for (let i = 0; i < count; i++) {
    const n = start + i;
    if (kinds[i] === SIMILAR_FIRST) {
      similar[n] = n;
    } else if (kinds[i] === SIMILAR_NEAR) {
      const back = distances[nearAt++]!;
      if (back > i) throw new RangeError('docs-table: similar group row outside its block');
      similar[n] = similar[n - back]!;
    } else {
      group += unzigzag(reader.uint());
      if (group < 0 || group >= n) throw new RangeError('docs-table: similar group not before its article');
      similar[n] = group;
    }
  }
}

function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

function unzigzag(code: number): number {
  return code % 2 === 0 ? code / 2 : -(code + 1) / 2;
}
