import type MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import { parseDay } from './docs-table.ts';
import { countFacets, passesDate, passesOutlet, type ResolvedFilters } from './facets.ts';
import { assembleMiniSearch } from './index-options.ts';
import type { IndexReader } from './load-index.ts';
import type { QueryPlan, PlanClause, PlanToken } from './query-plan.ts';
import type { TermPart, TermPostings } from './term-part.ts';
import { isCjkCodePoint } from './tokenize.ts';
import type { SearchHit, SearchQuery, SearchResponse } from './types.ts';

/** Results per page when the caller does not say. */
export const DEFAULT_LIMIT = 10;

/**
 * Runs a planned query against an opened index: loads the vocabulary parts its terms need (and
 * the docs table), assembles a MiniSearch instance over just those terms, scores with BM25, then
 * filters, counts facets and sorts.
 *
 * An empty plan lists every article that passes the filters, newest first by default.
 * @throws IndexError when a part the query needs cannot be loaded
 */
export async function runQuery(
  reader: IndexReader,
  plan: QueryPlan,
  query: SearchQuery,
  options: RunOptions = {},
): Promise<SearchResponse> {
  const [docs, { terms, fuzzy, merged }] = await Promise.all([reader.docs(), loadTerms(reader, plan)]);
  const filters = resolveFilters(reader, query);
  const outletNames = reader.manifest.outlets.map((o) => o.name);
  // One MiniSearch over the loaded terms serves the included and the excluded clauses alike.
  const search = assembleMiniSearch(terms, docs, reader.manifest.fields, reader.manifest.averageFieldLength);
  const match = (clauses: readonly PlanClause[], combineWith: 'AND' | 'OR') => matchClauses(search, clauses, combineWith, fuzzy, merged);

  const phraseExcludes = plan.exclude.filter(needsPhraseCheck);
  const plainExcludes = plan.exclude.filter((c) => !needsPhraseCheck(c));
  let scored: Map<number, SearchHit>;
  if (plan.include.length === 0) {
    scored = new Map();
    for (let n = 0; n < docs.count; n++) scored.set(n, { number: n, score: 0, terms: [] });
  } else {
    scored = match(plan.include, 'AND');
  }
  if (plainExcludes.length) {
    for (const n of match(plainExcludes, 'OR').keys()) scored.delete(n);
  }
  if (phraseExcludes.length) {
    const suspects = [...match(phraseExcludes, 'OR').keys()].filter((n) => scored.has(n));
    const verdicts = options.checkPhrases
      ? await Promise.all(suspects.map((n) => options.checkPhrases!(n).then((v) => v.excludedPhrases)))
      : suspects.map(() => true);
    suspects.forEach((n, i) => {
      if (verdicts[i]) scored.delete(n);
    });
  }

  const hits: SearchHit[] = [];
  for (const hit of scored.values()) {
    if (passesOutlet(docs, hit.number, filters) && passesDate(docs, hit.number, filters)) hits.push(hit);
  }
  const sort = query.sort ?? 'relevance';
  if (sort === 'oldest') hits.sort((a, b) => a.number - b.number);
  else if (sort === 'newest' || plan.include.length === 0) hits.sort((a, b) => b.number - a.number);
  else hits.sort((a, b) => b.score - a.score || b.number - a.number);

  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? DEFAULT_LIMIT);
  let approximate = false;
  if (options.checkPhrases && plan.include.some(needsPhraseCheck)) {
    approximate = await confirmPhrases(hits, scored, offset + limit, options.phraseCheckLimit ?? 0, options.checkPhrases);
  }
  const facets = countFacets(scored.keys(), docs, outletNames, filters);
  return { total: hits.length, approximate, hits: hits.slice(offset, offset + limit), facets, terms: planTerms(plan) };
}

/** Options of `runQuery` beyond the query itself. */
export interface RunOptions {
  /**
   * Tells whether article `number` holds the query's phrases contiguously (and none of its
   * excluded phrases). Without it, a phrase matches wherever all its tokens occur.
   */
  checkPhrases?: (number: number) => Promise<{ phrases: boolean; excludedPhrases: boolean }>;
  /**
   * Candidates to check at least, in result order. By default only as many as the requested page
   * needs are checked (the rest stay in the total, which is then flagged approximate).
   */
  phraseCheckLimit?: number;
}

