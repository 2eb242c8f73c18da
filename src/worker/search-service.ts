/**
 * The search service: opens the index, runs queries, makes snippets and finds related articles,
 * answering the requests of `worker-protocol.ts` on a port. The search worker serves it on its
 * own scope (`search-worker.ts`); when a host page's CSP (or the browser) allows no worker, the
 * widget serves it in the page on a `MessageChannel` (`search-inline.ts`): the same code, the
 * same messages, so a request type added to the protocol works in both without more code.
 *
 * This module is small: it asks for the core (`search-core.ts`) as it is loaded and, while
 * that downloads, fetches the manifest (unless the page brought it) and the files the first
 * query's first answer reads (`firstAnswerFiles`), which the core then finds at hand: the index
 * and its fetching are an `IndexSession` (`index-session.ts`). Each `serveSearch` call has its own
 * session, cache and progress (two widgets served in one page search independently).
 */

import { isFoldingTableLoaded, loadFoldingTable, prepareFolding } from '../lib/search/text/fold.ts';
import type { ArticleFragment } from '../lib/search/format/index-format.ts';
import type { ParsedQuery } from '../lib/search/query/parse-query.ts';
import type { QueryCut } from '../lib/search/query/query-limits.ts';
import type { Searcher } from '../lib/search/searcher.ts';
import { warmUpInflate } from '../lib/search/format/inflate.ts';
import { IndexError, type SearchQuery } from '../lib/search/types.ts';
import { searchKey } from '../ui/client/head-start.ts';
import { openSession, type IndexSession } from './index-session.ts';
import { behindOtherTasks } from './behind-other-tasks.ts';
import { CodeUnavailableError, loadCode } from '../lib/search/code-unavailable.ts';
import type { ArticleSummary, LoadProgress, RequestType, SearchAnswer, SummariesResult, WorkerApi, WorkerFailure, WorkerReply, WorkerRequest } from '../protocol/worker-protocol.ts';

const core = loadCode(() => import('./search-core.ts'));
// The index parts are on their way: get the decompressor ready meanwhile.
warmUpInflate().catch(() => undefined);
/** Whether the search code has had its warm-up run (the `warmUp` request), in this worker or page. */
let warmedUp = false;
/** Phrase candidates a `count` request checks at most (their article fragments are fetched): beyond it the count stays approximate. */
const PHRASE_SETTLE_LIMIT = 2000;
/** After the head start's summaries, the App still has to paint them: the folding table waits this long (ms). */
const FOLDING_TABLE_DELAY_MS = 1000;

/** Where requests arrive and replies go: a dedicated worker's scope, or one end of a `MessageChannel`. */
export interface SearchPort {
  postMessage(reply: WorkerReply): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => unknown) | null;
}

/** How `serveSearch` runs its searches. */
export interface ServeOptions {
  /**
   * Awaited between the stages of a search, around each index file's decoding and between the
   * summaries of a page (see `RunOptions.pause`, `IndexSource.pause`): `yieldToPage` when the
   * search runs on the page's own thread (the widget's inline mode). None in a worker, whose long
   * tasks block nobody.
   */
  pause?: (stage?: string) => Promise<void>;
}

