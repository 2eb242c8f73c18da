/**
 * The one runes module: what the page shows (manifest, query, filters, results, summaries, the
 * open article, errors) and the intents that change it. Components read it and call intents;
 * the worker, the URL and the timers live here, at the edge.
 */
import { createContext } from 'svelte';
import type { TextRange } from '../lib/search/highlight.ts';
import type { ArticlePreview, Manifest } from '../lib/search/index-format.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES } from '../lib/search/query-caps.ts';
import { withoutQueryWord } from '../lib/search/query-operators.ts';
import type { SearchQuery, SortOrder } from '../lib/search/types.ts';
import type { HistoryMode, HistorySync } from './history-sync.ts';
import { loadedMessages, loadMessages, preferredChinese, ZH_HANS, type Lang, type Messages } from './i18n.ts';
import { type HeadStart, takeHeadStart } from './head-start.ts';
import { resolveIndexFolder, takePreopened } from './preopen.ts';
import { isBareListing, PAGE_SIZE, queryOf } from './search-request.ts';
import { SummaryLoader } from './summary-loader.svelte.ts';
import { connectionAllowsPrefetch, PREFETCH_DELAY_MS, VOCABULARY_BUDGET } from './vocabulary-prefetch.ts';
import { DEFAULT_URL_STATE, sameUrlState, serializeUrlState, type UrlState } from './url-state.ts';
import { SearchWorkerClient, WorkerRequestError, type SearchMode } from './worker-client.ts';
import type { ArticleBody, ArticleSummary, LoadProgress, RelatedSummary, SearchAnswer, WorkerFailure } from './worker-protocol.ts';

export { PAGE_SIZE } from './search-request.ts';
/**
 * Keystrokes in the same task are coalesced, nothing more: the worker answers in a few
 * milliseconds and late answers are dropped, so waiting for typing to settle only adds latency
 * (the page benchmark measured +50 ms at p95 with a 50 ms pause).
 */
const DEBOUNCE_MS = 0;

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
  initial?: Partial<Pick<UrlState, 'outlets' | 'from' | 'to'>>;
  /** Hosted search page: when set, articles open there (a link) instead of in the reader. */
  pageUrl?: string;
  /** Called when a search settles, an article is opened or an error is shown (the widget's events). */
  onEvent?: (event: SearchEvent) => void;
  /** Words the visitor typed before the App mounted (the hosted page's boot box): they win over the URL's. */
  typed?: string;
  /** Fetch the whole vocabulary ahead after the first search for words (the hosted page; see `vocabulary-prefetch.ts`). */
  prefetchVocabulary?: boolean;
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

export class SearchState {
  lang: Lang = $state('zh-Hans');
  /** Strings of the languages loaded so far (traditional Chinese and English are chunks). */
  private messages: Partial<Record<Lang, Messages>> = $state.raw({ 'zh-Hans': ZH_HANS });
  readonly t: Messages = $derived(this.messages[this.lang] ?? ZH_HANS);
  /** False until the strings of `lang` have arrived: the App shows nothing in a wrong language. */
  readonly hasMessages: boolean = $derived(this.messages[this.lang] !== undefined);

  manifest: Manifest | null = $state.raw(null);
  indexStatus: 'loading' | 'ready' | 'error' = $state('loading');
  progress: LoadProgress | null = $state.raw(null);

  text = $state('');
  outlets: string[] = $state.raw([]);
  from = $state('');
  to = $state('');
  sort: SortOrder = $state('relevance');

  /** The latest answer, its hits grown by "Load more". */
  answer: SearchAnswer | null = $state.raw(null);
  /** Query text of `answer`: snippets and marks are made for it. */
  answerText = $state('');
  isSearching = $state(false);
  isLoadingMore = $state(false);
  /** Results whose near-duplicates are shown (by article number), in the answers to search `seq`. */
  private expanded: { seq: number; numbers: ReadonlySet<number> } = $state.raw({ seq: -1, numbers: new Set() });

