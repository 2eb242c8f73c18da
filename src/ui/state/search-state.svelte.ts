/**
 * What the page shows and the intents that change it, composed of small parts: the query
 * inputs (`query-inputs`), the results (`results`), the reader (`reader`), the language
 * (`locale`), the status texts and error messages (`status-text`). Components read this object
 * and call its intents; the worker (`StateConnection`, passed in), the URL and the timers are
 * reached from here only.
 */
import { createContext } from 'svelte';
import type { TextRange } from '../../lib/search/highlight.ts';
import type { ArticlePreview, Manifest } from '../../lib/search/index-format.ts';
import type { SortOrder } from '../../lib/search/types.ts';
import { quickRange, type QuickRange } from '../date-range.ts';
import { preferredChinese, type Lang, type Messages } from '../i18n.ts';
import { resolveIndexFolder } from '../preopen.ts';
import { PAGE_SIZE } from '../search-request.ts';
import { connectionAllowsPrefetch, PREFETCH_DELAY_MS, VOCABULARY_BUDGET } from '../vocabulary-prefetch.ts';
import type { LoadProgress, SearchAnswer } from '../worker-protocol.ts';
import { connectWorker } from './connect-worker.ts';
import type { HistoryMode, HistorySync } from './history-sync.ts';
import { Locale } from './locale.svelte.ts';
import { QueryInputs } from './query-inputs.svelte.ts';
import { Reader } from './reader.svelte.ts';
import { Results } from './results.svelte.ts';
import { errorDetail, errorMessage, isPartialAnswer, queryCutText, statusText, type Operation } from './status-text.ts';
import { SummaryLoader } from './summary-loader.svelte.ts';
import type { ReaderState, ResultInfo, SearchEvent, SearchStateOptions, ShownError, StateConnection, StateWorker } from './types.ts';
import { DEFAULT_URL_STATE, sameUrlState, serializeUrlState, type UrlState } from './url-state.ts';

export { PAGE_SIZE } from '../search-request.ts';
export type { ErrorMessage, ReaderState, ResultInfo, SearchEvent, SearchStateOptions, ShownError, StateConnection, StateWorker } from './types.ts';

/**
 * Keystrokes in the same task are coalesced, nothing more: the worker answers in a few
 * milliseconds and late answers are dropped, so waiting for typing to settle only adds latency.
 */
const DEBOUNCE_MS = 0;

export class SearchState {
  manifest: Manifest | null = $state.raw(null);
  indexStatus: 'loading' | 'ready' | 'error' = $state('loading');
  progress: LoadProgress | null = $state.raw(null);
  error: ShownError | null = $state.raw(null);

  readonly placeholder: string | undefined;
  /** Absolute URL of the hosted page when articles open there, else null (the reader). */
  readonly pageUrl: string | null;

  private readonly locale: Locale;
  private readonly inputs = new QueryInputs();
  private readonly results: Results;
  private readonly readerPart: Reader;
  private readonly indexUrl: string;
  private readonly pageSize: number;
  private readonly onEvent: (event: SearchEvent) => void;
  /** Set once the App is unmounted: its worker's pending requests then fail, which is no error. */
  private stopped = false;
  private readonly client: StateWorker;
  private readonly history: HistorySync | null;
  private readonly loader: SummaryLoader;
  private readonly previews = new Map<number, ArticlePreview>();
  private readonly initialArticleId: string;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** The hosted page's head start (`preopen.ts`): the first open awaits it instead of asking. */
  private preopening: Promise<Manifest> | null;
  /** The visitor typed other words than the URL's before the App mounted: the URL follows them at start. */
  private readonly typedAhead: boolean;
  /** Still to do: fetch the vocabulary ahead after the first search for words (see `SearchStateOptions`). */
  private prefetchPending: boolean;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param connect the worker for the index folder (absolute): by default the one the hosted page
   *   started ahead (`preopen.ts`) or a new one; tests pass a fake
   */
  constructor(options: SearchStateOptions, connect: (indexFolder: string) => StateConnection = connectWorker) {
    this.indexUrl = resolveIndexFolder(options.indexUrl);
    this.pageSize = options.pageSize && options.pageSize > 0 ? Math.floor(options.pageSize) : PAGE_SIZE;
    this.placeholder = options.placeholder || undefined;
    this.pageUrl = options.pageUrl ? new URL(options.pageUrl, document.baseURI).href : null;
    const onEvent = options.onEvent ?? (() => undefined);
    // A stopped App (the widget set up again, or removed) tells its host nothing more.
    this.onEvent = (event) => {
      if (!this.stopped) onEvent(event);
    };
    this.locale = new Locale(preferredChinese(navigator.languages ?? [navigator.language]), (error) => this.log(error));
    const connection = connect(this.indexUrl);
    this.client = connection.client;
    this.client.onProgress = (progress) => (this.progress = progress);
    this.client.onMode = (mode) => this.onEvent({ type: 'mode', detail: { mode } });
    this.preopening = connection.opening;
    this.history = options.history ? new options.history(() => this.urlState(), (state) => this.restore(state)) : null;
    this.loader = new SummaryLoader(
      (numbers, text) => this.client.request('summaries', { numbers, text }),
      () => (this.answer ? this.answerText : ''),
      (error) => {
        if (this.indexStatus !== 'error') this.fail(error, 'summaries', this.retrySummaries);
      },
    );
    this.results = new Results({
      client: this.client,
      inputs: this.inputs,
      loader: this.loader,
      pageSize: this.pageSize,
      manifest: () => this.manifest,
      indexFailed: () => this.indexStatus === 'error',
      fail: (error, retry) => this.fail(error, 'search', retry),
      clearError: (retry) => {
        if (this.error?.retry === retry) this.error = null;
      },
      settled: (text, total) => {
        this.onEvent({ type: 'query', detail: { query: text, total } });
        if (text.trim()) this.schedulePrefetch();
      },
    });
    this.readerPart = new Reader({
      client: this.client,
      t: () => this.t,
      messageFor: (error) => this.messageFor(error, 'article'),
      onEvent: this.onEvent,
      log: (error) => this.log(error),
    });
    const fromUrl = this.history?.read() ?? { ...DEFAULT_URL_STATE, ...options.initial };
    this.locale.start(options.lang ?? fromUrl.lang ?? options.defaultLang ?? this.locale.chinese, fromUrl.lang);
    this.initialArticleId = fromUrl.articleId;
    this.inputs.apply(fromUrl);
    this.prefetchPending = options.prefetchVocabulary === true;
    this.typedAhead = options.typed !== undefined && options.typed !== fromUrl.text;
    if (this.typedAhead) this.inputs.text = options.typed!;
    const head = connection.takeHeadStart(this.results.firstPageQuery());
    if (head) this.results.adoptHeadStart(head);
  }

