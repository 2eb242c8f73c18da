import { foldText, prepareFolding } from './fold.ts';
import type { ArticleFragment, Manifest } from './index-format.ts';
import { IndexReader, type IndexSource } from './load-index.ts';
import { parseQuery, type ParsedQuery } from './parse-query.ts';
import { planQuery, widenLatinPrefixes } from './query-plan.ts';
import { runQuery, runQuerySteps } from './query.ts';
import type { SearchHit, SearchQuery, SearchResponse } from './types.ts';

/** A hit with what a result list shows. */
export interface SearchResult extends SearchHit {
  id: string;
  title: string;
  outlet: string;
  date: string;
  url: string;
  author: string;
  /** Near-duplicates collapsed under this result (see `SearchQuery.collapse`), with the same fields. */
  similar?: SearchResult[];
}

/**
 * The search core's front door, the same in the browser, the worker, the CLI and the tests.
 *
 * @example
 * const searcher = await Searcher.open(source);
 * const response = await searcher.search({ text: '王毅 北约', outlets: ['法广'], sort: 'newest' });
 * const results = await searcher.results(response.hits);
 */
export class Searcher {
  private constructor(readonly reader: IndexReader) {}

  /** Opens an index (reads and checks its manifest). @throws IndexError */
  static async open(source: IndexSource): Promise<Searcher> {
    return new Searcher(await IndexReader.open(source));
  }

  get manifest(): Manifest {
    return this.reader.manifest;
  }

  /** Parses a query after loading the folding table if (and only if) the text needs it. */
  async parse(text: string): Promise<ParsedQuery> {
    await prepareFolding(text);
    return widenLatinPrefixes(parseQuery(text));
  }

  /**
   * Runs a search: total, one page of hits, facet counts over the whole result set.
   * @throws IndexError when an index part it needs cannot be loaded
   */
  async search(query: SearchQuery, options: { phraseCheckLimit?: number } = {}): Promise<SearchResponse & { query: ParsedQuery }> {
    const parsed = await this.parse(query.text);
    const response = await runQuery(this.reader, planQuery(parsed), query, { phraseCheckLimit: options.phraseCheckLimit, checkPhrases: this.phraseChecker(parsed) });
    return { ...response, query: parsed };
  }

  /**
   * Runs a search in steps, newest articles first, when it touches a large part of the index (a
   * common term, an empty query over a large archive; see `runQuerySteps`): the first answer
   * covers the newest `firstStep` articles (2,500 by default), each later one more of the newest
   * blocks (`searched.articles` of `searched.of`, `approximate: true`); the last one is
   * what `search` answers. Other queries yield that one complete answer. Scores are the same in
   * every step.
   * @throws IndexError when an index file it needs cannot be loaded
   * @example
   * for await (const answer of searcher.searchProgressively({ text: '中国' })) {
   *   console.log(`${answer.total} in ${answer.searched.articles} of ${answer.searched.of}`);
   * }
   */
  async *searchProgressively(query: SearchQuery, options: { phraseCheckLimit?: number; firstStep?: number } = {}): AsyncGenerator<SearchResponse & { query: ParsedQuery }> {
    const parsed = await this.parse(query.text);
    const steps = runQuerySteps(this.reader, planQuery(parsed), query, { ...options, checkPhrases: this.phraseChecker(parsed) });
    for await (const response of steps) yield { ...response, query: parsed };
  }

  /** Tells whether an article holds the query's phrases (and none of its excluded ones), from its text. */
  private phraseChecker(parsed: ParsedQuery): (number: number) => Promise<{ phrases: boolean; excludedPhrases: boolean }> {
    return async (number) => {
      const fragment = await this.reader.fragment(number);
      const text = `${fragment.title}\n${fragment.text}`;
      await prepareFolding(text);
      const folded = collapseSpaces(foldText(text));
      return {
        phrases: parsed.phrases.every((phrase) => folded.includes(phrase.text)),
        excludedPhrases: parsed.excludedPhrases.some((phrase) => folded.includes(phrase.text)),
      };
    };
  }

  /** Fetches the fragments of `hits` and of their `similar` (in parallel) and joins them to the hits. */
  async results(hits: readonly SearchHit[]): Promise<SearchResult[]> {
    const fragments = await Promise.all(hits.map((hit) => this.reader.fragment(hit.number)));
    const similar = await Promise.all(hits.map((hit) => (hit.similar ? this.results(hit.similar) : undefined)));
    return hits.map((hit, i) => {
      const result = toResult(hit, fragments[i]!);
      if (similar[i]) result.similar = similar[i];
      return result;
    });
  }

  /** The fragment of one article (title, url, text for snippets). */
  fragment(number: number): Promise<ArticleFragment> {
    return this.reader.fragment(number);
  }
}

/**
 * A phrase matches where its folded text occurs with any run of whitespace standing for its
 * spaces: exactly what the bigram index can find (punctuation inside a Chinese phrase breaks it).
 */
function collapseSpaces(folded: string): string {
  return folded.replace(/\s+/g, ' ');
}

function toResult(hit: SearchHit, fragment: ArticleFragment): SearchResult {
  const { similar: _similar, ...fields } = hit;
  return { ...fields, id: fragment.id, title: fragment.title, outlet: fragment.outlet, date: fragment.date, url: fragment.url, author: fragment.author };
}
