/**
 * Recall and precision of a search engine's result lists against a brute-force substring scan:
 * the articles whose title + text contain every term of the query. Pure: the caller chooses the
 * folding (this project's `foldText`, or the literal one) and feeds the articles.
 */

/** Folds article text and query terms alike before the substring test. */
export type Fold = (text: string) => string;

/** Literal matching: lowercase only (no NFKC, no traditional → simplified), as Pagefind matches Latin words. */
export const LITERAL_FOLD: Fold = (text) => text.toLowerCase();

/** The longest result list judged per query: recall is counted against at most this many articles. */
export const RESULT_CAP = 1000;

/** The part of an article the scan reads. */
export interface TruthArticle {
  number: number;
  title: string;
  text: string;
}

/**
 * A query's terms for the scan: its whitespace-separated words.
 * @throws Error for query syntax the scan cannot judge (quotes, `-exclusions`)
 * @example queryTerms('王毅  美国') // ['王毅', '美国']
 */
export function queryTerms(query: string): string[] {
  const terms = query.split(/\s+/).filter(Boolean);
  if (terms.length === 0) throw new Error('recall: an empty query has no substring truth');
  for (const term of terms) {
    if (term.includes('"') || term.startsWith('-')) throw new Error(`recall: "${query}" uses query syntax (quotes or -exclusion) that a substring scan cannot judge`);
  }
  return terms;
}

/**
 * The ground truth of several queries, built in one pass over the articles (each is folded once,
 * so an archive of any size streams through without being held in memory).
 *
 * @example
 * const truth = new SubstringTruth(['王毅 美国'], foldText);
 * for (const article of articles) truth.add(article);
 * truth.of('王毅 美国') // Set of article numbers
 */
export class SubstringTruth {
  readonly #terms: Map<string, string[]>;
  readonly #truth = new Map<string, Set<number>>();
  readonly #fold: Fold;

  /** @param termsOf a query's substrings, all of which an article must hold (default `queryTerms`) */
  constructor(queries: readonly string[], fold: Fold, termsOf: (query: string) => string[] = queryTerms) {
    this.#fold = fold;
    this.#terms = new Map(queries.map((q) => [q, termsOf(q).map(fold)]));
    for (const q of queries) this.#truth.set(q, new Set());
  }

  /** Tests one article against every query. */
  add(article: TruthArticle): void {
    // A newline between title and text: no term matches across the two.
    const haystack = this.#fold(`${article.title}\n${article.text}`);
    for (const [query, terms] of this.#terms) {
      if (terms.every((term) => haystack.includes(term))) this.#truth.get(query)!.add(article.number);
    }
  }

  /** The articles containing every term of `query` (one of the constructor's queries). */
  of(query: string): ReadonlySet<number> {
    const truth = this.#truth.get(query);
    if (!truth) throw new Error(`recall: "${query}" was not scanned`);
    return truth;
  }
}

/** How one result list fares against its truth. */
export interface ResultScore {
  /** |returned ∩ truth| / min(|truth|, RESULT_CAP); NaN when the truth is empty. */
  recall: number;
  /** Fraction of the first min(k, returned) results in the truth; NaN when nothing was returned. */
  precision: number;
}

/**
 * Scores a ranked result list (article numbers, best first; only the first `RESULT_CAP` count).
 *
 * @example scoreResults([3, 9], new Set([3, 4])) // { recall: 0.5, precision: 0.5 }
 */
export function scoreResults(returned: readonly number[], truth: ReadonlySet<number>, k = 10): ResultScore {
  const judged = returned.slice(0, RESULT_CAP);
  const found = new Set(judged.filter((n) => truth.has(n))).size;
  const top = judged.slice(0, k);
  return {
    recall: truth.size === 0 ? Number.NaN : found / Math.min(truth.size, RESULT_CAP),
    precision: top.length === 0 ? Number.NaN : top.filter((n) => truth.has(n)).length / top.length,
  };
}

/** Mean of the numbers that are not NaN (NaN when none is). */
export function meanOfDefined(values: readonly number[]): number {
  const defined = values.filter((v) => !Number.isNaN(v));
  return defined.length === 0 ? Number.NaN : defined.reduce((a, v) => a + v, 0) / defined.length;
}
