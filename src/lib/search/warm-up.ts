/**
 * A search over a tiny index made in memory, for a fresh worker to run while its first real
 * search waits for the network. A fresh JavaScript engine runs code slowly the first time
 * (compiling each function, learning the types it sees): the first search in a new Chromium
 * worker spent 30–45 ms from its last part's arrival to its fragment requests, most of it in
 * code that a later search runs in a few. Run once beforehand on other data, while the worker
 * would be idle anyway, most of that first-time cost is off the way (see `warmUpSearch`). It
 * shares nothing with the real index: its own reader, no fetch, no folding pairs.
 */
import type { findSnippet, highlightRanges } from './query/highlight.ts';
import { INDEX_FIELDS, INDEX_VERSION, type Manifest, termPartPath } from './format/index-format.ts';
import { partPagePath } from './format/part-pages.ts';
import { parseQuery, type ParsedQuery } from './query/parse-query.ts';
import { planQuery, widenLatinPrefixes } from './query/query-plan.ts';
import type { Searcher } from './searcher.ts';

/**
 * The search code the warm-up runs, handed in by its caller (the worker's core): imported here,
 * it would be cut out of the core into a chunk that both share (the warm-up is a chunk of its own).
 */
export interface WarmUpEngine {
  Searcher: typeof Searcher;
  findSnippet: typeof findSnippet;
  highlightRanges: typeof highlightRanges;
  RESULT_SNIPPET_CHARS: number;
}

/**
 * What the warm-up searches for: a name with a synonym and a word without, in simplified
 * characters (traditional ones would fetch the folding table), as first queries usually are.
 */
const WARM_UP_QUERY = '特朗普 政府';
/** Articles in the tiny index; each holds every term of the query. */
const ARTICLES = 24;
/** Terms of its vocabulary part besides the query's (the part's count must stay below 128). */
const FILLERS = 100;
/** Field lengths of the tiny index's articles: title, then text (plus the article's number). */
const TITLE_LENGTH = 12;
const TEXT_LENGTH = 100;
const encoder = new TextEncoder();

/**
 * Runs `WARM_UP_QUERY` through the whole search path (parse, plan, vocabulary part, docs block,
 * MiniSearch, facets, sorting) and makes a snippet and highlights, over an index of
 * `ARTICLES` articles built here. Resolves to the number of hits: every article matches.
 *
 * `pause`, awaited between its stages: the worker passes one that lets every other queued task
 * go first (`behindOtherTasks`), so that the first answer's files, arriving meanwhile, are read
 * and followed at once rather than after the whole warm-up.
 *
 * @example warmUpSearch(await import('../../worker/search-core.ts')).catch(() => undefined); // while the first parts download
 */
export async function warmUpSearch({ Searcher, findSnippet, highlightRanges, RESULT_SNIPPET_CHARS }: WarmUpEngine, pause?: () => Promise<void>): Promise<number> {
  const files = warmUpFiles();
  await pause?.();
  const searcher = await Searcher.open({ bytes: async (path) => files.get(path)!, ...(pause ? { pause } : {}) });
  let total = 0;
  let query: ParsedQuery | null = null;
  for await (const answer of searcher.searchProgressively({ text: WARM_UP_QUERY, limit: 10 }, pause ? { pause } : {})) ({ total, query } = answer);
  await pause?.();
  // What the worker does with each result's fragment: marks in the title, a snippet of the text.
  const title = `${WARM_UP_QUERY}的新闻`;
  const text = `第一句话。${title}，第二句话说${WARM_UP_QUERY}。`.repeat(6);
  if (query && total > 0) {
    highlightRanges(title, query);
    findSnippet(text, query, { maxChars: RESULT_SNIPPET_CHARS });
  }
  return total;
}

/**
 * The files of an index whose articles all hold every term the query looks up, in the layouts
 * of `TermPartWriter` (terms of kind 2, not front-coded), `encodeDocsBlock` and `encodeFacetRows`, written by hand:
 * every number is below 128, so each varint is one byte, and the writers stay out of the
 * worker's script (with them, the warm-up added 1.3 KB gzip to it; without, 0.6 KB).
 * tests/unit/warm-up.test.ts checks the files against the writers.
 */
