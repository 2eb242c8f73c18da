/**
 * The hand-over from the page's first moments to the App: the search `early-search.ts` ran while
 * the App's code was downloading, with its answer and the summaries (titles, snippets) of the
 * first results. The App's first search takes it instead of asking the worker again, so that it
 * mounts with results already there: no second round trip through a main thread that is busy
 * mounting, no render of an empty list followed by one of the results, and the summaries asked
 * for as soon as the answer is in, not a frame after the rows appear.
 *
 * The widget's first paint (`src/widget/first-paint.ts`) hands its App its search the same way,
 * through a slot of its own (`HeadStartSlot`): several widgets on a page do not share one.
 *
 * Only the latest search offered is kept, and only a search asked exactly alike takes it.
 */
import { normalizeFilters } from '../../lib/search/categorical-facets.ts';
import type { SearchQuery } from '../../lib/search/types.ts';
import type { SearchAnswer, WorkerApi } from '../../protocol/worker-protocol.ts';

/** Summaries of a search's first hits, and which hits they are (the worker's `firstSummaries`). */
export type FirstSummaries = WorkerApi['firstSummaries']['result'];

/** A search started ahead of the App. */
export interface HeadStart {
  /** Query text (summaries are made for it). */
  text: string;
  /** The complete answer. */
  answer: Promise<SearchAnswer>;
  /** The summaries of its first hits, made by the worker as soon as it has answered. */
  summaries: Promise<FirstSummaries>;
  /** What has arrived, readable at once: the App's first render shows it (`partial`: the latest partial answer of a progressive search). */
  settled: { answer?: SearchAnswer; partial?: SearchAnswer; summaries?: FirstSummaries };
  /** Called with each partial answer from now on: the App's, once it has taken the search over. */
  onPartial: ((answer: SearchAnswer) => void) | null;
}

/** How a head start asks the worker, in this order (`firstSummaries` is for the search just sent). */
export interface HeadStartRequests {
  search(onPartial: (answer: SearchAnswer) => void): Promise<SearchAnswer>;
  firstSummaries(): Promise<FirstSummaries>;
}

/**
 * Where one page part offers its head start and the App takes it: the hosted page has one (the
 * functions below); each widget its own, handed to its App with its worker client.
 */
export class HeadStartSlot {
  private offered: { key: string; start: HeadStart } | null = null;

  /** Offers `start`, the search of `query`; replaces any earlier offer. */
  readonly hold = (query: SearchQuery, start: HeadStart): void => {
    this.offered = { key: searchKey(query), start };
  };

  /** The head start for exactly `query`, once (later searches ask the worker themselves); else null. */
  readonly take = (query: SearchQuery): HeadStart | null => {
    const entry = this.offered;
    this.offered = null;
    return entry && entry.key === searchKey(query) ? entry.start : null;
  };
}

/**
 * A query's identity: two searches with the same key get the same answer.
 *
 * @example searchKey({ text: '王毅', limit: 10 }) === searchKey({ limit: 10, text: '王毅' }) // true
 */
export function searchKey(query: SearchQuery): string {
  const { text, filters, from = '', to = '', sort = 'relevance', offset = 0, limit } = query;
  return JSON.stringify([text, normalizeFilters(filters), from, to, sort, offset, limit ?? null]);
}

const pageSlot = new HeadStartSlot();

/** Offers `start`, the search of `query`, to the hosted page's App; replaces any earlier offer (`offer-head-start.ts`). */
export const holdHeadStart = pageSlot.hold;

/** The hosted page's head start for exactly `query`, once; else null. */
export const takeHeadStart = pageSlot.take;
