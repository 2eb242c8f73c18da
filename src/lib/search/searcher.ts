import { foldText, prepareFolding } from './text/fold.ts';
import type { ArticleFragment, Manifest } from './format/index-format.ts';
import { IndexReader, type IndexSource } from './load-index.ts';
import { parseQuery, type ParsedQuery } from './query/parse-query.ts';
import { limitQuery, limitQueryText, type LimitedQuery, type QueryCut } from './query/query-limits.ts';
import { planQuery, widenLatinPrefixes } from './query/query-plan.ts';
import { runQuery, runQuerySteps, type RunOptions } from './query/query.ts';
import { scriptRewrites } from './query/query-rewrites.ts';
import type { QueryRewrite, SearchHit, SearchQuery, SearchResponse } from './types.ts';

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
 * const response = await searcher.search({ text: '王毅 北约', filters: { outlet: ['法广'] }, sort: 'newest' });
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

  /** Parses a query (within `query-limits.ts`'s limits) after loading the folding table if (and only if) the text needs it. */
  async parse(text: string): Promise<ParsedQuery> {
    return (await this.parseWithin(text)).parsed;
  }

  /** `parse`, with what the query limits cut (null: nothing). */
  async parseWithin(text: string): Promise<LimitedQuery> {
    await prepareFolding(limitQueryText(text).text);
    const limited = limitQuery(text, parseQuery);
    widenLatinPrefixes(limited.parsed);
    return limited;
  }

  /**
   * Runs a search: total, one page of hits, facet counts over the whole result set; `cut` says
   * what of the query its limits left out (see `query-limits.ts`).
   * @throws IndexError when an index part it needs cannot be loaded
   */
  async search(query: SearchQuery, options: Pick<RunOptions, 'phraseCheckLimit' | 'pause' | 'facetsLater'> = {}): Promise<SearchResponse & { query: ParsedQuery; cut: QueryCut | null }> {
    const { parsed, cut } = await this.parseWithin(query.text);
    const response = await runQuery(this.reader, planQuery(parsed), query, { phraseCheckLimit: options.phraseCheckLimit, pause: options.pause, facetsLater: options.facetsLater, checkPhrases: this.phraseChecker(parsed) });
    const typos = response.rewrites.filter((r) => r.kind === 'typo');
    const text = correctedText(query.text, typos);
    if (text !== query.text) {
      // "Showing results for huawei" shows huawei's results, its synonyms (华为) included.
      const corrected = await this.search({ ...query, text }, options);
      return { ...corrected, rewrites: [...typos, ...corrected.rewrites.filter((r) => r.kind !== 'typo')] };
    }
    return { ...response, rewrites: [...scriptRewrites(parsed), ...response.rewrites], query: parsed, cut };
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
  async *searchProgressively(
    query: SearchQuery,
    options: Pick<RunOptions, 'phraseCheckLimit' | 'firstStep' | 'pause' | 'facetsLater'> = {},
  ): AsyncGenerator<SearchResponse & { query: ParsedQuery; cut: QueryCut | null }> {
    const { parsed, cut } = await this.parseWithin(query.text);
    const steps = runQuerySteps(this.reader, planQuery(parsed), query, { ...options, checkPhrases: this.phraseChecker(parsed) });
    for await (const response of steps) {
      const typos = response.rewrites.filter((r) => r.kind === 'typo');
      const text = correctedText(query.text, typos);
      if (text !== query.text) {
        // Typos are looked for only in a complete answer (over the whole vocabulary): the corrected query's answers follow.
        for await (const corrected of this.searchProgressively({ ...query, text }, options)) {
          yield { ...corrected, rewrites: [...typos, ...corrected.rewrites.filter((r) => r.kind !== 'typo')] };
        }
        return;
      }
      yield { ...response, rewrites: [...scriptRewrites(parsed), ...response.rewrites], query: parsed, cut };
    }
  }

  /** Tells whether an article holds the query's phrases (and none of its excluded ones), from its text. */
  private phraseChecker(parsed: ParsedQuery): (number: number) => Promise<{ phrases: boolean; excludedPhrases: boolean }> {
    return async (number) => {
      const fragment = await this.reader.fragment(number);
      const text = `${fragment.title}\n${fragment.text}`;
      await prepareFolding(text);
      const folded = collapseSpaces(foldText(text));
      // `+word`: the words as written too (NFKC and case only), not another script's form of them.
      const written = parsed.phrases.some((phrase) => phrase.asWritten) ? collapseSpaces(text.normalize('NFKC').toLowerCase()) : '';
      return {
        phrases: parsed.phrases.every((phrase) => folded.includes(phrase.text) && (!phrase.asWritten || written.includes(collapseSpaces(phrase.raw.normalize('NFKC').toLowerCase())))),
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
 * `text` with each word that `typos` corrected replaced by its correction (a word is recognised by
 * its NFKC, lowercased form; quoted phrases are left alone). The same text when there are none.
 * @example correctedText('Huawai 手机', [{ from: 'huawai', to: 'huawei', kind: 'typo' }]) // 'huawei 手机'
 */
export function correctedText(text: string, typos: readonly QueryRewrite[]): string {
  if (typos.length === 0) return text;
  const to = new Map(typos.map((r) => [r.from, r.to]));
  return text.replace(/"[^"]*"|[^\s"]+/g, (word) => to.get(word.normalize('NFKC').toLowerCase()) ?? word);
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