  /** The index files the worker fetched and the open build (the hosted page's service worker stores them: src/offline/). */
  fetchedFiles(): Promise<{ build: string; paths: string[] }> {
    return this.client.request('fetched', {});
  }

  /** Opens the index, runs the query from the URL, opens its article (call once mounted). */
  start(): () => void {
    const stopListening = this.history?.listen();
    void this.open();
    this.results.run();
    if (this.typedAhead) this.writeUrl('typing');
    if (this.initialArticleId) this.readerPart.show({ id: this.initialArticleId }, this.initialArticleId, this.text.trim());
    return () => {
      this.stopped = true;
      stopListening?.();
      clearTimeout(this.debounce);
      clearTimeout(this.prefetchTimer);
      this.loader.disconnect();
      this.client.terminate();
    };
  }

  // ---- What components read ----

  get lang(): Lang {
    return this.locale.lang;
  }
  get t(): Messages {
    return this.locale.t;
  }
  /** False until the strings of `lang` have arrived: the App shows nothing in a wrong language. */
  get hasMessages(): boolean {
    return this.locale.hasMessages;
  }

  get text(): string {
    return this.inputs.text;
  }
  set text(text: string) {
    this.inputs.text = text;
  }
  get outlets(): string[] {
    return this.inputs.outlets;
  }
  get from(): string {
    return this.inputs.from;
  }
  get to(): string {
    return this.inputs.to;
  }
  get sort(): SortOrder {
    return this.inputs.sort;
  }
  get hasFilters(): boolean {
    return this.inputs.hasFilters;
  }

  /** The latest answer, its hits grown by "Load more". */
  get answer(): SearchAnswer | null {
    return this.results.answer;
  }
  /** Query text of `answer`: snippets and marks are made for it. */
  get answerText(): string {
    return this.results.answerText;
  }
  get isSearching(): boolean {
    return this.results.isSearching;
  }
  get isLoadingMore(): boolean {
    return this.results.isLoadingMore;
  }

  /** The open article, or null. */
  get reader(): ReaderState | null {
    return this.readerPart.state;
  }

  /**
   * The results are busy while a search runs and while they answer other words than the box's
   * (typed, not searched yet): the list's `aria-busy`.
   */
  get isBusy(): boolean {
    return this.isSearching || this.results.searchedText !== this.text.trim();
  }

  /** True while the answer shown covers only the newest articles (a progressive search goes on). */
  get isPartial(): boolean {
    return isPartialAnswer(this.answer);
  }

  /** Status line: the number of results as digits (or what the page is waiting for). */
  get statusText(): string {
    const { answer, manifest, indexStatus, isSearching } = this;
    const { isManifestListing } = this.results;
    const searchFailed = this.error !== null && this.error.retry === this.results.retry;
    return statusText({ answer, manifest, indexStatus, isSearching, isManifestListing, isQuery: this.inputs.isQuery, searchFailed }, this.t);
  }

