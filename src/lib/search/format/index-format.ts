/**
 * The index folder: what the compiler writes and the browser (or the CLI) reads.
 *
 * ```
 * manifest.json          Manifest: counts, outlets, date range, newest articles, blocks, the part tables' pages
 * dir-<hash>.bin         gzip: one page of a vocabulary's part table (see part-pages.ts)
 * docs-<hash>.bin        gzip: one block of article numbers → day, field lengths, script, similar group
 *                        (ranking, sorting, near-duplicates collapsed at query time); and in a second file
 *                        per block, outlet and categorical columns' codes (facets, categorical filters)
 * values-<hash>.bin      gzip: one categorical column's values by code (JSON, see facet-values.ts), e.g. the
 *                        authors: names, archive-wide article counts, traditional forms
 * terms-<hash>.bin       gzip: one range of the sorted vocabulary of the older blocks (`parts`) or of
 *                        the newest block (`newestParts`): each term's document frequency there, and
 *                        its postings (rare terms) or the names of its per-block chunks (common terms)
 * post-<hash>.bin        gzip: one common term's postings within one block
 * ids/<xx>.json          article id → number, sharded by the id's first two characters
 * a/<number>.json        ArticleFragment: title, url, author, text (snippets, results on screen)
 * h/<number>.html        body HTML, sanitized at build time (and again in the browser) for the reader
 * ```
 * Article numbers are handed out in order of first appearance (the first build numbers by date,
 * oldest first; each later build appends its new articles, by date) and never change, so the files
 * of old articles keep their names. A deleted article leaves a hole (see `NO_OUTLET`). Numbers are
 * grouped in blocks of `blockSize`: block `b` holds numbers `b × blockSize …`; the last block is the
 * newest and the only one a day's new articles change.
 */

import type { Snippet } from '../query/highlight.ts';
import type { PartPageEntry } from './part-pages.ts';
import type { TermPacks } from './term-packs.ts';
import type { Facets } from '../types.ts';

/** Bumped whenever any file's layout changes; readers refuse other versions. */
export const INDEX_VERSION = 9;

/** Fields MiniSearch scores, in field-id order. */
export const INDEX_FIELDS = ['title', 'text'] as const;

/** The field appended to `INDEX_FIELDS` when any article names an author (the manifest's `fields` says). */
export const AUTHOR_FIELD = 'author';

/**
 * One categorical column of the docs table beyond the outlet (author, tag, a facet declared with
 * `--facet`): its facet, and the file of its values (names, archive-wide counts, traditional
 * forms: `facet-values.ts`), fetched when a query filters by it, or by the page once its first
 * results are shown (an answer counts the column by code until then). Names keep their codes from
 * build to build (a new value gets the next code), like outlets.
 */
export interface FacetColumnEntry {
  /** Filter name (`author`): `filters.author`, URL `author=`, CLI `--author`. */
  name: string;
  /** Key of its counts in the CLI's JSON (`facets.authors`). */
  key: string;
  /** `values-<hash>.bin`: gzip JSON, the values by code (`FacetValueTable`). */
  file: string;
  /** Size of that file (gzip). */
  bytes: number;
  /** Values in use (at least one article holds them): a page shows a facet from two on. */
  values: number;
  /** Codes the values file names, in use or not (an answer counts the column by code up to it). */
  codes: number;
}

/** One outlet and how many articles it has. */
export interface OutletCount {
  name: string;
  count: number;
}

/** A preview of an article, enough to list it without fetching anything. */
export interface ArticlePreview {
  number: number;
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
}

/**
 * One of the manifest's newest articles: its preview and the snippet the page shows under it
 * before any query (the start of its text), so the start page fetches no fragment.
 */
export interface NewestArticle extends ArticlePreview {
  lead: Snippet;
}

/**
 * One range of the sorted vocabulary, as a compact tuple (a part table page lists dozens):
 * the first term of the range (parts are sorted and do not overlap) and the content hash that
 * names its file (`termPartPath`).
 */
export type TermPartEntry = [first: string, hash: string];

/** One file of the index folder. `gzip` files are compressed by the writer before saving. */
export interface IndexFile {
  path: string;
  data: Uint8Array | string;
  gzip: boolean;
  /**
   * Offsets in `data` (ascending) where the writer ends a deflate block of a `gzip` file, so that
   * each column of a docs block gets Huffman codes of its own: 10–12 % fewer bytes than one
   * stream whose blocks zlib cuts where its buffer fills (5.1 → 4.5 KB on the shared corpus's rank
   * rows, 16.8 → 15.1 KB a ×30 block). Any gzip reader reads the file as before.
   */
  blocks?: readonly number[];
}

