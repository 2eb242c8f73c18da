/**
 * The shapes the search state shares with its components, the widget and its own parts: the
 * options it is made with, the events it tells a host page, the errors and the reader it shows,
 * and what it asks of the worker (so that tests can hand it a fake one).
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { SearchQuery } from '../../lib/search/types.ts';
import type { HeadStart } from '../client/head-start.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { RequestOptions, SearchMode } from '../client/worker-client.ts';
import type { ArticleBody, ArticleSummary, LoadProgress, RelatedSummary, RequestType, WorkerApi } from '../../protocol/worker-protocol.ts';
import type { HistorySync } from './history-sync.ts';
import type { VocabularyPrefetch } from './vocabulary-prefetch-once.ts';
import type { UrlState } from './url-state.ts';

/** What the widget tells its host page (see `SearchStateOptions.onEvent`). */
export type SearchEvent =
  | { type: 'query'; detail: { query: string; total: number } }
  | { type: 'open'; detail: { id: string; title: string; url: string; outlet: string; date: string } }
  | { type: 'error'; detail: { message: string } }
  /** Where the search runs (the widget shows it as `data-mode`, it dispatches no event for it). */
  | { type: 'mode'; detail: { mode: SearchMode } };

/** How the App is set up: the hosted page, or the widget. */
export interface SearchStateOptions {
  /** Index folder URL, relative to the page (`./data/`) or absolute. */
  indexUrl: string;
  /** UI language; default: `?lang=` (when syncing the URL), else `defaultLang`, else the browser's Chinese. */
  lang?: Lang;
  /** The site's language when the URL names none (`news-archive-search build --lang`). */
  defaultLang?: Lang;
  /**
   * Read the state from the page URL and write it back (history entries, Back/Forward): the
   * hosted page passes `HistorySync` (so that the widget, which never touches the URL, does not
   * load it); none for the widget.
   */
  history?: typeof HistorySync;
  /** Results per page; default `PAGE_SIZE`. */
  pageSize?: number;
  /** Search box placeholder instead of the language's example. */
  placeholder?: string;
  /** Filters to start with when the URL is not synced (the widget's preset outlets and dates). */
  initial?: Partial<Pick<UrlState, 'filters' | 'from' | 'to'>>;
  /** Hosted search page: when set, articles open there (a link) instead of in the reader. */
  pageUrl?: string;
  /** Called when a search settles, an article is opened or an error is shown (the widget's events). */
  onEvent?: (event: SearchEvent) => void;
  /** Words the visitor typed before the App mounted (the hosted page's boot box): they win over the URL's. */
  typed?: string;
  /**
   * Fetch the whole vocabulary ahead after the first search for words: the hosted page passes
   * `VocabularyPrefetch` (see `vocabulary-prefetch.ts`), so that the widget, which never
   * prefetches, does not load it; none for the widget.
   */
  prefetch?: typeof VocabularyPrefetch;
  /**
   * The worker a first paint already searches with (the widget's, `src/widget/first-paint.ts`),
   * with its head start and the words typed there, taken once: null for a new connection (the
   * same widget set up again).
   */
  handOver?: (indexFolder: string) => HandedOver | null;
}

/** What the widget's first paint hands its App: its worker connection and the words in its box. */
export interface HandedOver extends StateConnection {
  typed: string;
}

/** What the state asks of the worker: a `SearchWorkerClient`, or a fake one in tests. */
export interface StateWorker {
  request<K extends RequestType>(type: K, params: WorkerApi[K]['params'], options?: RequestOptions): Promise<WorkerApi[K]['result']>;
  set onProgress(listener: (progress: LoadProgress) => void);
  set onMode(listener: (mode: SearchMode) => void);
  terminate(): void;
}

/** The worker the state talks to, and what the page started ahead of the App with it. */
export interface StateConnection {
  client: StateWorker;
  /** The index this worker is already opening (the hosted page's `preopen.ts`), else null: the state asks. */
  opening: Promise<Manifest> | null;
  /** The page's own search ahead of the App for exactly `query`, once (`head-start.ts`), else null. */
  takeHeadStart(query: SearchQuery): HeadStart | null;
}

/** Messages that explain a failure (looked up when shown, so they follow the language). */
export type ErrorMessage =
  | 'indexUnavailable'
  | 'indexCorrupt'
  | 'partUnavailable'
  | 'summariesUnavailable'
  | 'articleUnavailable'
  | 'offlineIndexMissing'
  | 'offlinePartMissing'
  | 'offlineSummariesMissing'
  | 'offlineArticleMissing';

/** An error the visitor sees, with the action that retries what failed. */
export interface ShownError {
  message: ErrorMessage;
  retry: () => void;
}

/** The reader: the article being shown, its related articles, its own errors. */
export interface ReaderState {
  /** Article number, or null while an id from the URL is being resolved. */
  number: number | null;
  /** Article id (for the URL). */
  id: string;
  status: 'loading' | 'ready' | 'missing' | 'error';
  article: ArticleBody | null;
  /** Query text the body's marks are for ('' for none). */
  text: string;
  related: RelatedSummary[] | null;
  error: ShownError | null;
}

/** What a result row knows before (preview) or after (summary) its fragment arrived. */
export interface ResultInfo {
  id: string;
  title: string;
  outlet: string;
  date: string;
  summary: ArticleSummary | null;
}
