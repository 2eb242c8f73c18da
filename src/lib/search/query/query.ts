import { collapsePage } from './collapse-similar.ts';
import { type DocsTable, isLiveArticle, parseDay } from '../format/docs-table.ts';
import { countFacets, type FacetNames, passesCategorical, passesDate, type ResolvedFilters } from './facets.ts';
import { assembleMiniSearch } from '../format/index-options.ts';
import type { IndexReader } from '../load-index.ts';
import { isLiteralFormKey } from '../text/literal-forms.ts';
import { typedFormTier } from './typed-form-tier.ts';
import { hasPlanParts, loadNewestPlanTerms, loadPlanTerms, type PlanTerms } from './load-terms.ts';
import type { QueryPlan, PlanClause } from './query-plan.ts';
import { engineRewrites, otherScriptRewrites } from './query-rewrites.ts';
import { scoreClauses, shortTextFactor } from './rank-clauses.ts';
import { candidateArticles, firstStepFloor, stepFloors, stepPostings } from './query-steps.ts';
import { lowerBound } from '../format/term-part.ts';
import type { SearchHit, SearchQuery, SearchResponse } from '../types.ts';

/** Results per page when the caller does not say. */
export const DEFAULT_LIMIT = 10;

/**
 * Runs a planned query against an opened index: loads the vocabulary parts its terms need (and
 * the docs blocks its hits fall in), assembles a MiniSearch instance over just those terms,
 * scores with BM25, then filters, counts facets and sorts. The complete answer: the last step of
 * {@link runQuerySteps}.
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
  let last: SearchResponse | undefined;
  for await (const step of runQuerySteps(reader, plan, query, { ...options, progressive: false })) last = step;
  return last!;
}

/**
 * Runs a query block by block, newest block first, when its complete answer needs more than the
 * newest block's files: a common term (its postings are split by block), a one-character query,
 * an empty query, or a rare term whose older blocks' rows or common companions' chunks are not in
 * memory yet. Each answer covers the newest blocks searched so far (`searched`,
 * `approximate: true`) and the last one the whole archive; the first one needs only the newest
 * block's postings and docs rows. A hit's score is the same in every answer (BM25 statistics are
 * the archive's own). Any other query, or `progressive: false`, yields the complete answer only.
 * See `query-steps.ts`.
 *
 * @throws IndexError when a part, chunk or docs block the query needs cannot be loaded
 * @example
 * for await (const answer of runQuerySteps(reader, plan, { text: '中国' }, {})) show(answer.hits, answer.searched);
 */
export async function* runQuerySteps(
  reader: IndexReader,
  plan: QueryPlan,
  query: SearchQuery,
  options: RunOptions & { progressive?: boolean } = {},
): AsyncGenerator<SearchResponse> {
  const progressive = options.progressive !== false && reader.blockCount > 1;
  const first = firstStepFloor(reader, options.firstStep);
  let answeredFirst = false;
  let allTerms: Promise<PlanTerms> | null = null;
  if (progressive && !hasPlanParts(reader, plan)) {
    // The newest block's parts are asked for first (the older ones queue behind them) and suffice
    // for the first answer; the older blocks' parts arrive meanwhile.
    const newestTerms = loadNewestPlanTerms(reader, plan);
    allTerms = loadPlanTerms(reader, plan);
    allTerms.catch(() => undefined); // awaited below; a failure is thrown from there
    const terms = await newestTerms;
    if (terms) {
      yield await runStep(reader, plan, query, options, terms, first, null);
      answeredFirst = true;
    }
  }
  const planTerms = await (allTerms ?? loadPlanTerms(reader, plan));
  const candidates = candidateArticles(plan, planTerms);
  const steps = progressive ? stepFloors(reader, planTerms, candidates, first).filter((floor) => !answeredFirst || floor < first) : [0];
  for (const floor of steps) yield await runStep(reader, plan, query, options, planTerms, floor, candidates);
}