  /** What the query limits cut from the query shown, as sentences (empty when nothing). */
  get queryCutText(): string {
    return queryCutText(this.answer, this.t);
  }

  /** Article numbers of the rows to list: the results, or the manifest's newest before any answer. */
  get rows(): number[] {
    return this.results.rows;
  }

  /** True once an answer's first page shows every row's summary (or says it could not be loaded). */
  get isFirstPageShown(): boolean {
    if (!this.answer) return false;
    return this.rows.slice(0, this.pageSize).every((number) => this.loader.summaries.has(number) || this.loader.failed.has(number));
  }

  get hasMore(): boolean {
    return this.results.hasMore;
  }

  /** Near-duplicates collapsed under result `number` (article numbers, in result order). */
  similarOf(number: number): number[] {
    return this.results.similarOf(number);
  }

  /** True when result `number` shows its near-duplicates. */
  isExpanded(number: number): boolean {
    return this.results.isExpanded(number);
  }

  /** Shows or hides the near-duplicates under result `number`, in place. */
  toggleSimilar(number: number): void {
    this.results.toggleSimilar(number);
  }

  /** What a row can show now. */
  infoOf(number: number): ResultInfo | null {
    const summary = this.loader.summaries.get(number) ?? null;
    if (summary) return { id: summary.id, title: summary.title, outlet: summary.outlet, date: summary.date, summary };
    const preview = this.previews.get(number);
    return preview ? { id: preview.id, title: preview.title, outlet: preview.outlet, date: preview.date, summary: null } : null;
  }

  /** True when the row's summary could not be loaded. */
  hasFailedSummary(number: number): boolean {
    return this.loader.failed.has(number);
  }

  /** Outlets with their counts for the current query (manifest counts before any answer), by count. */
  get outletCounts(): Array<{ name: string; count: number }> {
    if (!this.manifest) return [];
    const facet = this.answer?.facets.outlets;
    const counts = this.manifest.outlets.map((outlet, order) => ({ name: outlet.name, count: facet ? (facet[outlet.name] ?? 0) : outlet.count, order }));
    return counts.sort((a, b) => b.count - a.count || a.order - b.order).map(({ name, count }) => ({ name, count }));
  }

  /** Shareable link to an article, on this page's current search. */
  articleHref(id: string): string {
    const { search } = serializeUrlState({ ...this.urlState(), articleId: '' });
    const href = `${search || '?'}#a=${id}`;
    return this.pageUrl ? new URL(href, this.pageUrl).href : href;
  }

  /** An attachment for a result row: loads its summary when it is on screen. */
  watch(number: number) {
    return this.loader.watch(number);
  }

  // ---- Intents ----

