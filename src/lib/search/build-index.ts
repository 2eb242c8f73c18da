import type { Article } from '../article/types.ts';
import { hash53, hash53Bytes } from '../article/article-id.ts';
import { analyzeText } from './analyze.ts';
import { foldingPairsFor } from './fold.ts';
import { findSnippet, RESULT_SNIPPET_CHARS } from './highlight.ts';
import { parseQuery } from './parse-query.ts';
import { dayNumber, type DocsTable, encodeDocsTable } from './docs-table.ts';
import {
  type ArticleFragment,
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
import { encodeTermPart, type TermPostings } from './term-part.ts';

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
}

/**
 * 12 KB raw (≈ 6 KB gzip) per part: measured on the 3,155-article archive, smaller parts cut the
 * first-query download (median 31 KB, max 84 KB brotli) against 24 KB parts (35 KB, 127 KB) at the
 * cost of a longer part table in the manifest (see `npm run bench`).
 */
export const DEFAULT_BUILD_OPTIONS: Required<BuildOptions> = { partBytes: 12_000, newestCount: 10 };

/**
 * Turns compiled articles into the files of the index folder (see `index-format.ts`). Pure and
 * deterministic: the same articles give byte-identical files. The folding table must be loaded
 * (`loadFoldingTable`) before calling.
 *
 * @returns the manifest (its `bytes` fields are filled in by the writer, after gzip) and every other file
 */
export function buildIndex(articles: readonly Article[], options: BuildOptions = {}): { manifest: Manifest; files: IndexFile[] } {
  const { partBytes, newestCount } = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const ordered = [...articles].sort(compareByDate);
  const outlets = countOutlets(ordered);
  const outletIndex = new Map(outlets.map((o, i) => [o.name, i]));

  const table: DocsTable = {
    count: ordered.length,
    day: new Uint32Array(ordered.length),
    outlet: new Uint16Array(ordered.length),
    fieldLength: INDEX_FIELDS.map(() => new Uint32Array(ordered.length)),
  };
  // term → per field, flat [number, freq, number, freq, …]; numbers arrive in ascending order.
  const postings = new Map<string, number[][]>();
  // MiniSearch keeps a running average; computing it the same way keeps scores identical.
  const averageFieldLength = INDEX_FIELDS.map(() => 0);

  ordered.forEach((article, number) => {
    table.day[number] = dayNumber(article.date);
    table.outlet[number] = outletIndex.get(article.outlet)!;
    INDEX_FIELDS.forEach((field, fieldId) => {
      const counts = new Map<string, number>();
      for (const term of analyzeText(article[field])) counts.set(term, (counts.get(term) ?? 0) + 1);
      table.fieldLength[fieldId]![number] = counts.size;
      averageFieldLength[fieldId] = (averageFieldLength[fieldId]! * number + counts.size) / (number + 1);
      for (const [term, freq] of counts) {
        let perField = postings.get(term);
        if (!perField) postings.set(term, (perField = INDEX_FIELDS.map(() => [])));
        perField[fieldId]!.push(number, freq);
      }
    });
  });

  const files: IndexFile[] = [];
  const parts = cutParts(postings, partBytes, files);
  const docsBytes = encodeDocsTable(table);
  const docsFile = `docs-${hashBytes(docsBytes)}.bin`;
  files.push({ path: docsFile, data: docsBytes, gzip: true });

  const idShardLength = ordered.length > 36 * 200 ? 2 : 1;
  const shards = new Map<string, Record<string, number>>();
  ordered.forEach((article, number) => {
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
    files.push({ path, data: JSON.stringify(entries), gzip: false });
  }

  const dated = ordered.filter((a) => a.date);
  const manifest: Manifest = {
    version: INDEX_VERSION,
    build: hash53(parts.map((p) => p[1]).join() + docsFile).toString(36),
    articles: ordered.length,
    fields: INDEX_FIELDS,
    averageFieldLength,
    outlets,
    dates: dated.length ? { first: dated[0]!.date.slice(0, 10), last: dated[dated.length - 1]!.date.slice(0, 10) } : null,
    undated: ordered.length - dated.length,
    newest: ordered
      .slice(-newestCount)
      .reverse()
      .map((a, i): NewestArticle => ({
        number: ordered.length - 1 - i,
        id: a.id,
        title: a.title,
        outlet: a.outlet,
        date: a.date,
        url: a.url,
        lead: findSnippet(a.text, NO_QUERY, { maxChars: RESULT_SNIPPET_CHARS }),
      })),
    docs: { file: docsFile, bytes: 0 },
    parts,
    idShardLength,
  };
  return { manifest, files };
}

/** The empty query: a lead snippet is the start of the text. */
const NO_QUERY = parseQuery('');

/** Cuts the sorted vocabulary into parts of about `partBytes` and adds their files. */
function cutParts(postings: Map<string, number[][]>, partBytes: number, files: IndexFile[]): TermPartEntry[] {
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: TermPartEntry[] = [];
  let batch: Array<[string, TermPostings]> = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const data = encodeTermPart(batch);
    const hash = hashBytes(data);
    files.push({ path: termPartPath(hash), data, gzip: true });
    parts.push([batch[0]![0], hash, 0]);
    batch = [];
    batchBytes = 0;
  };
  for (const term of terms) {
    const flat = postings.get(term)!.map((list) => Uint32Array.from(list));
    const size = postingsSize(flat) + term.length * 3 + 4;
    if (batchBytes > 0 && batchBytes + size > partBytes) flush();
    batch.push([term, flat]);
    batchBytes += size;
  }
  flush();
  return parts;
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
