/**
 * The search worker: opens the index, runs queries, makes snippets and finds related articles
 * off the main thread, so typing never waits for MiniSearch, decompression or folding tables.
 * Speaks the protocol of `worker-protocol.ts`.
 */
import { isFoldingTableLoaded, loadFoldingTable, prepareFolding } from '../lib/search/fold.ts';
import { findSnippet, highlightRanges, RESULT_SNIPPET_CHARS } from '../lib/search/highlight.ts';
import { termPartPath, type ArticleFragment } from '../lib/search/index-format.ts';
import { warmUpInflate } from '../lib/search/inflate.ts';
import type { IndexSource } from '../lib/search/load-index.ts';
import type { ParsedQuery } from '../lib/search/parse-query.ts';
import { Searcher } from '../lib/search/searcher.ts';
import { IndexError, type SearchQuery } from '../lib/search/types.ts';
import { warmUpSearch } from '../lib/search/warm-up.ts';
import { vocabularyWithin } from './vocabulary-prefetch.ts';
import type { ArticleSummary, LoadProgress, RequestType, SearchAnswer, VocabularyPrefetch, WorkerApi, WorkerFailure, WorkerReply, WorkerRequest } from './worker-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The index parts are on their way: get the decompressor ready meanwhile.
warmUpInflate().catch(() => undefined);

let searcher: Promise<Searcher> | null = null;
let openedUrl = '';
/** Files whose last fetch failed: an IndexError about one of them means "unavailable", not "corrupt". */
const failedFetches = new Set<string>();
let lastParsed: { text: string; parsed: Promise<ParsedQuery> } | null = null;
const progress: LoadProgress = { manifest: false, docs: false, terms: 0, started: 0, finished: 0 };
/** Counter of the latest `search` request: an older progressive search stops at its next step. */
let latestSearch = 0;
/** Whether the search code has had its warm-up run (`warmUpOnce`). */
let warmedUp = false;
/**
 * The last complete answer and the search it answers (`searchKey`), of the index then open. The
 * App, once mounted, asks again what the early search (`early-search.ts`) asked: the same
 * answer, which need not be worked out twice (a search is deterministic over a given index).
 */
let lastComplete: { searcher: Searcher; key: string; answer: SearchAnswer } | null = null;
/** Index files fetched ahead (`prefetch`), by path: `fetchSource` reads them from here. */
const prefetched = new Map<string, Promise<Uint8Array>>();
let vocabularyPrefetch: Promise<VocabularyPrefetch> | null = null;
/** Parts fetched at once by a prefetch: enough to keep a connection busy, few enough to leave room for a search's own. */
const PREFETCH_CONCURRENCY = 3;

