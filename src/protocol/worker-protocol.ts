/**
 * The messages between the page and the search worker. Every request carries a counter (`id`)
 * that its reply repeats; progress reports carry none. A `search` with `progressive: true` may
 * also get partial answers (`{ id, partial }`) before its reply. Everything here is plain data
 * (it crosses `postMessage`).
 */
import type { TextRange, Snippet } from '../lib/search/query/highlight.ts';
import type { ArticlePreview, Manifest } from '../lib/search/format/index-format.ts';
import type { FacetValueTable } from '../lib/search/format/facet-values.ts';
import type { Facets, QueryRewrite, SearchHit, SearchQuery } from '../lib/search/types.ts';
import type { QueryCut } from '../lib/search/query/query-limits.ts';

/** One page of results, with the total and the facets of the whole result set. */
export interface SearchAnswer {
  /** Matching articles. */
  total: number;
  /**
   * Similar groups among them, which `hits` pages through (each hit's `similar` holds the rest of
   * its group); absent where nothing is collapsed (the manifest's listing): `total`.
   */
  groups?: number;
  /** True while the answer may still change: only the newest articles searched, or phrase checks cut short. */
  approximate: boolean;
  hits: SearchHit[];
  facets: Facets;
  /**
   * The categorical facets are left out of `facets`: the hits' facet rows had not arrived (a
   * `search` does not wait for them). The page asks for them with a `count` once the first
   * results are painted.
   */
  facetsPending?: true;
  /** Articles searched for this answer, of all in the archive (`articles < of` in a partial answer). */
  searched: { articles: number; of: number };
  /** What the query limits left out of the query (`query-limits.ts`); absent when nothing. */
  cut?: QueryCut;
  /** Typo corrections, synonyms and script folding the answer owes something to (absent: none). */
  rewrites?: QueryRewrite[];
}

/** What a result on screen shows: its fragment's fields, the title's marks and a snippet. */
export interface ArticleSummary extends ArticlePreview {
  /** Query text the marks and the snippet were made for. */
  text: string;
  titleHighlights: TextRange[];
  snippet: Snippet;
}

/** An article for the reader; `html` is NOT sanitized yet (the page does that). */
export interface ArticleBody {
  number: number;
  id: string;
  title: string;
  outlet: string;
  author: string;
  date: string;
  url: string;
  html: string;
}

/** An article from another outlet about the same story. */
export interface RelatedSummary {
  number: number;
  id: string;
  title: string;
  outlet: string;
  date: string;
  score: number;
}

