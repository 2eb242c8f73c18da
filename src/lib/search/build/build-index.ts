import type { Article } from '../../article/types.ts';
import { hash53 } from '../../article/article-id.ts';
import { buildColumn } from './build-columns.ts';
import { type CategoricalFacet, DEFAULT_FACET_COLUMNS, OUTLET_FACET } from '../categorical-facets.ts';
import { CharFrequencies } from '../text/char-frequency.ts';
import { collectPostings } from './collect-postings.ts';
import { assignSimilarGroups } from '../query/collapse-similar.ts';
import { createDocsTable, dayNumber, encodeDocsBlock, encodeFacetRows } from '../format/docs-table.ts';
import { encodeVocabulary } from './encode-vocabulary.ts';
import { hashBytes } from '../format/content-hash.ts';
import { encodeFacetValues } from '../format/facet-values.ts';
import { countFacets, NO_FILTERS } from '../query/facets.ts';
import { foldingPairsFor, isTraditionalText } from '../text/fold.ts';
import { findSnippet, RESULT_SNIPPET_CHARS } from '../query/highlight.ts';
import { parseQuery } from '../query/parse-query.ts';
import { literalFormKeys } from '../text/literal-forms.ts';
import { cutPartPages } from './cut-part-pages.ts';
import {
  type ArticleFragment,
  AUTHOR_FIELD,
  type DocsBlockEntry,
  type FacetColumnEntry,
  type NewestArticle,
  fragmentPath,
  htmlPath,
  idShardPath,
  type IndexFile,
  INDEX_FIELDS,
  INDEX_VERSION,
  type Manifest,
  type OutletCount,
  valuesPath,
} from '../format/index-format.ts';


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
  /** Categorical facets stored as docs-table columns besides the outlet (default: author and tag; see `categorical-facets.ts`). */
  facets?: readonly CategoricalFacet[];
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
  /** Each categorical column's value names by code, by facet name (from its `values-` file). */
  columnValues?: ReadonlyMap<string, readonly string[]>;
}

/**
 * 12 KB raw (≈ 6 KB gzip) per part: smaller parts cut the first query's download, at the cost of a
 * longer part table in the manifest (docs/benchmark-notes.md; `npm run bench`). Blocks of 10,000 articles keep
 * a small archive in one block (one docs file, every term inline, as before blocks existed) and cut
 * 100,000 articles into ten. Terms are chunked from 4 KB of postings (≈ 1,500 articles) on: below
 * that a chunk per block would cost more round trips than the bytes it saves.
 */
export const DEFAULT_BUILD_OPTIONS: Required<Omit<BuildOptions, 'previous' | 'facets'>> = { partBytes: 12_000, newestCount: 10, blockSize: 10_000, chunkBytes: 4_000 };

/**
 * Turns compiled articles into the files of the index folder (see `index-format.ts`), one file at
 * a time: yields every file (each path once) as soon as it is encoded, and returns the manifest
 * (its `bytes` fields are filled in by the writer, after gzip). Pure and deterministic: the same
 * articles (and the same `previous`) give byte-identical files. The folding table must be loaded
 * (`loadFoldingTable`) before calling. A writer that saves each file as it comes
 * overlaps its disk and gzip work with the encoding and never holds all the files at once.
 *
 * @example
 * const files = indexFiles(articles, options);
 * for (let step = files.next(); !step.done; step = files.next()) await writer.add(step.value);
 */