/** The answer over article numbers `floor` … newest. */
async function runStep(
  reader: IndexReader,
  plan: QueryPlan,
  query: SearchQuery,
  options: RunOptions,
  planTerms: PlanTerms,
  floor: number,
  candidates: ReadonlySet<number> | null,
): Promise<SearchResponse> {
  const { manifest } = reader;
  const { entries, fuzzy, merged } = planTerms;
  const pause = options.pause ?? (async () => undefined);
  await pause('plan');
  const fromBlock = reader.blockOf(floor);
  const terms = new Map(
    await Promise.all([...entries].map(async ([term, entry]) => [term, await stepPostings(reader, planTerms, term, entry, floor, candidates)] as const)),
  );
  await pause('postings');
  const blocks = new Set<number>();
  // A partial answer counts the articles it searched: its blocks' rows are needed, hits or not.
  if (plan.include.length === 0 || floor > 0) {
    for (let b = fromBlock; b < reader.blockCount; b++) blocks.add(b);
  }
  if (plan.include.length > 0) {
    for (const postings of terms.values()) for (const flat of postings) addBlocksOf(reader, flat, blocks);
  }
  // Names of the facets it filters by (a filter needs them); the others are counted by code until their names are in.
  const filtered = Object.entries(query.filters ?? {}).filter(([, values]) => values.length > 0).map(([name]) => name);
  // Without categorical filters, hits are scored, sorted and collapsed from the rank rows alone.
  const facetsLater = options.facetsLater === true && filtered.length === 0;
  const [docs, facetNames] = await Promise.all([facetsLater ? reader.rankRows(blocks) : reader.docs(blocks), reader.facetNames(filtered)]);
  const facetsPending = facetsLater && [...blocks].some((block) => !reader.hasFacetRows(block));
  await pause('docs rows');
  const filters = resolveFilters(facetNames, query);
  // One MiniSearch over the loaded terms serves the included and the excluded clauses alike.
  const documentFrequency = new Map([...entries].map(([term, entry]) => [term, entry.df] as const));
  // Literal-form keys are read from their postings (`typedFormTier`), never searched: MiniSearch need not hold them.
  const words = planTerms.forms.size ? new Map([...terms].filter(([term]) => !isLiteralFormKey(term))) : terms;
  const search = assembleMiniSearch(words, docs, manifest, documentFrequency);
  // Loading the postings into MiniSearch and scoring them are the step's two largest pieces of work.
  await pause('MiniSearch loaded');
  const textField = manifest.fields.indexOf('text');
  const lengthFactor = (n: number) => (textField < 0 ? 1 : shortTextFactor(docs.fieldLength[textField]![n]!));
  const isTraditional = (n: number) => docs.traditional[n] === 1;
  const lookup = { fuzzy, merged, isTraditional, typedFormTier: typedFormTier(planTerms.forms, (key) => terms.get(key), isTraditional) };
  const match = (clauses: readonly PlanClause[], combineWith: 'AND' | 'OR') => scoreClauses(search, clauses, combineWith, lookup, lengthFactor);

  const phraseExcludes = plan.exclude.filter(needsPhraseCheck);
  const plainExcludes = plan.exclude.filter((c) => !needsPhraseCheck(c));
  let scored: Map<number, SearchHit>;
  if (plan.include.length === 0) {
    scored = new Map();
    for (let n = floor; n < docs.count; n++) if (isLiveArticle(docs, n)) scored.set(n, { number: n, score: 0, terms: [] });
  } else {
    scored = match(plan.include, 'AND');
  }
  await pause('scoring');
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

  if (plainExcludes.length || phraseExcludes.length) await pause('exclusions');
  const hits: SearchHit[] = [];
  // A filter on a facet this index does not have matches nothing (as a value it does not have).
  if (filters === null) scored.clear();
  const resolved = filters ?? NOTHING;
  for (const hit of scored.values()) {
    if (passesCategorical(docs, hit.number, resolved) && passesDate(docs, hit.number, resolved)) hits.push(hit);
  }
  // Newest is by day, then by number (numbers follow first appearance, which is nearly date order).
  const newer = (a: SearchHit, b: SearchHit) => docs.day[b.number]! - docs.day[a.number]! || b.number - a.number;
  const sort = query.sort ?? 'relevance';
  if (sort === 'oldest') hits.sort((a, b) => newer(b, a));
  else if (sort === 'newest' || plan.include.length === 0) hits.sort(newer);
  else hits.sort((a, b) => (a.tier ?? 0) - (b.tier ?? 0) || b.score - a.score || newer(a, b));

  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? DEFAULT_LIMIT);
  let approximate = floor > 0;
  let shown = hits.length;
  // Collapsed by default for a query with words; a listing by date (no words) stays flat.
  const collapse = query.collapse ?? plan.include.length > 0;
  if (options.checkPhrases && plan.include.some(needsPhraseCheck)) {
    // A partial answer shows the hits one wave of fragment fetches confirms; the complete one a
    // page: of similar groups when collapsed (near-duplicates confirmed fill no more rows).
    const wanted = offset + (floor > 0 ? Math.min(limit, PARTIAL_PHRASE_CHECKS) : limit);
    const similar = collapse ? docs.similar : undefined;
    const groupOf = similar ? (n: number) => similar[n]! : null;
    shown = await confirmPhrases(hits, scored, wanted, groupOf, floor > 0 ? 0 : (options.phraseCheckLimit ?? 0), options.checkPhrases);
    if (shown < hits.length) approximate = true;
  }
  await pause('filters and order');
  const unknown = unknownValues(facetNames, query);
  // Facet rows missing: the dates are counted, the categorical facets left out (none is named).
  const counted = facetsPending ? { names: facetNames.names, values: facetNames.values.map(() => null) } : facetNames;
  const facets = { ...countFacets(scored.keys(), docs, counted, resolved, true), ...(unknown ? { unknown } : {}) };
  const searched = { articles: floor === 0 ? manifest.articles : countLive(reader, docs, floor), of: manifest.articles };
  const rewrites = [
    ...otherScriptRewrites(plan, planTerms, hits, (clause) => (clause.forms ? lookup.typedFormTier(clause.forms, false) : null)),
    ...engineRewrites(plan, planTerms, hits),
  ];
  const { page, groups } = pageOf(hits, shown, docs, collapse, offset, limit);
  return { total: hits.length, groups, approximate, hits: page, facets, ...(facetsPending ? { facetsPending: true as const } : {}), terms: termTexts(plan), searched, rewrites };
}