  reader: ReaderState | null = $state.raw(null);
  error: ShownError | null = $state.raw(null);

  readonly hasFilters = $derived(this.outlets.length > 0 || this.from !== '' || this.to !== '');

  readonly placeholder: string | undefined;
  /** Absolute URL of the hosted page when articles open there, else null (the reader). */
  readonly pageUrl: string | null;

  private readonly chinese: Lang;
  private readonly indexUrl: string;
  private readonly pageSize: number;
  private readonly onEvent: (event: SearchEvent) => void;
  /** Set once the App is unmounted: its worker's pending requests then fail, which is no error. */
  private stopped = false;
  private readonly client: SearchWorkerClient;
  private readonly history: HistorySync | null;
  private readonly loader: SummaryLoader;
  private readonly previews = new Map<number, ArticlePreview>();
  private readonly initialArticleId: string;
  private urlLang: Lang | undefined;
  /** Counters: only the answer to the latest search (or article) may be shown. */
  private searchSeq = 0;
  private readerSeq = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** Words of the latest search started (the box may be ahead of it while typing). */
  private searchedText = $state('');
  /** A bare listing waits for the manifest (see `runSearch`). */
  private listingPending = false;
  /** The answer shown was made from the manifest, not by the worker. */
  private isManifestListing = $state(false);
  /** The hosted page's head start (`preopen.ts`): the first open awaits it instead of asking. */
  private preopening: Promise<Manifest> | null = null;
  /** The visitor typed other words than the URL's before the App mounted: the URL follows them at start. */
  private readonly typedAhead: boolean;
  /** Still to do: fetch the vocabulary ahead after the first search for words (see `SearchStateOptions`). */
  private prefetchPending: boolean;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The page's own search ahead of the App for this very query (`head-start.ts`): the first search takes it. */
  private headStart: HeadStart | null = null;

  constructor(options: SearchStateOptions) {
    this.indexUrl = resolveIndexFolder(options.indexUrl);
    this.pageSize = options.pageSize && options.pageSize > 0 ? Math.floor(options.pageSize) : PAGE_SIZE;
    this.placeholder = options.placeholder || undefined;
    this.pageUrl = options.pageUrl ? new URL(options.pageUrl, document.baseURI).href : null;
    const onEvent = options.onEvent ?? (() => undefined);
    // A stopped App (the widget set up again, or removed) tells its host nothing more.
    this.onEvent = (event) => {
      if (!this.stopped) onEvent(event);
    };
    this.chinese = preferredChinese(navigator.languages ?? [navigator.language]);
    const preopened = takePreopened(this.indexUrl);
    this.client = preopened?.client ?? new SearchWorkerClient();
    this.client.onProgress = (progress) => (this.progress = progress);
    this.client.onMode = (mode) => this.onEvent({ type: 'mode', detail: { mode } });
    this.preopening = preopened?.opening ?? null;
    this.history = options.history ? new options.history(() => this.urlState(), (state) => this.restore(state)) : null;
    this.loader = new SummaryLoader(
      (numbers, text) => this.client.request('summaries', { numbers, text }),
      () => (this.answer ? this.answerText : ''),
      (error) => {
        if (this.indexStatus !== 'error') this.fail(error, 'summaries', this.retrySummaries);
      },
    );
    const fromUrl = this.history?.read() ?? { ...DEFAULT_URL_STATE, ...options.initial };
    this.urlLang = fromUrl.lang;
    this.lang = options.lang ?? fromUrl.lang ?? options.defaultLang ?? this.chinese;
    this.needMessages(this.lang);
    this.initialArticleId = fromUrl.articleId;
    this.applyQuery(fromUrl);
    this.prefetchPending = options.prefetchVocabulary === true;
    this.typedAhead = options.typed !== undefined && options.typed !== fromUrl.text;
    if (this.typedAhead) this.text = options.typed!;
    // Only the worker that ran it has its fragments at hand: the head start goes with the preopened client.
    this.headStart = preopened ? takeHeadStart(this.firstPageQuery()) : null;
    const early = this.headStart?.settled;
    const shown = early?.answer ?? early?.partial;
    if (shown) {
      // In the first render already: no empty list painted before the results.
      this.answer = shown;
      this.answerText = this.headStart!.text;
      this.searchedText = this.answerText.trim();
      this.isSearching = !early!.answer;
      if (early!.summaries) this.loader.adopt(early!.summaries.numbers, this.answerText, early!.summaries);
    }
  }