const handlers: { [K in RequestType]: (params: WorkerApi[K]['params'], id: number) => Promise<WorkerApi[K]['result']> } = {
  async open({ indexUrl, manifest }) {
    if (!searcher || openedUrl !== indexUrl) {
      if (openedUrl !== indexUrl) {
        prefetched.clear();
        vocabularyPrefetch = null;
      }
      openedUrl = indexUrl;
      const opening = Searcher.open(fetchSource(indexUrl, manifest));
      searcher = opening;
      // A failed open is forgotten, so that Retry opens again.
      opening.catch(() => {
        if (searcher === opening) searcher = null;
      });
    }
    const opened = await searcher;
    // Every query needs the newest block of the docs table: start fetching it before the first one arrives.
    opened.reader.docs([opened.reader.blockCount - 1]).catch(() => undefined);
    return opened.manifest;
  },

  async search({ query, progressive }, id) {
    latestSearch = id;
    warmUpOnce();
    const opened = await ready();
    const prefetch = (answer: SearchAnswer) => prefetchFragments(opened, query.text, answer);
    const key = searchKey(query, progressive);
    if (lastComplete?.searcher === opened && lastComplete.key === key) return prefetch(lastComplete.answer);
    const remember = (answer: SearchAnswer) => {
      if (answer.searched.articles >= answer.searched.of) lastComplete = { searcher: opened, key, answer };
      return prefetch(answer);
    };
    if (!progressive) return remember(answerOf(await opened.search(query)));
    let last: SearchAnswer | null = null;
    for await (const step of opened.searchProgressively(query)) {
      last = answerOf(step);
      // An incomplete step goes out at once (waiting for the next one would hide it behind the
      // very work it is there to skip); the complete one is the reply.
      if (last.searched.articles >= last.searched.of) break;
      post({ id, partial: prefetch(last) });
      // Let a newer search's message in before the next, larger step: with its parts cached, the
      // steps would otherwise run back to back and keep the new keystroke waiting.
      await nextTask();
      if (latestSearch !== id) break; // a newer search is waiting for this thread
    }
    return remember(last!);
  },

  async summaries({ numbers, text }) {
    const parsed = await parse(text);
    const settled = await Promise.allSettled(numbers.map((number) => summarize(number, text, parsed)));
    const summaries: ArticleSummary[] = [];
    const failed: number[] = [];
    let failure: WorkerFailure | undefined;
    settled.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') {
        summaries.push(outcome.value);
      } else {
        failed.push(numbers[i]!);
        failure ??= describe(outcome.reason);
      }
    });
    return failure ? { summaries, failed, failure } : { summaries, failed };
  },

  async article(params) {
    const opened = await ready();
    const number = 'number' in params ? params.number : await opened.reader.numberOf(params.id);
    if (number === null || number < 0 || number >= opened.manifest.articles) return null;
    const [fragment, html] = await Promise.all([fragmentOf(number), opened.reader.html(number)]);
    const { id, title, outlet, author, date, url } = fragment;
    return { number, id, title, outlet, author, date, url, html };
  },

  async highlight({ body, text }) {
    const parsed = await parse(text);
    await prepareFolding(body);
    return highlightRanges(body, parsed);
  },

  async prefetch({ budget }) {
    const opened = await ready();
    vocabularyPrefetch ??= prefetchVocabulary(opened, budget);
    return vocabularyPrefetch;
  },

  async related({ number }) {
    // Only the reader asks for related stories: their code is a chunk of its own, off the search path.
    const { findRelated } = await import('../lib/search/related.ts');
    const related = await findRelated((await ready()).reader, number);
    return Promise.all(
      related.map(async ({ number: n, score }) => {
        const { id, title, outlet, date } = await fragmentOf(n);
        return { number: n, id, title, outlet, date, score };
      }),
    );
  },
};

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    const handler = handlers[request.type] as (params: unknown, id: number) => Promise<WorkerApi[RequestType]['result']>;
    post({ id: request.id, ok: true, result: await handler(request.params, request.id) });
    // Results are on screen: fetch the folding table now, so that a later query typed in
    // traditional characters does not wait for it before its parts (off the first results' path).
    if (request.type === 'summaries' && !isFoldingTableLoaded()) setTimeout(() => loadFoldingTable().catch(() => undefined), 0);
  } catch (error) {
    post({ id: request.id, ok: false, failure: describe(error) });
  }
};

/** Everything a search's answer depends on besides the index. */
function searchKey({ text, outlets, from, to, sort, offset, limit }: SearchQuery, progressive: boolean | undefined): string {
  return JSON.stringify([text, outlets, from, to, sort, offset, limit, progressive === true]);
}

/** What crosses to the page of a search response. */
function answerOf({ total, approximate, hits, facets, searched }: SearchAnswer): SearchAnswer {
  return { total, approximate, hits, facets, searched };
}

/**
 * The page asks for these hits' fragments next (their snippets for query `text`): start fetching
 * them now, one hop sooner. Not, for the empty query, the newest articles': the manifest brought
 * their snippets (a query with words needs their text for its marks). Returns `answer`.
 */
function prefetchFragments(opened: Searcher, text: string, answer: SearchAnswer): SearchAnswer {
  const leads = text.trim() ? new Set<number>() : new Set(opened.manifest.newest.map((article) => article.number));
  for (const hit of answer.hits) if (!leads.has(hit.number)) opened.fragment(hit.number).catch(() => undefined);
  return answer;
}

/**
 * Fetches the vocabulary parts `vocabularyWithin` picks into `prefetched` (see the `prefetch`
 * request), a few at a time and at low priority, so that a search's own requests go first. Nothing is decoded: a search
 * decodes the parts it needs as before, from memory instead of the network.
 */
async function prefetchVocabulary(opened: Searcher, budget: number): Promise<VocabularyPrefetch> {
  const entries = vocabularyWithin(opened.manifest.parts, opened.manifest.newestParts, budget);
  if (!entries) return { scope: 'none', files: 0, bytes: 0, failed: 0 };
  const scope = entries.length > opened.manifest.newestParts.length ? 'all' : 'newest';
  const bytes = entries.reduce((sum, [, , size]) => sum + size, 0);
  const paths = entries.map(([, hash]) => termPartPath(hash));
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      if (prefetched.has(path)) continue;
      const bytes = fetchBytes(new URL(path, openedUrl), 'low');
      prefetched.set(path, bytes);
      await bytes.catch(() => {
        // Forgotten: a search that needs the part fetches it itself (and reports a failure).
        prefetched.delete(path);
        failed++;
      });
    }
  };
  await Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, lane));
  return { scope, files: paths.length - failed, bytes, failed };
}