/**
 * The page of results: hits `offset …` of the confirmed ones, or with `collapse` the similar groups
 * `offset …` (`collapse-similar.ts`), and how many groups the whole list has.
 */
function pageOf(hits: SearchHit[], shown: number, docs: DocsTable, collapse: boolean, offset: number, limit: number): { page: SearchHit[]; groups: number } {
  const similar = docs.similar;
  if (!collapse || !similar) return { page: hits.slice(offset, Math.min(offset + limit, shown)), groups: hits.length };
  const groupOf = (n: number) => similar[n]!;
  // Unconfirmed phrase hits (past `shown`) are counted, as in `total`, but never listed.
  const confirmed = shown < hits.length ? hits.slice(0, shown) : hits;
  const { hits: page, groups } = collapsePage(confirmed, groupOf, offset, limit);
  return { page, groups: confirmed === hits ? groups : collapsePage(hits, groupOf, 0, 0).groups };
}

/**
 * Adds the blocks that flat postings (`[number, freq, …]`, numbers ascending) fall in: one
 * look-up per block, not per article.
 */
function addBlocksOf(reader: IndexReader, flat: Uint32Array, blocks: Set<number>): void {
  for (let i = 0; i < flat.length; ) {
    const block = reader.blockOf(flat[i]!);
    blocks.add(block);
    i = lowerBound(flat, (block + 1) * reader.manifest.blockSize);
  }
}

/** Articles numbered `floor` or more (their docs blocks must be loaded). */
function countLive(reader: IndexReader, docs: DocsTable, floor: number): number {
  let count = 0;
  for (let n = floor; n < docs.count; n++) if (isLiveArticle(docs, n)) count++;
  return count;
}

/** Options of `runQuery` beyond the query itself. */
export interface RunOptions {
  /**
   * Articles a progressive search's first answer covers at most (the newest ones; default
   * `FIRST_STEP_ARTICLES` of query-steps.ts): small, so that it comes fast even for a term in most articles.
   */
  firstStep?: number;
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
  /**
   * Awaited between the stages of a step (its postings, docs rows, MiniSearch's loading, scoring,
   * filtering, counting), to let other work run: the widget's search in the page passes one that
   * resolves in a later task (`src/worker/yield-to-page.ts`), so that no stage adds to another's
   * task. None by default. It is told the stage that ends with it (\`'postings'\`, \`'scoring'\`…),
   * which the widget's search in the page names on the performance timeline (\`stage-measures.ts\`).
   */
  pause?: (stage?: string) => Promise<void>;
  /**
   * Do not wait for the facet rows (outlets, categorical columns) of the hits' blocks when the
   * query has no categorical filter: the hits, their order, `total` and `groups` come from the
   * rank rows; the categorical facets are left out (`facetsPending`) unless those rows are in
   * memory already. The worker's searches set it: a first answer then downloads only the rank
   * rows, and the page asks for the facets once its first results are painted (a `count`).
   */
  facetsLater?: boolean;
}