  /** The index files the worker fetched and the open build (the hosted page's service worker stores them: src/offline/). */
  fetchedFiles(): Promise<{ build: string; paths: string[] }> {
    return this.client.request('fetched', {});
  }

  /** Opens the index, runs the query from the URL, opens its article (call once mounted). */
  start(): () => void {
    const stopListening = this.history?.listen();
    void this.open();
    this.runSearch();
    if (this.typedAhead) this.writeUrl('typing');
    if (this.initialArticleId) this.showArticle({ id: this.initialArticleId }, this.initialArticleId);
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

  /**
   * The results are busy while a search runs and while they answer other words than the box's
   * (typed, not searched yet): the list's `aria-busy`.
   */
  get isBusy(): boolean {
    return this.isSearching || this.searchedText !== this.text.trim();
  }

  /** True while the answer shown covers only the newest articles (a progressive search goes on). */
  get isPartial(): boolean {
    const searched = this.answer?.searched;
    return searched !== undefined && searched.articles < searched.of;
  }

  /** Status line: the number of results as digits (or what the page is waiting for). */
  get statusText(): string {
    const t = this.t;
    // The search failed: the error notice says what happened; no count or promise here.
    if (this.error && this.error.retry === this.retrySearch) return '';
    const isQuery = this.text.trim() !== '' || this.hasFilters;
    const answer = this.answer;
    // A query typed while the page still lists the manifest's newest (the index has not answered
    // anything yet): say it will run, rather than show the listing's count as if it were its own.
    if (answer && this.isSearching && this.isManifestListing && isQuery) return t.queuedQuery;
    if (answer) {
      const grouped = answer.groups !== undefined && answer.groups < answer.total ? t.groupCount(answer.groups) : '';
      const count = isQuery ? t.count(answer.total, answer.approximate) + grouped : t.allCount(answer.total);
      return this.isPartial ? `${count}${t.searchedSoFar(answer.searched.articles, answer.searched.of)}` : count;
    }
    if (this.indexStatus === 'error') return '';
    if (this.manifest) return isQuery ? t.queuedQuery : t.allCount(this.manifest.articles);
    return t.loading(t.loadingManifest);
  }

  /** What the query limits cut from the query shown, as sentences (empty when nothing). */
  get queryCutText(): string {
    const cut = this.answer?.cut;
    if (!cut) return '';
    const t = this.t;
    const notes = [cut.chars !== undefined ? t.queryCutChars(cut.chars, MAX_QUERY_CHARS) : '', cut.clauses !== undefined ? t.queryCutClauses(cut.clauses, MAX_QUERY_CLAUSES) : ''];
    return notes.filter(Boolean).join(' ');
  }

  /** Article numbers of the rows to list: the results, or the manifest's newest before any answer. */
  get rows(): number[] {
    if (this.answer) return this.answer.hits.map((hit) => hit.number);
    if (this.manifest && !this.text.trim() && !this.hasFilters) return this.manifest.newest.map((preview) => preview.number);
    return [];
  }

  /** True once an answer's first page shows every row's summary (or says it could not be loaded). */
  get isFirstPageShown(): boolean {
    if (!this.answer) return false;
    return this.rows.slice(0, this.pageSize).every((number) => this.loader.summaries.has(number) || this.loader.failed.has(number));
  }

  get hasMore(): boolean {
    return this.answer !== null && this.answer.hits.length < (this.answer.groups ?? this.answer.total);
  }

  /** Near-duplicates collapsed under result `number` (article numbers, in result order). */
  similarOf(number: number): number[] {
    const hit = this.answer?.hits.find((candidate) => candidate.number === number);
    return hit?.similar?.map((similar) => similar.number) ?? [];
  }

  /** True when result `number` shows its near-duplicates. */
  isExpanded(number: number): boolean {
    return this.expanded.numbers.has(number);
  }

  /** Shows or hides the near-duplicates under result `number`, in place. */
  toggleSimilar(number: number): void {
    const numbers = new Set(this.expanded.numbers);
    if (!numbers.delete(number)) numbers.add(number);
    this.expanded = { seq: this.expanded.seq, numbers };
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
    this.text = text;
    // Mid-IME (pinyin being composed) the letters are not the query yet: wait for compositionend.
    if (isComposing) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.runSearch();
      this.writeUrl('typing');
    }, DEBOUNCE_MS);
  }

  /** Runs the typed query now (Enter), committing a history entry. */
  submit(): void {
    this.commit();
  }

  toggleOutlet(name: string): void {
    this.outlets = this.outlets.includes(name) ? this.outlets.filter((o) => o !== name) : [...this.outlets, name];
    this.commit();
  }

  setDateRange(from: string, to: string): void {
    // A reversed range is what a visitor means the other way round.
    [this.from, this.to] = from && to && from > to ? [to, from] : [from, to];
    this.commit();
  }

  setSort(sort: SortOrder): void {
    this.sort = sort;
    this.commit();
  }

  clearOutlets(): void {
    this.outlets = [];
    this.commit();
  }

  clearDates(): void {
    this.from = this.to = '';
    this.commit();
  }

  clearFilters(): void {
    this.outlets = [];
    this.from = this.to = '';
    this.commit();
  }

  /** Searches again without one of the typed words (a "no results" suggestion). */
  /** Searches `text` instead of what was typed (the rewrites line's literal search), committing a history entry. */
  searchText(text: string): void {
    this.text = text;
    this.commit();
  }

  dropTerm(term: string): void {
    this.text = withoutQueryWord(this.text, term);
    this.commit();
  }

  /** Switches between English and the visitor's Chinese. */
  toggleLang(): void {
    const lang = this.lang === 'en' ? this.chinese : 'en';
    // Switch once its strings are here: the page never shows a mix of languages.
    void this.needMessages(lang).then(() => {
      this.lang = lang;
      this.urlLang = lang;
      this.writeUrl('replace');
    });
  }

  async loadMore(): Promise<void> {
    if (!this.answer || this.isLoadingMore) return;
    const seq = this.searchSeq;
    this.isLoadingMore = true;
    try {
      const more = await this.client.request('search', { query: { ...this.query(), offset: this.answer.hits.length, limit: this.pageSize } });
      if (seq !== this.searchSeq || !this.answer) return;
      this.answer = { ...this.answer, hits: [...this.answer.hits, ...more.hits] };
    } catch (error) {
      if (seq === this.searchSeq) this.fail(error, 'search', () => void this.loadMore());
    } finally {
      if (seq === this.searchSeq) this.isLoadingMore = false;
    }
  }

  /** Opens an article in the reader: from a result, or from a related story inside the reader. */
  openArticle(number: number, id: string): void {
    this.announceOpen(number, id);
    // The hosted page opens it: the link itself navigates.
    if (this.pageUrl) return;
    const isInReader = this.reader !== null;
    this.showArticle({ number }, id);
    // From one article to a related one: Close should still return to the results in one step.
    this.writeUrl(isInReader && this.history?.isReaderEntry ? 'replace' : 'reader');
  }

  closeArticle(): void {
    if (!this.reader) return;
    this.readerSeq++;
    this.reader = null;
    if (this.history?.isReaderEntry) this.history.leaveReaderEntry();
    else this.writeUrl('replace');
  }

  /** Asks the worker for the ranges of the reader's body text to mark. */
  async highlightBody(body: string): Promise<TextRange[]> {
    const text = this.reader?.text ?? '';
    if (!text) return [];
    try {
      return await this.client.request('highlight', { body, text });
    } catch (error) {
      // Marks are a nicety: the article is readable without them.
      this.log(error);
      return [];
    }
  }

  retry(): void {
    this.error?.retry();
  }

  // ---- Internals ----

  /** Loads the strings of `lang` (at once for simplified Chinese); a failure falls back to it. */
  private needMessages(lang: Lang): Promise<void> {
    const known = loadedMessages(lang);
    if (known) {
      if (!this.messages[lang]) this.messages = { ...this.messages, [lang]: known };
      return Promise.resolve();
    }
    return loadMessages(lang).then(
      (messages) => {
        this.messages = { ...this.messages, [lang]: messages };
      },
      (error: unknown) => {
        this.log(error);
        this.messages = { ...this.messages, [lang]: ZH_HANS };
      },
    );
  }

  private announceOpen(number: number, id: string): void {
    const summary = this.loader.summaries.get(number);
    const info = this.infoOf(number) ?? this.reader?.related?.find((related) => related.number === number);
    this.onEvent({
      type: 'open',
      detail: { id, title: info?.title ?? '', url: summary?.url ?? '', outlet: info?.outlet ?? '', date: info?.date ?? '' },
    });
  }

  private query(): SearchQuery {
    return queryOf(this);
  }

  /** The current query's first page. */
  private firstPageQuery(): SearchQuery & { limit: number } {
    return { ...this.query(), limit: this.pageSize };
  }

  private urlState(): UrlState {
    const state: UrlState = {
      text: this.text.trim() ? this.text : '',
      outlets: this.outlets,
      from: this.from,
      to: this.to,
      sort: this.sort,
      articleId: this.reader?.id ?? '',
    };
    if (this.urlLang) state.lang = this.urlLang;
    return state;
  }

  private applyQuery(state: UrlState): void {
    this.text = state.text;
    this.outlets = state.outlets;
    this.from = state.from;
    this.to = state.to;
    this.sort = state.sort;
  }

  /** A committed change (filter, sort, Enter): search now and add a history entry. */
  private commit(): void {
    clearTimeout(this.debounce);
    this.runSearch();
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
      if (this.listingPending) this.runSearch();
      if (this.error?.retry === this.retryOpen) this.error = null;
    } catch (error) {
      this.indexStatus = 'error';
      this.fail(error, 'open', this.retryOpen);
    }
  }

  private readonly retryOpen = (): void => {
    this.error = null;
    void this.open();
    this.runSearch();
    if (this.reader?.status === 'error') this.reader.error?.retry();
  };

  private runSearch(): void {
    const seq = ++this.searchSeq;
    const query = this.firstPageQuery();
    this.isSearching = true;
    this.isLoadingMore = false;
    this.searchedText = query.text.trim();
    // The bare listing's first page is in the manifest: no docs table, no worker (at 100,000
    // articles the worker would read every docs block for it). Before the manifest, wait for it.
    this.listingPending = isBareListing(query) && !this.manifest;
    if (this.listingPending) return;
    const listing = this.manifest && isBareListing(query) ? listingOf(this.manifest, query.limit) : null;
    if (listing) return this.showAnswer(seq, query.text, listing, true);
    // A query over much of the archive answers from the newest articles first, then completes
    // (the status line says how much has been searched). The bare listing needs no such care.
    const progressive = query.text.trim() !== '' || this.hasFilters;
    const onPartial = (answer: SearchAnswer) => this.showPartial(seq, query.text, answer);
    const head = this.headStart;
    this.headStart = null;
    if (head) return this.takeOver(seq, head);
    this.client.request('search', { query, progressive }, { onPartial }).then(
      (answer) => this.showAnswer(seq, query.text, answer),
      (error: unknown) => {
        if (seq !== this.searchSeq) return;
        this.isSearching = false;
        // The open error is already on screen, and its Retry searches again.
        if (this.indexStatus !== 'error') this.fail(error, 'search', this.retrySearch);
      },
    );
  }

  /**
   * Search `seq` is the head start's (same query): shows its answer and takes its summaries, at
   * once when they are in. Should the head start have failed, the worker is asked again.
   */
  private takeOver(seq: number, head: HeadStart): void {
    const show = (answer: SearchAnswer) => {
      this.showAnswer(seq, head.text, answer);
      // The worker makes them for the answer's first page (the rows on screen do not ask meanwhile).
      const numbers = answer.hits.slice(0, this.pageSize).map((hit) => hit.number);
      this.loader.adopt(numbers, head.text, head.settled.summaries ?? head.summaries);
    };
    if (head.settled.answer) return show(head.settled.answer);
    if (head.settled.partial) this.showPartial(seq, head.text, head.settled.partial);
    head.onPartial = (partial) => this.showPartial(seq, head.text, partial);
    head.answer.then(
      (answer) => {
        if (seq === this.searchSeq) show(answer);
      },
      () => {
        if (seq === this.searchSeq) this.runSearch();
      },
    );
  }

  /** Shows a partial answer to search `seq` (unless a newer search has started); the search goes on. */
  private showPartial(seq: number, text: string, answer: SearchAnswer): void {
    if (seq !== this.searchSeq) return;
    this.answer = answer;
    if (this.expanded.seq !== seq) this.expanded = { seq, numbers: new Set() };
    this.isManifestListing = false;
    this.answerText = text;
    this.loader.refresh(this.rows);
  }

  /** Shows the complete answer to search `seq` (unless a newer search has started). */
  private showAnswer(seq: number, text: string, answer: SearchAnswer, fromManifest = false): void {
    if (seq !== this.searchSeq) return;
    this.answer = answer;
    if (this.expanded.seq !== seq) this.expanded = { seq, numbers: new Set() };
    this.isManifestListing = fromManifest;
    this.answerText = text;
    this.isSearching = false;
    if (this.error?.retry === this.retrySearch) this.error = null;
    this.loader.refresh(this.rows);
    this.onEvent({ type: 'query', detail: { query: text, total: answer.total } });
    if (text.trim()) this.schedulePrefetch();
    if (answer.approximate && answer.searched.articles >= answer.searched.of) this.settleCount(seq, text);
  }

  /**
   * A complete answer that is still approximate has phrases confirmed only as far as its page:
   * asks the worker for the exact count (every candidate's text checked), then shows it with the
   * rows already on screen.
   */
  private settleCount(seq: number, text: string): void {
    const query = { ...this.firstPageQuery(), text };
    this.client.request('count', { query }).then(
      (exact) => {
        if (seq !== this.searchSeq || !this.answer) return;
        this.answer = { ...this.answer, total: exact.total, approximate: exact.approximate, facets: exact.facets };
      },
      // The approximate count stays; the search itself succeeded.
      () => undefined,
    );
  }

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

  private readonly retrySearch = (): void => {
    this.error = null;
    this.runSearch();
  };

  private readonly retrySummaries = (): void => {
    this.error = null;
    this.loader.retry();
  };

  private showArticle(target: { number: number } | { id: string }, id: string): void {
    if (this.reader?.id === id && this.reader.status === 'ready') return;
    const seq = ++this.readerSeq;
    const number = 'number' in target ? target.number : null;
    this.reader = { number, id, status: 'loading', article: null, text: this.text.trim(), related: null, error: null };
    const update = (change: Partial<ReaderState>) => {
      if (seq === this.readerSeq && this.reader) this.reader = { ...this.reader, ...change };
    };
    const load = () => {
      this.client.request('article', target).then(
        (article) => {
          if (!article) return update({ status: 'missing' });
          update({ status: 'ready', article, number: article.number });
          this.loadRelated(seq, article.number);
        },
        (error: unknown) => {
          this.log(error);
          const retry = () => {
            update({ status: 'loading', error: null });
            load();
          };
          const message = this.messageFor(error, 'article');
          update({ status: 'error', error: { message, retry } });
          if (seq === this.readerSeq) this.onEvent({ type: 'error', detail: { message: this.t[message] } });
        },
      );
    };
    load();
  }

  private loadRelated(seq: number, number: number): void {
    this.client.request('related', { number }).then(
      (related) => {
        if (seq === this.readerSeq && this.reader) this.reader = { ...this.reader, related };
      },
      (error: unknown) => {
        // Related stories are extra: log the cause and show none rather than a second error.
        this.log(error);
        if (seq === this.readerSeq && this.reader) this.reader = { ...this.reader, related: [] };
      },
    );
  }

  /** Back/Forward: shows the URL's state. */
  private restore(state: UrlState): void {
    clearTimeout(this.debounce);
    const withoutArticle = (s: UrlState): UrlState => ({ ...s, articleId: '', lang: undefined });
    if (!sameUrlState(withoutArticle(state), withoutArticle(this.urlState()))) {
      this.applyQuery(state);
      this.runSearch();
    }
    const lang = state.lang;
    if (lang && lang !== this.lang) void this.needMessages(lang).then(() => (this.lang = lang));
    if (!state.articleId && this.reader) {
      this.readerSeq++;
      this.reader = null;
    } else if (state.articleId && state.articleId !== this.reader?.id) {
      this.showArticle({ id: state.articleId }, state.articleId);
    }
  }

  private messageFor(error: unknown, operation: 'open' | 'search' | 'summaries' | 'article'): ErrorMessage {
    const failure: WorkerFailure = error instanceof WorkerRequestError ? error.failure : { kind: 'bug', message: String(error) };
    if (failure.kind === 'corrupt') return 'indexCorrupt';
    // Offline, a file that could not be fetched is one this device has not stored: say that.
    if (failure.kind === 'unavailable' && navigator.onLine === false) return OFFLINE_MESSAGES[operation];
    if (operation === 'open') return 'indexUnavailable';
    if (operation === 'search') return 'partUnavailable';
    if (operation === 'summaries') return 'summariesUnavailable';
    return 'articleUnavailable';
  }

  /** Shows an error with its Retry and logs the technical detail once. */
  private fail(error: unknown, operation: 'open' | 'search' | 'summaries', retry: () => void): void {
    this.log(error);
    this.error = { message: this.messageFor(error, operation), retry };
    this.onEvent({ type: 'error', detail: { message: this.t[this.error.message] } });
  }

  private log(error: unknown): void {
    if (this.stopped) return;
    const detail = error instanceof WorkerRequestError ? `${error.failure.message}${error.failure.file ? ` [${error.failure.file}]` : ''}` : error;
    console.error('news-archive-search:', detail);
  }
}

const OFFLINE_MESSAGES = {
  open: 'offlineIndexMissing',
  search: 'offlinePartMissing',
  summaries: 'offlineSummariesMissing',
  article: 'offlineArticleMissing',
} as const satisfies Record<string, ErrorMessage>;

/**
 * The bare listing's first `limit` articles from the manifest (the newest, with the empty query's
 * facets), or null when the manifest cannot say (an older index, or a longer page than it lists).
 */
function listingOf(manifest: Manifest, limit: number): SearchAnswer | null {
  if (!manifest.facets || (limit > manifest.newest.length && manifest.newest.length < manifest.articles)) return null;
  return {
    total: manifest.articles,
    approximate: false,
    hits: manifest.newest.slice(0, limit).map((article) => ({ number: article.number, score: 0, terms: [] })),
    facets: manifest.facets,
    searched: { articles: manifest.articles, of: manifest.articles },
  };
}

export const [getSearchState, setSearchState] = createContext<SearchState>();
