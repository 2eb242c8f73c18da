/** Shapes of the search core's public API. */

import type { FacetFilters } from './categorical-facets.ts';

/** Sort orders a visitor can pick. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** A search as the page, the widget and the CLI express it. */
export interface SearchQuery {
  /** What the visitor typed: terms, `"phrases"`, `-exclusions`. Empty lists articles by date. */
  text: string;
  /**
   * Selected values by categorical facet (`{ outlet: ['法广'], tag: ['香港'] }`, see
   * `categorical-facets.ts`): any value within a facet, every facet across; absent keeps all.
   */
  filters?: FacetFilters;
  /** First day included, `YYYY-MM-DD` (UTC). */
  from?: string;
  /** Last day included, `YYYY-MM-DD` (UTC). */
  to?: string;
  sort?: SortOrder;
  /** Results to skip (paging). */
  offset?: number;
  /** Results to return; the total and facets always cover the whole result set. */
  limit?: number;
  /**
   * Near-duplicates collapsed: each result stands for its similar group, the group's other
   * articles in its `similar`; `offset` and `limit` count groups. Default: true for a query with
   * words, false for a listing (no words). False lists every article flat.
   */
  collapse?: boolean;
}

/** One hit, before its fragment (title, url, text) is fetched. */
export interface SearchHit {
  /** Article number: index into the docs table and name of its fragment files. */
  number: number;
  score: number;
  /** Match tier (`MATCH_TIERS` of rank-clauses.ts, summed over the query's terms): results sort by it before the score. Absent: 0. */
  tier?: number;
  /** Query terms (folded tokens) that matched this article. */
  terms: string[];
  /** Near-duplicates of this article in the result set, in result order (collapsed queries only). */
  similar?: SearchHit[];
}

/** Facet counts over the whole result set (each facet ignores its own filter). */
export interface Facets {
  /**
   * Per categorical facet, by name (`outlet`, `author`, `tag`, …): value → matching articles, for
   * every value with at least one. Each facet's counts apply every filter but its own (values of
   * one facet add up: or; facets narrow each other: and), and the date filter.
   */
  counts: Record<string, Record<string, number>>;
  /**
   * Per categorical facet whose value names the worker had not loaded yet (`values-` files are
   * fetched after the first results): value code → matching articles, as in `counts`. The page
   * names them from the values table it fetches (`facetValues`); absent once names are known.
   */
  byCode?: Record<string, Record<number, number>>;
  /** Bucket (`YYYY` or `YYYY-MM`) → matching articles. */
  dates: Record<string, number>;
  /** Size of the date buckets. */
  dateBucket: 'month' | 'year';
  /**
   * Day (`YYYY-MM-DD`) → matching articles, in the worker's answers (not in the manifest's
   * facets, which stay small): the page's timeline derives its months and years from it.
   */
  days?: Record<string, number>;
  /**
   * The query's selected values that the archive does not have, by facet name (`{ author: ['无此人'] }`):
   * they match nothing. Absent when every selected value is known.
   */
  unknown?: Record<string, string[]>;
}

/**
 * A way the engine widened what was typed: a typo corrected (`huawai` → `huawei`), a synonym
 * included (`川普` → `特朗普`), or the other script folded in: a term typed in traditional
 * characters found in simplified text too (`臺灣` → `台湾`), or a simplified term found in
 * traditional text, as some result wrote it (`台湾` → `台灣`). `from` and `to` are folded (NFKC,
 * lowercase) except both sides of a `script` rewrite, which are as typed and as written.
 */
export interface QueryRewrite {
  from: string;
  to: string;
  kind: 'typo' | 'synonym' | 'script';
  /** Of a `script` rewrite: the script `to` is written in. */
  script?: 'simplified' | 'traditional';
}

/** The answer to a `SearchQuery`. */
export interface SearchResponse {
  /** Matching articles (near-duplicates included). */
  total: number;
  /** Similar groups among them: what a collapsed list pages through (`total` when not collapsed). */
  groups: number;
  /**
   * True when the answer is not final: phrase checks stopped at their limit (`total` is then an
   * upper bound), or only the newest blocks were searched so far (see `searched`).
   */
  approximate: boolean;
  /**
   * Articles searched for this answer, and in the archive: `articles < of` while a progressive
   * search has covered only the newest blocks (see `Searcher#searchProgressively`).
   */
  searched: { articles: number; of: number };
  hits: SearchHit[];
  facets: Facets;
  /**
   * True when `facets` leaves out the categorical facets (outlets, authors, tags…) because some of
   * the hits' facet rows had not arrived: an answer run with `facetsLater` (the worker's first
   * answers) does not wait for them. A search without it (the `count` request, the CLI) has them all.
   */
  facetsPending?: true;
  /** Folded search terms, for highlighting. */
  terms: string[];
  /** What the engine read into the query beyond its literal words, in query order (see `QueryRewrite`). */
  rewrites: QueryRewrite[];
}

/**
 * Why an index file could not be used: `unavailable` when it could not be fetched or read (the
 * network, a missing file: retrying may help), `damaged` when it was read but is not what the
 * index says it is (corrupt, truncated, another file's bytes, another index version: rebuild).
 */
export type IndexErrorReason = 'unavailable' | 'damaged';

/**
 * Thrown when an index cannot be used: missing or corrupt manifest, wrong version, a part that
 * does not load. The message names the file and what to do; `reason` tells a fetch failure from
 * a damaged index, set where the loader throws (never guessed from the message).
 */
export class IndexError extends Error {
  override name = 'IndexError';
  constructor(
    message: string,
    readonly file?: string,
    readonly reason: IndexErrorReason = 'damaged',
  ) {
    super(message);
  }
}
