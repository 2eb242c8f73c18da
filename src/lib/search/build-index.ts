import type { Article } from '../article/types.ts';
import { hash53, hash53Bytes } from '../article/article-id.ts';
import { analyzeText } from './analyze.ts';
import { CharFrequencies, charFrequencyKey, isCharFrequencyKey, leadingCjk } from './char-frequency.ts';
import { createDocsTable, dayNumber, encodeDocsBlock } from './docs-table.ts';
import { countFacets } from './facets.ts';
import { foldingPairsFor } from './fold.ts';
import { findSnippet, RESULT_SNIPPET_CHARS } from './highlight.ts';
import { parseQuery } from './parse-query.ts';
import {
  type ArticleFragment,
  chunkPath,
  type DocsBlockEntry,
  type NewestArticle,
  fragmentPath,
  htmlPath,
  idShardPath,
  INDEX_FIELDS,
  INDEX_VERSION,
  type Manifest,
  type OutletCount,
  type TermPartEntry,
  termPartPath,
} from './index-format.ts';
import { type ChunkRef, type EncodedTerm, encodePostings, encodeTermPart, lowerBound, type TermPostings } from './term-part.ts';

/** One file of the index folder. `gzip` files are compressed by the writer before saving. */
export interface IndexFile {
  path: string;
  data: Uint8Array | string;
  gzip: boolean;
}

/** Tunables of the index layout. */
export interface BuildOptions {
  /** Target size of one vocabulary part before gzip; a single large term may exceed it. */
  partBytes?: number;
  /** Articles listed in the manifest for the start page. */
  newestCount?: number;
  /** Article numbers per block: one docs file per block, and common terms' postings split by block. */
  blockSize?: number;
  /** A term whose postings take more than this (before gzip) is split into per-block chunks. */
  chunkBytes?: number;
  /** What the previous build of this index folder decided and later builds keep (see {@link PreviousIndex}). */
  previous?: PreviousIndex;
}

/**
 * The parts of an earlier build that a rebuild keeps, so that unchanged files keep their names:
 * article numbers (by id), outlet codes, and where vocabulary parts start.
 */
export interface PreviousIndex {
  /** Article id → number. */
  numbers: ReadonlyMap<string, number>;
  /** The previous manifest's `slots`: new articles are numbered from here on. */
  slots: number;
  /** The previous manifest's `blockSize` and number of blocks. */
  blockSize: number;
  blocks: number;
  /** First term of each previous vocabulary part of the older blocks (`parts`), sorted. */
  boundaries: readonly string[];
  /** The same for the newest block's parts (`newestParts`). */
  newestBoundaries: readonly string[];
  /** The previous manifest's `outletCodes`. */
  outletCodes: readonly string[];
}

/**
 * 12 KB raw (≈ 6 KB gzip) per part: measured on the 3,155-article archive, smaller parts cut the
 * first-query download (median 31 KB, max 84 KB brotli) against 24 KB parts (35 KB, 127 KB) at the
 * cost of a longer part table in the manifest (see `npm run bench`). Blocks of 10,000 articles keep
 * a small archive in one block (one docs file, every term inline, as before blocks existed) and cut
 * 100,000 articles into ten. Terms are chunked from 4 KB of postings (≈ 1,500 articles) on: below
 * that a chunk per block would cost more round trips than the bytes it saves.
 */
export const DEFAULT_BUILD_OPTIONS: Required<Omit<BuildOptions, 'previous'>> = { partBytes: 12_000, newestCount: 10, blockSize: 10_000, chunkBytes: 4_000 };

/** A range of the vocabulary whose size may reach this many times `partBytes` before it is cut anew. */
const PART_OVERFLOW = 2;

/**
 * Turns compiled articles into the files of the index folder (see `index-format.ts`). Pure and
 * deterministic: the same articles (and the same `previous`) give byte-identical files. The
 * folding table must be loaded (`loadFoldingTable`) before calling.
 *
 * @returns the manifest (its `bytes` fields are filled in by the writer, after gzip) and every other file
 * @example
 * const { manifest, files } = buildIndex(articles, { previous: await readPreviousIndex(out) });
 */