/** A phrase of one token (a two-character word) is already exact; longer ones need the text. */
function needsPhraseCheck(clause: PlanClause): boolean {
  return clause.phrase && clause.variants.some((v) => v.tokens.length > 1);
}

/** Fewest articles whose text is fetched at once while confirming phrases. */
const PHRASE_BATCH = 5;

/**
 * Confirms phrases lazily, in result order, in batches: until `wanted` hits are confirmed (the
 * page on screen) and at least `atLeast` were checked. Hits without the phrase are removed from
 * `hits` and `scored`. Returns true when unchecked hits remain (the total is then an upper bound).
 */
async function confirmPhrases(
  hits: SearchHit[],
  scored: Map<number, SearchHit>,
  wanted: number,
  atLeast: number,
  check: NonNullable<RunOptions['checkPhrases']>,
): Promise<boolean> {
  let i = 0;
  let checked = 0;
  while (i < hits.length && (i < wanted || checked < atLeast)) {
    // Fetch what the page still needs (at least a small batch), not more.
    const batch = hits.slice(i, i + Math.max(PHRASE_BATCH, wanted - i));
    const verdicts = await Promise.all(batch.map((hit) => check(hit.number)));
    checked += batch.length;
    const kept = batch.filter((hit, k) => {
      if (verdicts[k]!.phrases) return true;
      scored.delete(hit.number);
      return false;
    });
    hits.splice(i, batch.length, ...kept);
    i += kept.length;
  }
  return i < hits.length;
}

/**
 * Loads the parts that hold the plan's terms and returns every needed term's postings. A word
 * looks for typo matches only when the archive has no word starting with it: a typo-tolerant
 * match of a real word would add articles that do not contain what was typed.
 */
async function loadTerms(
  reader: IndexReader,
  plan: QueryPlan,
): Promise<{ terms: Map<string, TermPostings>; fuzzy: Set<string>; merged: Set<string> }> {
  const tokens = [...plan.include, ...plan.exclude].flatMap((c) => c.variants.flatMap((v) => v.tokens));
  const partIndexes = new Set<number>();
  for (const token of tokens) {
    partIndexes.add(reader.partIndexOf(token.term));
    if (token.prefix) for (const i of reader.partIndexesForPrefix(token.term)) partIndexes.add(i);
  }
  const parts = new Map(await Promise.all([...partIndexes].map(async (i) => [i, await reader.part(i)] as const)));
  const terms = new Map<string, TermPostings>();
  const fuzzy = new Set<string>();
  const merged = new Set<string>();
  const add = (part: { get(term: string): TermPostings | undefined }, term: string): boolean => {
    if (terms.has(term)) return true;
    const postings = part.get(term);
    if (postings) terms.set(term, postings);
    return postings !== undefined;
  };
  for (const token of tokens) {
    const home = parts.get(reader.partIndexOf(token.term))!;
    if (token.prefix && isSingleCjk(token.term)) {
      const postings = mergedPrefix(home, token.term, reader.partIndexesForPrefix(token.term).map((i) => parts.get(i)!));
      if (postings) terms.set(token.term, postings);
      merged.add(token.term);
      continue;
    }
    let found = add(home, token.term);
    if (token.prefix) {
      for (const i of reader.partIndexesForPrefix(token.term)) {
        const part = parts.get(i)!;
        for (const term of part.withPrefix(token.term)) found = add(part, term) || found;
      }
    }
    if (token.maxEdits > 0 && !found) {
      fuzzy.add(token.term);
      // Typos are looked for among the terms of the parts already loaded for this word.
      const max = token.maxEdits;
      for (const i of new Set([reader.partIndexOf(token.term), ...(token.prefix ? reader.partIndexesForPrefix(token.term) : [])])) {
        const part = parts.get(i)!;
        for (const term of part.terms) {
          if (Math.abs(term.length - token.term.length) <= max && isLatinWord(term) && editDistanceAtMost(term, token.term, max)) add(part, term);
        }
      }
    }
  }
  return { terms, fuzzy, merged };
}