export function warmUpFiles(): Map<string, Uint8Array> {
  const plan = planQuery(widenLatinPrefixes(parseQuery(WARM_UP_QUERY)));
  const queried = new Set(plan.include.flatMap((c) => c.variants.flatMap((v) => v.tokens.map((t) => t.term))));
  // Terms nobody looks up, one article each: a real part holds ~400 terms, and reading its
  // directory is part of the first-time cost too.
  const fillers = Array.from({ length: FILLERS }, (_, i) => String.fromCharCode(0x4e00 + 7 * i, 0x4e00 + 13 * i)).filter((term) => !queried.has(term));
  const terms = [...queried, ...fillers].sort();
  const each = <T>(value: (n: number) => T): T[] => Array.from({ length: ARTICLES }, (_, n) => value(n));
  // Postings, title then text: the title of every third article, the text of all, as
  // `count (numberDelta freq)…` per field.
  const titles = each((n) => n).filter((n) => n % 3 === 0);
  const postings = [titles.length, ...titles.flatMap((n) => [n === 0 ? 0 : 3, 1]), ARTICLES, ...each((n) => [n === 0 ? 0 : 1, 1 + (n % 3)]).flat()];
  const directory: number[] = [terms.length];
  const blocks: number[] = [];
  const filler = [0, 1, 0, 1]; // no title, the text of article 0
  for (const term of terms) {
    const suffix = encoder.encode(term);
    const [titleCount, textCount, bytes] = queried.has(term) ? [titles.length, ARTICLES, postings] : [0, 1, filler];
    // shared prefix 0, the term, kind 2 (inline, with document frequencies), df per field, postings bytes
    directory.push(0, suffix.length, ...suffix, 2, titleCount, textCount, bytes.length);
    blocks.push(...bytes);
  }
  // Rank rows: start, count, fields; days as zig-zag deltas (every 9th day from 1970-01-01); field
  // lengths; the scripts (every fourth article traditional); similar groups (every article alone).
  const docs = [0, ARTICLES, INDEX_FIELDS.length, ...each((n) => (n === 0 ? 2 : 18)), ...each(() => TITLE_LENGTH), ...each((n) => TEXT_LENGTH + n), ...each((n) => (n % 4 === 0 ? 1 : 0)), ...each(() => 0)];
  // Facet rows: start, count, no categorical columns beyond the outlet; the outlets.
  const facetRows = [0, ARTICLES, 0, ...each((n) => n % 2)];
  // No empty-query facets: nothing the warm-up runs reads them.
  const manifest: Omit<Manifest, 'facets'> = {
    version: INDEX_VERSION,
    build: 'warm-up',
    articles: ARTICLES,
    slots: ARTICLES,
    blockSize: 10_000,
    fields: INDEX_FIELDS,
    averageFieldLength: [TITLE_LENGTH, TEXT_LENGTH + (ARTICLES - 1) / 2],
    outlets: [
      { name: 'a', count: ARTICLES / 2 },
      { name: 'b', count: ARTICLES / 2 },
    ],
    outletCodes: ['a', 'b'],
    columns: [],
    dates: null,
    undated: 0,
    newest: [],
    docs: [{ file: 'docs-warm.bin', bytes: 0, facets: 'docs-warmfacets.bin', facetBytes: 0 }],
    partPages: [],
    newestPartPages: [['', 'warm', 1, 0]],
    idShardLength: 2,
  };
  const varints = [terms.length, ...terms.map((term) => encoder.encode(term).length), postings.length, ...postings, ...docs, ...facetRows];
  if (varints.some((value) => value > 0x7f)) throw new RangeError('warm-up: a number needs more than one varint byte');
  return new Map([
    ['manifest.json', encoder.encode(JSON.stringify(manifest))],
    ['docs-warm.bin', Uint8Array.from(docs)],
    ['docs-warmfacets.bin', Uint8Array.from(facetRows)],
    [partPagePath('warm'), encoder.encode(JSON.stringify([['', 'warm']]))],
    [termPartPath('warm'), Uint8Array.from([...directory, ...blocks])],
  ]);
}