export function* indexFiles(articles: readonly Article[], options: BuildOptions = {}): Generator<IndexFile, Manifest> {
  const { partBytes, newestCount, blockSize, chunkBytes } = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const byNumber = assignNumbers(articles, options.previous);
  const slots = byNumber.length;
  const live = byNumber.filter((a): a is Article => a !== undefined);
  const outlets = countOutlets(live);
  const outletCodes = [...(options.previous?.outletCodes ?? [])];
  for (const { name } of [...outlets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) if (!outletCodes.includes(name)) outletCodes.push(name);
  const outletIndex = new Map(outletCodes.map((name, i) => [name, i]));
  // Authors are searched (weighted between title and text) when the archive names any: an index
  // without them keeps the two fields, and the bytes, it had.
  const fields: readonly string[] = live.some((a) => a.author) ? [...INDEX_FIELDS, AUTHOR_FIELD] : INDEX_FIELDS;
  const fieldText = (article: Article, field: string) => (field === AUTHOR_FIELD ? article.author : field === 'title' ? article.title : article.text);
  const columns = (options.facets ?? DEFAULT_FACET_COLUMNS).map((facet) => buildColumn(byNumber, facet, options.previous?.columnValues?.get(facet.name)));

  const table = createDocsTable(slots, fields.length, columns.length);
  table.columns = columns.map((column) => column.rows);
  const blockCount = Math.max(1, Math.ceil(slots / blockSize));
  const charFrequencies = new CharFrequencies(fields.length, (blockCount - 1) * blockSize);
  const postings = collectPostings(
    fields.length,
    (number) => {
      const article = byNumber[number];
      return article && fields.map((field) => fieldText(article, field));
    },
    slots,
    (number, field, terms) => charFrequencies.add(number, field, terms),
    // How the article wrote its words in the other script (match tiers, literal-forms.ts).
    (number) => {
      const article = byNumber[number];
      return article ? literalFormKeys(`${article.title}\n${article.text}`) : [];
    },
  );
  table.fieldLength = postings.fieldLength;
  // MiniSearch keeps a running average; computing it the same way keeps scores identical.
  const averageFieldLength = fields.map(() => 0);
  let seen = 0;
  byNumber.forEach((article, number) => {
    if (!article) return;
    table.day[number] = dayNumber(article.date);
    table.outlet[number] = outletIndex.get(article.outlet)!;
    table.traditional[number] = isTraditionalText(`${article.title}\n${article.text}`) ? 1 : 0;
    fields.forEach((_, fieldId) => {
      averageFieldLength[fieldId] = (averageFieldLength[fieldId]! * seen + table.fieldLength[fieldId]![number]!) / (seen + 1);
    });
    seen++;
  });

  table.similar = assignSimilarGroups(byNumber);

  // Boundaries are kept only while the blocks they were cut for are the same blocks.
  const previous = options.previous?.blockSize === blockSize && options.previous.blocks === blockCount ? options.previous : undefined;
  const { parts, newestParts } = yield* encodeVocabulary(postings, charFrequencies, {
    blockSize,
    blockCount,
    chunkBytes,
    partBytes,
    boundaries: previous?.boundaries ?? [],
    newestBoundaries: previous?.newestBoundaries ?? [],
  });
  // The part tables, paged: the manifest lists the pages (part-pages.ts).
  const olderPages = cutPartPages(parts);
  const newestPages = cutPartPages(newestParts);
  yield* olderPages.files;
  yield* newestPages.files;
  const docs: DocsBlockEntry[] = [];
  for (let block = 0; block < blockCount; block++) {
    const [start, end] = [block * blockSize, Math.min(slots, (block + 1) * blockSize)];
    const blocks: number[] = [];
    const data = encodeDocsBlock(table, start, end, blocks);
    const file = `docs-${hashBytes(data)}.bin`;
    yield { path: file, data, gzip: true, blocks };
    const facetBlocks: number[] = [];
    const facetData = encodeFacetRows(table, start, end, facetBlocks);
    const facets = `docs-${hashBytes(facetData)}.bin`;
    yield { path: facets, data: facetData, gzip: true, blocks: facetBlocks };
    docs.push({ file, bytes: 0, facets, facetBytes: 0 });
  }
  const columnEntries: FacetColumnEntry[] = [];
  for (const column of columns) {
    const data = encodeFacetValues(column.table);
    const file = valuesPath(hashBytes(data));
    yield { path: file, data, gzip: true };
    columnEntries.push({ name: column.facet.name, key: column.facet.key, file, bytes: 0, values: column.inUse, codes: column.values.length });
  }

  const idShardLength = live.length > 36 * 200 ? 2 : 1;
  const shards = new Map<string, Record<string, number>>();
  for (let number = 0; number < slots; number++) {
    const article = byNumber[number];
    if (!article) continue;
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
    yield { path: fragmentPath(number), data: JSON.stringify(fragment), gzip: false };
    yield { path: htmlPath(number), data: article.html, gzip: false };
    const shard = idShardPath(article.id, idShardLength);
    let entries = shards.get(shard);
    if (!entries) shards.set(shard, (entries = {}));
    entries[article.id] = number;
  }
  for (const [path, entries] of [...shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
    yield { path, data: JSON.stringify(sortEntries(entries)), gzip: false };
  }

  const numberOf = new Map(byNumber.flatMap((a, n) => (a ? [[a, n] as const] : [])));
  const dated = live.filter((a) => a.date).sort(compareByDate);
  const newest = [...live].sort(compareByDate).slice(-newestCount).reverse();
  return {
    version: INDEX_VERSION,
    build: hash53([...olderPages.pages, ...newestPages.pages].map((p) => p[1]).join() + docs.map((d) => d.file).join()).toString(36),
    articles: live.length,
    slots,
    blockSize,
    fields,
    averageFieldLength,
    outlets,
    outletCodes,
    columns: columnEntries,
    // The outlet's counts only: the other columns' names are not in the manifest (see `columns`).
    facets: countFacets(numberOf.values(), table, { names: [OUTLET_FACET.name], values: [outletCodes] }, NO_FILTERS),
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
    partPages: olderPages.pages,
    newestPartPages: newestPages.pages,
    idShardLength,
  };
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

/** Ids in a stable order, whatever order numbers were handed out in. */
function sortEntries(entries: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
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