/** Answers the requests that arrive on `port`, until it is closed. */
export function serveSearch(port: SearchPort, { pause }: ServeOptions = {}): void {
  /** The index open (or opening, or that failed to open) on this port. */
  let session: IndexSession | null = null;
  let lastParsed: { text: string; parsed: Promise<ParsedQuery> } | null = null;
  const progress: LoadProgress = { manifest: false, docs: false, terms: 0, started: 0, finished: 0 };
  /** Counter of the latest `search` request: an older progressive search stops at its next step. */
  let latestSearch = 0;
  /** The latest `search` and its complete answer to come (`firstSummaries` waits for it). */
  let lastSearch: { key: string; answer: Promise<SearchAnswer> } | null = null;

  const handlers: { [K in RequestType]: (params: WorkerApi[K]['params'], id: number) => Promise<WorkerApi[K]['result']> } = {
    async open({ indexUrl, manifest }) {
      if (session?.url !== indexUrl) session = openSession(indexUrl, report, pause);
      const opened = await (session.opening() ?? session.open(core, manifest));
      // Every query needs the newest block's rank rows: start fetching them before the first one arrives.
      opened.reader.rankRows([opened.reader.blockCount - 1]).catch(() => undefined);
      return opened.manifest;
    },

    async ping() {
      return true;
    },

    async warmUp() {
      // Not on a page's own thread (a hosted page whose worker could not start): one more long task there.
      return pause ? false : warmUpOnce();
    },

    search({ query, progressive }, id) {
      latestSearch = id;
      if (session) void session.fetchFirstAnswerFiles(query.text);
      // A prefetch under way fetches this query's neighbourhood next: the next keystroke's terms sort near it.
      session?.focusPrefetch(query.text);
      const answer = searchFor(query, progressive === true, id);
      lastSearch = { key: searchKey(query), answer };
      return answer;
    },

    async count({ query }) {
      const opened = await ready();
      return answerOf(await opened.search(query, { phraseCheckLimit: PHRASE_SETTLE_LIMIT, pause }));
    },

    async summaries({ numbers, text }) {
      return summariesOf(numbers, text);
    },

    async firstSummaries({ query, count }) {
      const key = searchKey(query);
      const search = lastSearch;
      if (search?.key !== key) return { numbers: [], summaries: [], failed: [] };
      const answer = await search.answer;
      if (lastSearch !== search) return { numbers: [], summaries: [], failed: [] };
      const numbers = answer.hits.slice(0, count).map((hit) => hit.number);
      return { numbers, ...(await summariesOf(numbers, query.text)) };
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
      const { highlightRanges } = await core;
      await pause?.('reader body folded');
      return highlightRanges(body, parsed);
    },

    async prefetch({ budget }) {
      const opened = await ready();
      if (!isFoldingTableLoaded()) loadFoldingTable().catch(() => undefined);
      return session!.prefetchVocabulary(opened, budget);
    },

    async fetched() {
      await ready();
      return session!.fetched();
    },

    async facetValues() {
      const opened = await ready();
      // The page asks once its first results show, a partial answer's too: the complete answer's
      // files and its page's fragments go first (a query that filters by a facet reads its values itself).
      const answer = await lastSearch?.answer.catch(() => null);
      if (answer) await Promise.allSettled(answer.hits.map((hit) => opened.fragment(hit.number)));
      const tables = await opened.reader.facetValues();
      return Object.fromEntries(opened.manifest.columns.map((column, i) => [column.name, tables[i]!]));
    },

    async related({ number }) {
      // Only the reader asks for related stories: their code is a chunk of its own, off the search path.
      const { findRelated } = await loadCode(() => import('../lib/search/query/related.ts'));
      const opened = await ready();
      await pause?.('related asked');
      const related = await findRelated(opened.reader, number);
      return Promise.all(
        related.map(async ({ number: n, score }) => {
          const { id, title, outlet, date } = await fragmentOf(n);
          return { number: n, id, title, outlet, date, score };
        }),
      );
    },
  };

  port.onmessage = async (event: MessageEvent<WorkerRequest>) => {
    const request = event.data;
    try {
      const handler = handlers[request.type] as (params: unknown, id: number) => Promise<WorkerApi[RequestType]['result']>;
      post({ id: request.id, ok: true, result: await handler(request.params, request.id) });
      runAfterReply();
      // The hosted page's head start has sent its summaries (the results are about to be painted):
      // fetch the folding table then, so that a later query typed in traditional characters does
      // not wait for it before its parts; never on the first results' path (a query that needs it
      // fetches it itself). Only the hosted page asks for it so, or for `prefetch` (which fetches
      // it too): the widget, whose download its host pays for, sends `foldingTable: false` and
      // fetches it only for a query that needs it.
      if (!isFoldingTableLoaded() && request.type === 'firstSummaries' && request.params.foldingTable !== false) {
        setTimeout(() => loadFoldingTable().catch(() => undefined), FOLDING_TABLE_DELAY_MS);
      }
    } catch (error) {
      post({ id: request.id, ok: false, failure: describe(error) });
    }
  };

  /** A search's complete answer; a progressive one posts its partial answers on the way (see the protocol). */
  async function searchFor(query: SearchQuery, progressive: boolean, id: number): Promise<SearchAnswer> {
    const opened = await ready();
    // The fragments are asked for once the answer has gone out: ten fetch() calls cost this
    // thread a few milliseconds, which the page's count would otherwise wait for.
    const prefetch = (answer: SearchAnswer) => {
      afterReply.push(() => prefetchFragments(opened, query.text, answer));
      return answer;
    };
    // The facet rows are not waited for: the page asks for the facets after the first results (a `count`).
    if (!progressive) return prefetch(answerOf(await opened.search(query, { pause, facetsLater: true })));
    let last: SearchAnswer | null = null;
    for await (const step of opened.searchProgressively(query, { pause, facetsLater: true })) {
      last = answerOf(step);
      // An incomplete step goes out at once (waiting for the next one would hide it behind the
      // very work it is there to skip); the complete one is the reply.
      if (last.searched.articles >= last.searched.of) break;
      post({ id, partial: prefetch(last) });
      runAfterReply();
      // Let a newer search's message in before the next, larger step: with its parts cached, the
      // steps would otherwise run back to back and keep the new keystroke waiting.
      await nextTask();
      if (latestSearch !== id) break; // a newer search is waiting for this thread
    }
    return prefetch(last!);
  }

  /** Summaries of articles `numbers` for query `text`; one failed fragment does not hide the others. */
  async function summariesOf(numbers: number[], text: string): Promise<SummariesResult> {
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
  }

  function post(reply: WorkerReply): void {
    port.postMessage(reply);
  }

  /** Work a reply is not to wait for (`searchFor`'s fragment fetches), run once it has been posted. */
  const afterReply: Array<() => void> = [];

  function runAfterReply(): void {
    for (const task of afterReply.splice(0)) task();
  }

  async function ready(): Promise<Searcher> {
    if (!session) throw new Error('search-worker: the index is not open (send "open" first)');
    return session.ready();
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
    const { findSnippet, highlightRanges, RESULT_SNIPPET_CHARS } = await core;
    // Fragments fetched ahead arrive together: each snippet in a task of its own.
    await pause?.('fragment arrived');
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
    // The loader says why where it throws: a file that could not be fetched, or a damaged index.
    if (error instanceof IndexError) return { kind: error.reason === 'unavailable' ? 'unavailable' : 'corrupt', message: error.message, file: error.file };
    // A chunk of code that could not be fetched is a network problem, not a bug.
    if (error instanceof CodeUnavailableError) return { kind: 'unavailable', message: error.message };
    return { kind: 'bug', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * Runs the search's code once over a tiny index (`warm-up.ts`), in a task of its own, once the
 * core has arrived: while the first parts download, the engine compiles what the real search then
 * runs warm. A chunk of its own, asked for by the hosted page only (`src/boot/preopen-index.ts`): the widget's
 * download is budgeted, and in its inline mode the page's main thread is the host's.
 * Resolves to false when it had run already.
 */
async function warmUpOnce(): Promise<boolean> {
  if (warmedUp) return false;
  warmedUp = true;
  const [{ warmUpSearch }, engine] = await Promise.all([loadCode(() => import('../lib/search/warm-up.ts')), core]);
  // In steps, each behind whatever else is queued: it runs while the first answer's files are on
  // their way, and one arriving must not wait for the whole warm-up (30–40 ms in a fresh worker)
  // before its next request leaves.
  await warmUpSearch(engine, behindOtherTasks).catch(() => undefined);
  return true;
}

/** What crosses to the page of a search response. */
function answerOf({ total, groups, approximate, hits, facets, facetsPending, searched, cut, rewrites }: Omit<SearchAnswer, 'cut'> & { cut?: QueryCut | null }): SearchAnswer {
  return { total, groups, approximate, hits, facets, ...(facetsPending ? { facetsPending } : {}), searched, ...(cut ? { cut } : {}), ...(rewrites?.length ? { rewrites } : {}) };
}

/**
 * The page asks for these hits' fragments next (their snippets for query `text`): start fetching
 * them now, one hop sooner. Not, for the empty query, the newest articles': the manifest brought
 * their snippets (a query with words needs their text for its marks). Returns `answer`.
 */
function prefetchFragments(opened: Searcher, text: string, answer: SearchAnswer): SearchAnswer {
  const leads = text.trim() ? new Set<number>() : new Set(opened.manifest.newest.map((article) => article.number));
  // Not the collapsed near-duplicates: they are shown only when a reader expands their group.
  for (const hit of answer.hits) if (!leads.has(hit.number)) opened.fragment(hit.number).catch(() => undefined);
  return answer;
}

/** Resolves in a later task, after the messages already queued have been handled. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
