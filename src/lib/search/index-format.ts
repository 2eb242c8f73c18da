/**
 * The index folder: what the compiler writes and the browser (or the CLI) reads.
 *
 * ```
 * manifest.json          Manifest: counts, outlets, date range, newest articles, part table
 * docs-<hash>.bin        gzip: per article number → day, outlet, field lengths (ranking + facets)
 * terms-<hash>.bin       gzip: one range of the sorted vocabulary with its postings
 * ids/<xx>.json          article id → number, sharded by the id's first two characters
 * a/<number>.json        ArticleFragment: title, url, author, text (snippets, results on screen)
 * h/<number>.html        body HTML, sanitized at build time (and again in the browser) for the reader
 * ```
 * Article numbers follow date order (oldest first), so "newest" is "highest number".
 */

import type { Snippet } from './highlight.ts';

/** Bumped whenever any file's layout changes; readers refuse other versions. */
export const INDEX_VERSION = 1;

/** Fields MiniSearch scores, in field-id order. */
export const INDEX_FIELDS = ['title', 'text'] as const;

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
 * One range of the sorted vocabulary, as a compact tuple (the manifest lists hundreds):
 * the first term of the range (parts are sorted and do not overlap), the content hash that names
 * its file (`termPartPath`), and the file's size in bytes (gzip, for progress and budgeting).
 */
export type TermPartEntry = [first: string, hash: string, bytes: number];

/** Path of a vocabulary part's file. */
export function termPartPath(hash: string): string {
  return `terms-${hash}.bin`;
}

/** `manifest.json`: the only file a visitor needs before the first keystroke. */
export interface Manifest {
  version: number;
  /** Build identity: a hash of every other file's name. */
  build: string;
  articles: number;
  fields: readonly string[];
  /** MiniSearch's average field lengths (unique terms), in field order. */
  averageFieldLength: number[];
  /** Outlets by article count (descending), then name; the docs table stores the position. */
  outlets: OutletCount[];
  /** First and last day (`YYYY-MM-DD`) of dated articles, or null when none is dated. */
  dates: { first: string; last: string } | null;
  /** Articles without a date. */
  undated: number;
  newest: NewestArticle[];
  docs: { file: string; bytes: number };
  parts: TermPartEntry[];
  /** Characters of an id that name its `ids/` shard. */
  idShardLength: number;
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