/** One CJK character (a BMP code unit or a surrogate pair). */
function isSingleCjk(term: string): boolean {
  const cp = term.codePointAt(0)!;
  return term.length === (cp > 0xffff ? 2 : 1) && isCjkCodePoint(cp);
}

/** Merged postings of one-character queries, per part holding the character. */
const MERGED = new WeakMap<TermPart, Map<string, TermPostings | null>>();

/**
 * A one-character query matches every term that starts with the character (its bigrams and the
 * run-final unigram, see `analyzeText`). Rather than handing MiniSearch hundreds of prefix terms,
 * their postings are summed into one term: the character's frequency in each article. Ranking is
 * then BM25 on the character itself, and the query costs one term instead of hundreds.
 */
function mergedPrefix(home: TermPart, char: string, parts: readonly TermPart[]): TermPostings | null {
  let cache = MERGED.get(home);
  if (!cache) MERGED.set(home, (cache = new Map()));
  if (cache.has(char)) return cache.get(char)!;
  const sums: Array<Map<number, number>> = [];
  for (const part of parts) {
    for (const term of part.withPrefix(char)) {
      part.get(term)!.forEach((flat, field) => {
        const sum = (sums[field] ??= new Map());
        for (let i = 0; i < flat.length; i += 2) sum.set(flat[i]!, (sum.get(flat[i]!) ?? 0) + flat[i + 1]!);
      });
    }
  }
  const postings = sums.length
    ? Array.from({ length: Math.max(sums.length, 1) }, (_, field) => {
        const entries = [...(sums[field] ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]);
        return Uint32Array.from(entries.flat());
      })
    : null;
  cache.set(char, postings);
  return postings;
}

/**
 * Matches clauses with MiniSearch: within a clause, a variant needs all its tokens (AND) and any
 * variant will do (OR); clauses combine with `combineWith`.
 */
function matchClauses(
  search: MiniSearch<{ id: number }>,
  clauses: readonly PlanClause[],
  combineWith: 'AND' | 'OR',
  fuzzy: ReadonlySet<string>,
  merged: ReadonlySet<string>,
): Map<number, SearchHit> {
  const query: Query = {
    combineWith,
    queries: clauses.map((clause) => ({
      combineWith: 'OR',
      queries: clause.variants.map((variant) => ({ combineWith: 'AND', queries: variant.tokens.map((t) => tokenQuery(t, fuzzy.has(t.term), merged.has(t.term))) })),
    })),
  };
  const results: SearchResult[] = search.search(query);
  const hits = new Map<number, SearchHit>();
  for (const r of results) hits.set(r.id as number, { number: r.id as number, score: r.score, terms: r.terms });
  return hits;
}

function tokenQuery(token: PlanToken, allowTypos: boolean, isMerged: boolean): Query {
  return { queries: [token.term], prefix: token.prefix && !isMerged, fuzzy: allowTypos ? token.maxEdits : false };
}

function isLatinWord(term: string): boolean {
  return /^[a-z0-9]/.test(term);
}

/** Levenshtein distance ≤ max, with an early exit (words are short). */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

function resolveFilters(reader: IndexReader, query: SearchQuery): ResolvedFilters {
  let outlets: Set<number> | null = null;
  if (query.outlets?.length) {
    outlets = new Set();
    reader.manifest.outlets.forEach((o, i) => {
      if (query.outlets!.includes(o.name)) outlets!.add(i);
    });
  }
  const from = query.from ? parseDay(query.from) : Number.NaN;
  const to = query.to ? parseDay(query.to) : Number.NaN;
  return { outlets, fromDay: Number.isNaN(from) ? 0 : from, toDay: Number.isNaN(to) ? Infinity : to };
}

function planTerms(plan: QueryPlan): string[] {
  return [...new Set(plan.include.flatMap((c) => c.variants.map((v) => v.text)))];
}