/** A phrase of one token (a two-character word) is already exact; longer ones need the text. */
function needsPhraseCheck(clause: PlanClause): boolean {
  return clause.phrase && clause.variants.some((v) => v.tokens.length > 1);
}

/** Fewest articles whose text is fetched at once while confirming phrases. */
const PHRASE_BATCH = 5;
/** Articles whose text is fetched at once while confirming phrases past the page (an exact count). */
const COUNT_BATCH = 48;
/** Hits a partial answer confirms: what one wave of a browser's six HTTP/1.1 connections fetches. */
const PARTIAL_PHRASE_CHECKS = 6;

/**
 * Confirms phrases lazily, in result order, in batches: until `wanted` rows are confirmed (the
 * page on screen: hits, or with `groupOf` similar groups) and at least `atLeast` were checked.
 * Hits without the phrase are removed from `hits` and `scored`. Returns how many leading hits are
 * confirmed (fewer than `hits.length`: the total is an upper bound).
 */
async function confirmPhrases(
  hits: SearchHit[],
  scored: Map<number, SearchHit>,
  wanted: number,
  groupOf: ((number: number) => number) | null,
  atLeast: number,
  check: NonNullable<RunOptions['checkPhrases']>,
): Promise<number> {
  let i = 0;
  let checked = 0;
  const groups = new Set<number>();
  const rows = () => (groupOf ? groups.size : i);
  while (i < hits.length && (rows() < wanted || checked < atLeast)) {
    // Fetch what the page still needs (at least a small batch), not more; past the page (an exact
    // count asked for), larger waves.
    const batch = hits.slice(i, i + Math.max(PHRASE_BATCH, wanted - rows(), Math.min(atLeast - checked, COUNT_BATCH)));
    const verdicts = await Promise.all(batch.map((hit) => check(hit.number)));
    checked += batch.length;
    const kept = batch.filter((hit, k) => {
      if (verdicts[k]!.phrases) return true;
      scored.delete(hit.number);
      return false;
    });
    hits.splice(i, batch.length, ...kept);
    i += kept.length;
    if (groupOf) for (const hit of kept) groups.add(groupOf(hit.number));
  }
  return i;
}

/**
 * The query's selected values that the index does not have, by facet (a value of a facet the index
 * does not have included), or null when every one is known: the page marks them rather than
 * showing a bare 0.
 */
function unknownValues(facets: FacetNames, query: SearchQuery): Record<string, string[]> | null {
  let unknown: Record<string, string[]> | null = null;
  for (const [name, selected] of Object.entries(query.filters ?? {})) {
    const facet = facets.names.indexOf(name);
    const known = facet < 0 ? null : facets.values[facet];
    // Names not loaded (null) cannot be checked: nothing is said of them.
    if (facet >= 0 && !known) continue;
    const forms = Object.values(facets.traditional?.[facet] ?? {});
    const missing = selected.filter((value) => !known?.includes(value) && !forms.includes(value));
    if (missing.length) (unknown ??= {})[name] = missing;
  }
  return unknown;
}

/** Filters that no article passes (a query's filter names a facet the index does not have). */
const NOTHING: ResolvedFilters = { categorical: [new Set()], fromDay: 0, toDay: Infinity };

/**
 * The query's filters as value codes per facet of the index; null when it selects values of a
 * facet the index does not have. A value the facet does not have selects nothing.
 */
function resolveFilters(facets: FacetNames, query: SearchQuery): ResolvedFilters | null {
  const categorical: Array<Set<number> | null> = facets.names.map(() => null);
  for (const [name, selected] of Object.entries(query.filters ?? {})) {
    if (selected.length === 0) continue;
    const facet = facets.names.indexOf(name);
    if (facet < 0) return null;
    const wanted = new Set(selected);
    const codes = new Set<number>();
    (facets.values[facet] ?? []).forEach((value, code) => {
      if (wanted.has(value)) codes.add(code);
    });
    // A value named by its traditional form (`author=張三` for 张三) selects it too.
    for (const [code, form] of Object.entries(facets.traditional?.[facet] ?? {})) if (wanted.has(form)) codes.add(Number(code));
    categorical[facet] = codes;
  }
  const from = query.from ? parseDay(query.from) : Number.NaN;
  const to = query.to ? parseDay(query.to) : Number.NaN;
  return { categorical, fromDay: Number.isNaN(from) ? 0 : from, toDay: Number.isNaN(to) ? Infinity : to };
}

function termTexts(plan: QueryPlan): string[] {
  return [...new Set(plan.include.flatMap((c) => c.variants.map((v) => v.text)))];
}