/** Requests by type: what each takes and what its reply holds. */
export interface WorkerApi {
  /**
   * Opens the index folder at `indexUrl` (absolute, ending in `/`). `manifest`: its
   * `manifest.json`, when the page has fetched it already (the hosted page preloads it).
   */
  open: { params: { indexUrl: string; manifest?: Uint8Array }; result: Manifest };
  /** Answered as soon as the worker's first script runs (its download is over; its core's has begun). */
  ping: { params: Record<string, never>; result: true };
  /**
   * Runs the search once over a tiny in-memory index (`warm-up.ts`) as soon as its code has
   * arrived, so that the first real search runs compiled code; false when it had run already.
   * The hosted page asks (`preopen.ts`); the widget does not (its download is budgeted).
   */
  warmUp: { params: Record<string, never>; result: boolean };
  /**
   * The complete answer. With `progressive: true`, a query that touches a large part of the index
   * (a common term, an empty query) first gets partial answers, `{ id, partial }`, newest articles
   * first, each covering more (`partial.searched`); the reply is the complete answer. A newer
   * `search` stops an older progressive one: its reply is then its last partial answer.
   */
  search: { params: { query: SearchQuery; progressive?: boolean }; result: SearchAnswer };
  /**
   * The complete answer to a `search` that was approximate or left facets out: every candidate's
   * text is checked for a phrase query whose `search` answer confirmed its phrases only as far as
   * the page needed (up to `PHRASE_SETTLE_LIMIT` of search-worker.ts), so `total` settles; and the
   * facet rows of every block the hits fall in are read, so `facets` has the categorical facets
   * a `search` answer with `facetsPending` left out.
   */
  count: { params: { query: SearchQuery }; result: SearchAnswer };
  /**
   * Summaries of these articles for query `text`. Numbers whose fragment failed come back in
   * `failed`, with the first failure: one missing file does not hide the other results.
   */
  summaries: { params: { numbers: number[]; text: string }; result: SummariesResult };
  /**
   * Summaries of the first `count` hits of the `search` for `query` sent just before (made as
   * soon as it is answered, without waiting for the page to ask), and which hits they are: the
   * hosted page's head start (`head-start.ts`), and the widget's first paint. None (`numbers: []`)
   * when the latest search is another one by then. `foldingTable: false` (the widget): do not
   * fetch the folding table ahead after the reply, as the hosted page does.
   */
  firstSummaries: { params: { query: SearchQuery; count: number; foldingTable?: false }; result: SummariesResult & { numbers: number[] } };
  /** An article by number or by id; null when the index has no such id. */
  article: { params: { number: number } | { id: string }; result: ArticleBody | null };
  /** Ranges of `body` (the reader's text) to mark for query `text`. */
  highlight: { params: { body: string; text: string }; result: TextRange[] };
  related: { params: { number: number }; result: RelatedSummary[] };
  /**
   * Every categorical column's values (author, tag, …) by facet name: names, archive-wide counts
   * and traditional forms by code (`values-` files). The page asks once its first results are
   * shown: the facet lists, the start page's counts and the traditional UI's names need them; an
   * answer's counts of a column whose names the worker had not loaded come by code (`Facets.byCode`).
   * Answered after the latest `search`'s complete answer and its page's fragments (a partial
   * answer's results ask too: the first results' files go first).
   */
  facetValues: { params: Record<string, never>; result: Record<string, FacetValueTable> };
  /**
   * Fetches the vocabulary into the worker's memory, at low priority: every part of both
   * vocabularies (not the common terms' chunks) when their bytes (the manifest's) are within
   * `budget`, else the newest block's (all a query's first answer needs), else nothing. New
   * words are then searched (their first answer, at least) without a round trip. Once; later
   * calls get the same outcome.
   */
  prefetch: { params: { budget: number }; result: VocabularyPrefetch };
  /**
   * The index files this worker has fetched (paths relative to the index folder) and the build
   * of the open index: the hosted page hands them to its service worker once it controls the
   * page, so that a first visit's searches answer offline too (src/offline/register-offline.ts).
   */
  fetched: { params: Record<string, never>; result: { build: string; paths: string[] } };
}

/** What a vocabulary prefetch did. */
export interface VocabularyPrefetch {
  /** What was fetched: both vocabularies, the newest block's, or none (even that over the budget). */
  scope: 'all' | 'newest' | 'none';
  /** Parts in memory, and their bytes (gzip, as fetched). */
  files: number;
  bytes: number;
  /** Parts that failed (they are fetched again when a search needs them). */
  failed: number;
}

/** Summaries, and the numbers whose fragment failed, with the first failure. */
export interface SummariesResult {
  summaries: ArticleSummary[];
  failed: number[];
  failure?: WorkerFailure;
}

export type RequestType = keyof WorkerApi;

export type WorkerRequest = { [K in RequestType]: { id: number; type: K; params: WorkerApi[K]['params'] } }[RequestType];

/** Why a request failed, sorted for the visitor: the technical detail goes to the console. */
export interface WorkerFailure {
  /** `unavailable`: a file could not be fetched; `corrupt`: it arrived but is unusable; `bug`: anything else. */
  kind: 'unavailable' | 'corrupt' | 'bug';
  message: string;
  file?: string;
}

/** Index files on their way: what the progress indicator shows. */
export interface LoadProgress {
  manifest: boolean;
  docs: boolean;
  /** Vocabulary parts (and common terms' chunks) being fetched. */
  terms: number;
  /** Files started and finished since nothing was pending (for a determinate bar). */
  started: number;
  finished: number;
}

export type WorkerReply =
  | { id: number; ok: true; result: WorkerApi[RequestType]['result'] }
  | { id: number; ok: false; failure: WorkerFailure }
  /** A partial answer to a progressive `search`; its reply (`ok`) follows. */
  | { id: number; partial: SearchAnswer }
  | { id?: undefined; progress: LoadProgress };