/**
 * Runs the search code once over a tiny index of its own (see `warm-up.ts`), in the next task:
 * the first search has sent its requests by then, and this runs while they travel.
 */
function warmUpOnce(): void {
  if (warmedUp) return;
  warmedUp = true;
  setTimeout(() => warmUpSearch().catch(() => undefined), 0);
}

/** Resolves in a later task, after the messages already queued have been handled. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function post(reply: WorkerReply): void {
  scope.postMessage(reply);
}

async function ready(): Promise<Searcher> {
  if (!searcher) throw new Error('search-worker: the index is not open (send "open" first)');
  return searcher;
}

function parse(text: string): Promise<ParsedQuery> {
  if (lastParsed?.text !== text) {
    const parsed = ready().then((opened) => opened.parse(text));
    parsed.catch(() => {
      if (lastParsed?.parsed === parsed) lastParsed = null;
    });
    lastParsed = { text, parsed };
  }
  return lastParsed.parsed;
}

async function summarize(number: number, text: string, parsed: ParsedQuery): Promise<ArticleSummary> {
  const fragment = await fragmentOf(number);
  await prepareFolding(fragment.title, fragment.text);
  return {
    number,
    id: fragment.id,
    title: fragment.title,
    outlet: fragment.outlet,
    date: fragment.date,
    url: fragment.url,
    text,
    titleHighlights: highlightRanges(fragment.title, parsed),
    snippet: findSnippet(fragment.text, parsed, { maxChars: RESULT_SNIPPET_CHARS }),
  };
}

/** A fragment (the index reader keeps the recent ones). */
async function fragmentOf(number: number): Promise<ArticleFragment> {
  return (await ready()).fragment(number);
}

/**
 * Reads index files over HTTP, relative to the index folder, and reports index parts in flight.
 * `manifest`: the manifest's bytes when the page already has them (used once).
 */
function fetchSource(indexUrl: string, manifest?: Uint8Array): IndexSource {
  let given = manifest;
  return {
    async bytes(path) {
      if (path === 'manifest.json' && given) {
        const bytes = given;
        given = undefined;
        return bytes;
      }
      const early = prefetched.get(path);
      if (early) {
        const bytes = await early.catch(() => null);
        if (bytes) return bytes;
      }
      const kind = progressKind(path);
      if (kind) report(kind, +1);
      try {
        const bytes = await fetchBytes(new URL(path, indexUrl));
        failedFetches.delete(path);
        return bytes;
      } catch (error) {
        failedFetches.add(path);
        throw error;
      } finally {
        if (kind) report(kind, -1);
      }
    },
  };
}

/** A file's bytes; an HTTP error status rejects, as a network failure does. */
async function fetchBytes(url: URL, priority: RequestPriority = 'auto'): Promise<Uint8Array> {
  const response = await fetch(url, { priority });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${response.url}`);
  return new Uint8Array(await response.arrayBuffer());
}

function progressKind(path: string): 'manifest' | 'docs' | 'terms' | null {
  if (path === 'manifest.json') return 'manifest';
  if (path.startsWith('docs-')) return 'docs';
  if (path.startsWith('terms-') || path.startsWith('post-')) return 'terms'; // a common term's chunks count as its parts
  return null;
}

function report(kind: 'manifest' | 'docs' | 'terms', change: 1 | -1): void {
  const wasIdle = !progress.manifest && !progress.docs && progress.terms === 0;
  if (change > 0 && wasIdle) progress.started = progress.finished = 0;
  if (kind === 'terms') progress.terms += change;
  else progress[kind] = change > 0;
  if (change > 0) progress.started++;
  else progress.finished++;
  post({ progress: { ...progress } });
}

function describe(error: unknown): WorkerFailure {
  if (error instanceof IndexError) {
    const unavailable = error.file !== undefined && failedFetches.has(error.file);
    return { kind: unavailable ? 'unavailable' : 'corrupt', message: error.message, file: error.file };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A chunk (the folding table) that cannot be fetched is a network problem, not a bug.
  const unavailable = error instanceof TypeError && /fetch|import/i.test(message);
  return { kind: unavailable ? 'unavailable' : 'bug', message };
}