export function buildIndex(articles: readonly Article[], options: BuildOptions = {}): { manifest: Manifest; files: IndexFile[] } {
  const { partBytes, newestCount, blockSize, chunkBytes } = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const byNumber = assignNumbers(articles, options.previous);
  const slots = byNumber.length;
  const live = byNumber.filter((a): a is Article => a !== undefined);
  const outlets = countOutlets(live);
  const outletCodes = [...(options.previous?.outletCodes ?? [])];
  for (const { name } of [...outlets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) if (!outletCodes.includes(name)) outletCodes.push(name);
  const outletIndex = new Map(outletCodes.map((name, i) => [name, i]));

  const table = createDocsTable(slots, INDEX_FIELDS.length);
  // term → per field, flat [number, freq, number, freq, …]; numbers arrive in ascending order.
  const postings = new Map<string, number[][]>();
  // MiniSearch keeps a running average; computing it the same way keeps scores identical.
  const averageFieldLength = INDEX_FIELDS.map(() => 0);
  const blockCount = Math.max(1, Math.ceil(slots / blockSize));
  const charFrequencies = new CharFrequencies(INDEX_FIELDS.length, (blockCount - 1) * blockSize);
  let seen = 0;
  byNumber.forEach((article, number) => {
    if (!article) return;
    table.day[number] = dayNumber(article.date);
    table.outlet[number] = outletIndex.get(article.outlet)!;
    INDEX_FIELDS.forEach((field, fieldId) => {
      const counts = new Map<string, number>();
      for (const term of analyzeText(article[field])) counts.set(term, (counts.get(term) ?? 0) + 1);
      table.fieldLength[fieldId]![number] = counts.size;
      averageFieldLength[fieldId] = (averageFieldLength[fieldId]! * seen + counts.size) / (seen + 1);
      charFrequencies.add(number, fieldId, counts.keys());
      for (const [term, freq] of counts) {
        let perField = postings.get(term);
        if (!perField) postings.set(term, (perField = INDEX_FIELDS.map(() => [])));
        perField[fieldId]!.push(number, freq);
      }
    });
    seen++;
  });

  const files: IndexFile[] = [];
  const { older, newest: newestTerms } = encodeTerms(postings, charFrequencies, { blockSize, blockCount, chunkBytes }, files);
  // Boundaries are kept only while the blocks they were cut for are the same blocks.
  const previous = options.previous?.blockSize === blockSize ? options.previous : undefined;
  const parts = cutParts(older, partBytes, previous?.blocks === blockCount ? previous.boundaries : [], files);
  const newestParts = cutParts(newestTerms, partBytes, previous?.blocks === blockCount ? previous.newestBoundaries : [], files);
  const docs: DocsBlockEntry[] = [];
  for (let block = 0; block < blockCount; block++) {
    const data = encodeDocsBlock(table, block * blockSize, Math.min(slots, (block + 1) * blockSize));
    const file = `docs-${hashBytes(data)}.bin`;
    files.push({ path: file, data, gzip: true });
    docs.push({ file, bytes: 0 });
  }

  const idShardLength = live.length > 36 * 200 ? 2 : 1;
  const shards = new Map<string, Record<string, number>>();
  byNumber.forEach((article, number) => {
    if (!article) return;
    const fragment: ArticleFragment = {
      id: article.id,
      title: article.title,
      url: article.url,
      outlet: article.outlet,
      author: article.author,
      date: article.date,
      text: article.text,
    };
    const fold = foldingPairsFor(`${article.title}\n${article.text}`);
    if (fold) fragment.fold = fold;
    files.push({ path: fragmentPath(number), data: JSON.stringify(fragment), gzip: false });
    files.push({ path: htmlPath(number), data: article.html, gzip: false });
    const shard = idShardPath(article.id, idShardLength);
    let entries = shards.get(shard);
    if (!entries) shards.set(shard, (entries = {}));
    entries[article.id] = number;
  });
  for (const [path, entries] of [...shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.push({ path, data: JSON.stringify(sortEntries(entries)), gzip: false });
  }

  const numberOf = new Map(byNumber.flatMap((a, n) => (a ? [[a, n] as const] : [])));
  const dated = live.filter((a) => a.date).sort(compareByDate);
  const newest = [...live].sort(compareByDate).slice(-newestCount).reverse();
  const manifest: Manifest = {
    version: INDEX_VERSION,
    build: hash53([...parts, ...newestParts].map((p) => p[1]).join() + docs.map((d) => d.file).join()).toString(36),
    articles: live.length,
    slots,
    blockSize,
    fields: INDEX_FIELDS,
    averageFieldLength,
    outlets,
    outletCodes,
    facets: countFacets(numberOf.values(), table, outletCodes, { outlets: null, fromDay: 0, toDay: Infinity }),
    dates: dated.length ? { first: dated[0]!.date.slice(0, 10), last: dated[dated.length - 1]!.date.slice(0, 10) } : null,
    undated: live.length - dated.length,
    newest: newest.map(
      (a): NewestArticle => ({
        number: numberOf.get(a)!,
        id: a.id,
        title: a.title,
        outlet: a.outlet,
        date: a.date,
        url: a.url,
        lead: findSnippet(a.text, NO_QUERY, { maxChars: RESULT_SNIPPET_CHARS }),
      }),
    ),
    docs,
    parts,
    newestParts,
    idShardLength,
  };
  return { manifest, files: dedupe(files) };
}

/** The empty query: a lead snippet is the start of the text. */
const NO_QUERY = parseQuery('');

/**
 * Article numbers: an article the previous build numbered keeps its number; new ones follow the
 * previous numbers in date order. Returns the articles by number (`undefined`: a deleted article's hole).
 */
function assignNumbers(articles: readonly Article[], previous: PreviousIndex | undefined): Array<Article | undefined> {
  const byNumber: Array<Article | undefined> = [];
  const fresh: Article[] = [];
  for (const article of articles) {
    const number = previous?.numbers.get(article.id);
    if (number === undefined || byNumber[number] !== undefined) fresh.push(article);
    else byNumber[number] = article;
  }
  let next = Math.max(previous?.slots ?? 0, byNumber.length);
  if (byNumber.length < next) byNumber.length = next;
  for (const article of fresh.sort(compareByDate)) byNumber[next++] = article;
  return byNumber;
}

/** How `encodeTerms` splits postings. */
interface ChunkLayout {
  blockSize: number;
  blockCount: number;
  chunkBytes: number;
}

/** A term ready for a part, with the bytes it takes there (for cutting parts). */
type SizedTerm = { entry: EncodedTerm; bytes: number };

/**
 * Encodes every term, sorted, in two vocabularies: the older blocks' postings, which a day's new
 * articles never change (their parts keep their names), and the newest block's, which they do.
 * In the older blocks a rare term keeps its postings inline and a term with more than
 * `chunkBytes` of postings gets one chunk file per block it occurs in; the newest block's
 * postings are always inline (they are one block's at most). The older vocabulary's document
 * frequencies are the older blocks'; the newest vocabulary's are the whole archive's (so the
 * newest block alone can be ranked as in the full index). Each vocabulary also holds, under
 * `charFrequencyKey(c)`, the merged document frequency of one-character query `c` in its blocks
 * (see `char-frequency.ts`): a chunked-kind entry without chunks.
 */
function encodeTerms(
  postings: Map<string, number[][]>,
  chars: CharFrequencies,
  layout: ChunkLayout,
  files: IndexFile[],
): { older: SizedTerm[]; newest: SizedTerm[] } {
  const charKeys = new Set([...chars.older.keys(), ...chars.newest.keys()].map(charFrequencyKey));
  const terms = [...postings.keys(), ...charKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const newestFloor = (layout.blockCount - 1) * layout.blockSize;
  const older: SizedTerm[] = [];
  const newest: SizedTerm[] = [];
  for (const term of terms) {
    if (isCharFrequencyKey(term)) {
      const char = leadingCjk(term)!;
      const sized = (df: number[]): SizedTerm => ({ entry: [term, { df, chunks: [] }], bytes: term.length * 3 + 8 });
      const inOlder = chars.older.get(char);
      const inNewest = chars.newest.get(char);
      if (inOlder) older.push(sized(inOlder));
      if (inNewest) newest.push(sized(inNewest.map((n, field) => n + (inOlder?.[field] ?? 0))));
      continue;
    }
    const flat = postings.get(term)!.map((list) => Uint32Array.from(list));
    const cuts = flat.map((list) => lowerBound(list, newestFloor));
    const before = flat.map((list, field) => list.subarray(0, cuts[field]));
    const after = flat.map((list, field) => list.subarray(cuts[field]));
    // The newest block's entry carries the archive's document frequency: its first answer needs no older part.
    const df = flat.map((list) => list.length / 2);
    if (after.some((list) => list.length > 0)) newest.push({ entry: [term, { df, postings: after }], bytes: postingsSize(after) + term.length * 3 + 8 });
    if (before.every((list) => list.length === 0)) continue;
    const size = postingsSize(before);
    if (layout.blockCount <= 2 || size <= layout.chunkBytes) {
      older.push({ entry: [term, before], bytes: size + term.length * 3 + 4 });
      continue;
    }
    const chunks: ChunkRef[] = [];
    const cursors = before.map(() => 0);
    for (let block = 0; block < layout.blockCount - 1; block++) {
      const end = (block + 1) * layout.blockSize;
      const piece = before.map((list, field) => {
        const from = cursors[field]!;
        const to = from + lowerBound(list.subarray(from), end);
        cursors[field] = to;
        return list.subarray(from, to);
      });
      if (piece.every((list) => list.length === 0)) continue;
      const data = encodePostings(piece);
      const hash = hashBytes(data);
      files.push({ path: chunkPath(hash), data, gzip: true });
      chunks.push({ block, hash });
    }
    older.push({ entry: [term, { df: before.map((list) => list.length / 2), chunks }], bytes: term.length * 3 + 8 + chunks.length * 10 });
  }
  return { older, newest };
}

/**
 * Cuts the sorted vocabulary into parts and adds their files. Without earlier boundaries, a part
 * closes once it reaches about `partBytes`. With them, each earlier part's range is kept (so a
 * part whose terms did not change keeps its name) unless it grew past `PART_OVERFLOW × partBytes`;
 * then that range alone is cut anew.
 */
function cutParts(terms: readonly SizedTerm[], partBytes: number, boundaries: readonly string[], files: IndexFile[]): TermPartEntry[] {
  const ranges: SizedTerm[][] = [];
  if (boundaries.length === 0) {
    ranges.push([...terms]);
  } else {
    let range = -1;
    for (const term of terms) {
      let target = range < 0 ? 0 : range;
      while (target + 1 < boundaries.length && boundaries[target + 1]! <= term.entry[0]) target++;
      if (target !== range || ranges.length === 0) {
        ranges.push([]);
        range = target;
      }
      ranges[ranges.length - 1]!.push(term);
    }
  }
  const parts: TermPartEntry[] = [];
  const emit = (batch: SizedTerm[]) => {
    if (batch.length === 0) return;
    const data = encodeTermPart(batch.map((t) => t.entry));
    const hash = hashBytes(data);
    files.push({ path: termPartPath(hash), data, gzip: true });
    parts.push([batch[0]!.entry[0], hash, 0]);
  };
  for (const range of ranges) {
    const total = range.reduce((sum, t) => sum + t.bytes, 0);
    if (boundaries.length > 0 && total <= PART_OVERFLOW * partBytes) {
      emit(range);
      continue;
    }
    let batch: SizedTerm[] = [];
    let batchBytes = 0;
    for (const term of range) {
      if (batchBytes > 0 && batchBytes + term.bytes > partBytes) {
        emit(batch);
        batch = [];
        batchBytes = 0;
      }
      batch.push(term);
      batchBytes += term.bytes;
    }
    if (batch.length) emit(batch);
  }
  return parts;
}

/** The same chunk may serve two terms (identical postings in a block): write it once. */
function dedupe(files: IndexFile[]): IndexFile[] {
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.path) && seen.add(file.path));
}

/** Ids in a stable order, whatever order numbers were handed out in. */
function sortEntries(entries: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Encoded size of one term's postings (see `encodePostings`), without encoding them. */
function postingsSize(postings: TermPostings): number {
  let size = 0;
  for (const flat of postings) {
    size += varintSize(flat.length / 2);
    let last = 0;
    for (let i = 0; i < flat.length; i += 2) {
      size += varintSize(flat[i]! - last) + varintSize(flat[i + 1]!);
      last = flat[i]!;
    }
  }
  return size;
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Oldest first; undated articles before all dated ones; ties by id. */
function compareByDate(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function countOutlets(articles: readonly Article[]): OutletCount[] {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Content hash of a file, for names that change exactly when the content does. */
export function hashBytes(data: Uint8Array): string {
  // 8 base-36 characters (41 bits): unique among one index's files, and short in the part table.
  return (hash53Bytes(data) % 36 ** 8).toString(36).padStart(8, '0');
}