  setText(text: string, isComposing = false): void {
    this.inputs.text = text;
    // Mid-IME (pinyin being composed) the letters are not the query yet: wait for compositionend.
    if (isComposing) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.results.run();
      this.writeUrl('typing');
    }, DEBOUNCE_MS);
  }

  /** Runs the typed query now (Enter), committing a history entry. */
  submit(): void {
    this.commit();
  }

  toggleOutlet(name: string): void {
    this.inputs.toggleOutlet(name);
    this.commit();
  }

  setDateRange(from: string, to: string): void {
    this.inputs.setDateRange(from, to);
    this.commit();
  }

  /** Past week/month/year counted back from the archive's newest article (see `quickRange`). */
  setQuickRange(span: QuickRange): void {
    const last = this.manifest?.dates?.last;
    if (!last) return;
    const { from, to } = quickRange(last, span);
    this.setDateRange(from, to);
  }

  setSort(sort: SortOrder): void {
    this.inputs.sort = sort;
    this.commit();
  }

  clearOutlets(): void {
    this.inputs.clearOutlets();
    this.commit();
  }

  clearDates(): void {
    this.inputs.clearDates();
    this.commit();
  }

  clearFilters(): void {
    this.inputs.clearOutlets();
    this.inputs.clearDates();
    this.commit();
  }

  /** Searches `text` instead of what was typed (the rewrites line's literal search), committing a history entry. */
  searchText(text: string): void {
    this.inputs.text = text;
    this.commit();
  }

  /** Searches again without one of the typed words (a "no results" suggestion). */
  dropTerm(term: string): void {
    this.inputs.dropTerm(term);
    this.commit();
  }

  /** Switches between English and the visitor's Chinese (once its strings are here). */
  toggleLang(): void {
    void this.locale.toggle().then(() => this.writeUrl('replace'));
  }

  loadMore(): Promise<void> {
    return this.results.loadMore();
  }

  /** Opens an article in the reader: from a result, or from a related story inside the reader. */
  openArticle(number: number, id: string): void {
    this.announceOpen(number, id);
    // The hosted page opens it: the link itself navigates.
    if (this.pageUrl) return;
    const isInReader = this.reader !== null;
    this.readerPart.show({ number }, id, this.text.trim());
    // From one article to a related one: Close should still return to the results in one step.
    this.writeUrl(isInReader && this.history?.isReaderEntry ? 'replace' : 'reader');
  }

  closeArticle(): void {
    if (!this.reader) return;
    this.readerPart.close();
    if (this.history?.isReaderEntry) this.history.leaveReaderEntry();
    else this.writeUrl('replace');
  }

  /** Asks the worker for the ranges of the reader's body text to mark. */
  highlightBody(body: string): Promise<TextRange[]> {
    return this.readerPart.highlight(body);
  }

  retry(): void {
    this.error?.retry();
  }

  // ---- Internals ----

  private announceOpen(number: number, id: string): void {
    const summary = this.loader.summaries.get(number);
    const info = this.infoOf(number) ?? this.reader?.related?.find((related) => related.number === number);
    this.onEvent({
      type: 'open',
      detail: { id, title: info?.title ?? '', url: summary?.url ?? '', outlet: info?.outlet ?? '', date: info?.date ?? '' },
    });
  }

  private urlState(): UrlState {
    const { text, outlets, from, to, sort } = this.inputs;
    const state: UrlState = { text: text.trim() ? text : '', outlets, from, to, sort, articleId: this.reader?.id ?? '' };
    if (this.locale.urlLang) state.lang = this.locale.urlLang;
    return state;
  }

  /** A committed change (filter, sort, Enter): search now and add a history entry. */
  private commit(): void {
    clearTimeout(this.debounce);
    this.results.run();
    this.writeUrl('push');
  }

  private writeUrl(mode: HistoryMode): void {
    this.history?.write(mode);
  }

  private async open(): Promise<void> {
    this.indexStatus = 'loading';
    try {
      const preopening = this.preopening;
      this.preopening = null;
      const manifest = await (preopening ?? this.client.request('open', { indexUrl: this.indexUrl }));
      for (const preview of manifest.newest) this.previews.set(preview.number, preview);
      // The start page's snippets come with the manifest: its rows fetch nothing.
      this.loader.seed(manifest.newest.flatMap(({ lead, ...preview }) => (lead ? [{ ...preview, text: '', titleHighlights: [], snippet: lead }] : [])));
      this.manifest = manifest;
      this.indexStatus = 'ready';
      this.results.manifestArrived();
      if (this.error?.retry === this.retryOpen) this.error = null;
    } catch (error) {
      this.indexStatus = 'error';
      this.fail(error, 'open', this.retryOpen);
    }
  }

  private readonly retryOpen = (): void => {
    this.error = null;
    void this.open();
    this.results.run();
    if (this.reader?.status === 'error') this.reader.error?.retry();
  };

  /** After the first answer to words: the vocabulary ahead, once, when the connection allows. */
  private schedulePrefetch(): void {
    if (!this.prefetchPending) return;
    this.prefetchPending = false;
    if (!connectionAllowsPrefetch()) return;
    this.prefetchTimer = setTimeout(() => {
      // Background work: a failure costs nothing (searches fetch what they need, and say so).
      this.client.request('prefetch', { budget: VOCABULARY_BUDGET }).catch(() => undefined);
    }, PREFETCH_DELAY_MS);
  }

  private readonly retrySummaries = (): void => {
    this.error = null;
    this.loader.retry();
  };

  /** Back/Forward: shows the URL's state. */
  private restore(state: UrlState): void {
    clearTimeout(this.debounce);
    const withoutArticle = (s: UrlState): UrlState => ({ ...s, articleId: '', lang: undefined });
    if (!sameUrlState(withoutArticle(state), withoutArticle(this.urlState()))) {
      this.inputs.apply(state);
      this.results.run();
    }
    const lang = state.lang;
    if (lang && lang !== this.lang) void this.locale.show(lang);
    if (!state.articleId && this.reader) this.readerPart.close();
    else if (state.articleId && state.articleId !== this.reader?.id) this.readerPart.show({ id: state.articleId }, state.articleId, this.text.trim());
  }

  private messageFor(error: unknown, operation: Operation) {
    return errorMessage(error, operation, navigator.onLine !== false);
  }

  /** Shows an error with its Retry and logs the technical detail once. */
  private fail(error: unknown, operation: Exclude<Operation, 'article'>, retry: () => void): void {
    this.log(error);
    this.error = { message: this.messageFor(error, operation), retry };
    this.onEvent({ type: 'error', detail: { message: this.t[this.error.message] } });
  }

  private log(error: unknown): void {
    if (this.stopped) return;
    console.error('news-archive-search:', errorDetail(error));
  }
}

export const [getSearchState, setSearchState] = createContext<SearchState>();