/** Path of a vocabulary part's file. */
export function termPartPath(hash: string): string {
  return `terms-${hash}.bin`;
}

/** Index of the part whose range holds `term` (the last part starting at or before it). */
export function partIndexOf(parts: ReadonlyArray<readonly [string, ...unknown[]]>, term: string): number {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (parts[mid]![0] <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Path of a categorical column's value names. */
export function valuesPath(hash: string): string {
  return `values-${hash}.bin`;
}

/** Path of a common term's postings chunk (one block of article numbers). */
export function chunkPath(hash: string): string {
  return `post-${hash}.bin`;
}

/**
 * One block of the docs table, in two files (index version 8): its rank rows (`file`: days, field
 * lengths, script, similar groups: what scoring, sorting and collapsing read) and its facet rows
 * (`facets`: outlets and the other categorical columns: what facet counts and categorical filters
 * read), each `docs-<hash>.bin` with its size (gzip).
 */
export interface DocsBlockEntry {
  file: string;
  bytes: number;
  facets: string;
  facetBytes: number;
}

/** `manifest.json`: the only file a visitor needs before the first keystroke. */
export interface Manifest {
  version: number;
  /** Build identity: a hash of every other file's name. */
  build: string;
  /** Articles in the index (BM25's document count). */
  articles: number;
  /** Article numbers in use, holes of deleted articles included: numbers run `0 … slots - 1`. */
  slots: number;
  /** Article numbers per block (docs table files, common terms' chunks). */
  blockSize: number;
  fields: readonly string[];
  /** MiniSearch's average field lengths (unique terms), in field order. */
  averageFieldLength: number[];
  /** Outlets by article count (descending), then name. */
  outlets: OutletCount[];
  /**
   * Outlet names by the code the docs table stores. Codes never change from build to build (a new
   * outlet gets the next one), so that a block whose articles did not change keeps its bytes.
   */
  outletCodes: string[];
  /** Categorical columns beyond the outlet, in the docs table's order. */
  columns: FacetColumnEntry[];
  /**
   * The facets of the empty query (every article): the start page shows its outlet counts and
   * date histogram without the docs table (the other columns' archive-wide counts are in their
   * values files, fetched after the first results: their names are not in the manifest).
   */
  facets: Facets;
  /** First and last day (`YYYY-MM-DD`) of dated articles, or null when none is dated. */
  dates: { first: string; last: string } | null;
  /** Articles without a date. */
  undated: number;
  newest: NewestArticle[];
  /** The docs table, one file per block, oldest block first. */
  docs: DocsBlockEntry[];
  /**
   * The pages of the part table of every block but the newest (empty with one block): new
   * articles never change these parts. A term's document frequency is the sum of its entries
   * here and in the newest block's vocabulary.
   */
  partPages: PartPageEntry[];
  /** The pages of the newest block's part table: the parts a day's articles change. */
  newestPartPages: PartPageEntry[];
  /** Characters of an id that name its `ids/` shard. */
  idShardLength: number;
  /**
   * Bytes of the files the manifest does not list one by one: every common term's chunks
   * (`post-*`), fragments (`a/`) and reader bodies (`h/`), as served. Keeping the archive offline
   * shows its size before it downloads them. Filled in by the writer; absent in older indexes.
   */
  sizes?: { postings: number; fragments: number; bodies: number };
  /** The vocabulary packs the prefetch reads (`term-packs.ts`); absent when the writer made none. */
  termPacks?: TermPacks;
}

/** `a/<number>.json`: what a result on screen needs beyond the docs table. */
export interface ArticleFragment {
  id: string;
  title: string;
  url: string;
  outlet: string;
  author: string;
  date: string;
  text: string;
  /**
   * Traditional → simplified pairs for the characters of the title and text that fold (see
   * `foldingPairsFor`); absent when none do. Lets the browser mark folded matches in this
   * article without fetching the whole folding table.
   */
  fold?: string;
}

/** Path of an article's fragment, relative to the index folder. */
export function fragmentPath(articleNumber: number): string {
  return `a/${articleNumber}.json`;
}

/** Path of an article's reader HTML, relative to the index folder. */
export function htmlPath(articleNumber: number): string {
  return `h/${articleNumber}.html`;
}

/** Path of the shard that maps ids starting like `id` to article numbers. */
export function idShardPath(id: string, shardLength: number): string {
  return `ids/${id.slice(0, shardLength)}.json`;
}
